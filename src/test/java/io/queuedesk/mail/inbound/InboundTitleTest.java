package io.queuedesk.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A ticket's title from a subject and texts cut to their limits
 * ({@link InboundMailProcessor#title}, {@link InboundMailProcessor#cut}), without Spring.
 */
class InboundTitleTest {

	@Test
	void replyAndForwardPrefixesGoInSeveralLanguages() {
		assertThat(InboundMailProcessor.title("Re: Printer jams")).isEqualTo("Printer jams");
		assertThat(InboundMailProcessor.title("Fwd: AW: RE: Re[2]: Printer jams")).isEqualTo("Printer jams");
		assertThat(InboundMailProcessor.title("  FW:Sv: WG : Printer jams  ")).isEqualTo("Printer jams");
		assertThat(InboundMailProcessor.title("Antw: Printer: it jams")).isEqualTo("Printer: it jams");
		assertThat(InboundMailProcessor.title("Regarding the printer")).isEqualTo("Regarding the printer");
		assertThat(InboundMailProcessor.title("Re:Re: [#12] Printer jams")).isEqualTo("[#12] Printer jams");
	}

	@Test
	void nothingLeftIsNull() {
		assertThat(InboundMailProcessor.title(null)).isNull();
		assertThat(InboundMailProcessor.title("")).isNull();
		assertThat(InboundMailProcessor.title("Re: ")).isNull();
		assertThat(InboundMailProcessor.title(" \t\u0007\r\n")).isNull();
	}

	@Test
	void lineBreaksAndControlCharactersGoAndTheTitleIsCutTo200() {
		assertThat(InboundMailProcessor.title("Printer\r\nBcc: evil@example.org\u0000\u202e jams"))
			.isEqualTo("Printer Bcc: evil@example.org jams");
		String title = InboundMailProcessor.title("Re: " + "x".repeat(199) + "\ud83d\ude00 and more");
		assertThat(title).hasSize(199).doesNotContain("\ud83d");
		assertThat(InboundMailProcessor.title("y".repeat(5_000))).hasSize(200);
	}

	@Test
	void aTextOverTheLimitIsCutAndMarked() {
		assertThat(InboundMailProcessor.cut("short", 10)).isEqualTo("short");
		assertThat(InboundMailProcessor.cut("x".repeat(10_000), 10_000)).hasSize(10_000);
		String cut = InboundMailProcessor.cut("word ".repeat(5_000), 10_000);
		assertThat(cut).hasSizeLessThanOrEqualTo(10_000).endsWith("word\n\n[\u2026]");
		String emoji = InboundMailProcessor.cut("a".repeat(94) + "\ud83d\ude00".repeat(10), 100);
		assertThat(emoji).hasSizeLessThanOrEqualTo(100).endsWith("[\u2026]");
		assertThat(Character.isHighSurrogate(emoji.charAt(emoji.length() - 5))).isFalse();
	}

}
