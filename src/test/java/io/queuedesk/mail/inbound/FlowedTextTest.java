package io.queuedesk.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code format=flowed} text (RFC 3676) joined back into its paragraphs. */
class FlowedTextTest {

	@Test
	void softLineBreaksJoinAndHardOnesStay() {
		String flowed = "The export of the claims report fails every time I \r\n"
				+ "choose more than one month. \r\nIt worked last week.\r\n\r\nThanks,\r\nSam\r\n";
		assertThat(FlowedText.unflow(flowed, false)).isEqualTo(
				"The export of the claims report fails every time I choose more than one month. It worked last week.\n\nThanks,\nSam\n");
	}

	@Test
	void delSpRemovesTheSpaceThatMarkedTheBreak() {
		assertThat(FlowedText.unflow("Reallylongwordthatwas \r\nsplit here\r\n", true))
			.isEqualTo("Reallylongwordthatwassplit here\n");
	}

	@Test
	void spaceStuffingIsRemoved() {
		assertThat(FlowedText.unflow("  indented by the sender\r\n From the start\r\n", false))
			.isEqualTo(" indented by the sender\nFrom the start\n");
	}

	@Test
	void quotedLinesJoinWithinTheirDepthAndKeepTheirMarks() {
		String flowed = "My answer.\r\n\r\n> The first quoted line goes \r\n> on here.\r\n>> Older \r\n>> text.\r\n";
		assertThat(FlowedText.unflow(flowed, false))
			.isEqualTo("My answer.\n\n> The first quoted line goes on here.\n>> Older text.\n");
	}

	@Test
	void aSoftLineBeforeAnotherDepthEndsItsParagraph() {
		assertThat(FlowedText.unflow("Mine \r\n> quoted\r\n", false)).isEqualTo("Mine \n> quoted\n");
	}

	@Test
	void theSignatureSeparatorIsNoSoftBreak() {
		assertThat(FlowedText.unflow("Bye\r\n-- \r\nSam Submitter\r\n", false)).isEqualTo("Bye\n-- \nSam Submitter\n");
		assertThat(ReplyText.cut(FlowedText.unflow("Bye\r\n-- \r\nSam Submitter\r\n", false))).isEqualTo("Bye");
	}

}
