package io.queuedesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The Message-IDs Queuedesk gives its mails and the parsing of replies' headers and
 * subjects back to a ticket: strict (our form and our domain only, no sign, no leading
 * zero, no overflow).
 */
class MailThreadingTest {

	final MailThreading threading = new MailThreading("desk.example.test");

	@Test
	void idsOfANotificationItsTicketRootAndOtherMails() {
		assertThat(threading.messageId(42)).matches("<qd\\.ticket-42\\.[0-9a-f]{32}@desk\\.example\\.test>");
		assertThat(threading.rootId(42)).isEqualTo("<qd.ticket-42@desk.example.test>");
		assertThat(threading.messageId()).matches("<qd\\.[0-9a-f]{32}@desk\\.example\\.test>");
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			ids.add(threading.messageId(42));
		}
		assertThat(ids).hasSize(1000);
		assertThatThrownBy(() -> threading.messageId(0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> threading.rootId(-1)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theDomainIsTheSendersInAsciiLowerCase() {
		assertThat(MailThreading.domainOf("queuedesk@localhost")).isEqualTo("localhost");
		assertThat(MailThreading.domainOf("desk@Example.COM")).isEqualTo("example.com");
		assertThat(MailThreading.domainOf("Queuedesk Support <support@Help.Example.org>"))
			.isEqualTo("help.example.org");
		assertThat(MailThreading.domainOf("desk@bücher.example")).isEqualTo("xn--bcher-kva.example");
		assertThat(MailThreading.domainOf("no-domain")).isEqualTo("localhost");
		assertThat(MailThreading.domainOf("desk@[127.0.0.1]")).isEqualTo("localhost");
		assertThat(new MailThreading("Desk.Example.TEST").rootId(1)).isEqualTo("<qd.ticket-1@desk.example.test>");
	}

	@Test
	void ourIdsRoundTrip() {
		assertThat(threading.ticketOf(threading.messageId(7))).contains(7L);
		assertThat(threading.ticketOf(threading.rootId(7))).contains(7L);
		assertThat(threading.ticketOf(threading.messageId(Long.MAX_VALUE))).contains(Long.MAX_VALUE);
		assertThat(threading.ticketOf(threading.messageId())).isEmpty();
	}

	@Test
	void referencesListsFoldingAndBrackets() {
		String references = "<CAF=abc@mail.gmail.com>\r\n <qd.ticket-12@desk.example.test>\r\n\t"
				+ "<qd.ticket-12.0123456789abcdef0123456789abcdef@desk.example.test> <reply-1@example.org>";
		assertThat(threading.ticketOf(references)).contains(12L);
		assertThat(threading.ticketOf("<qd.ticket-12@desk.example.test><other@example.org>")).contains(12L);
		assertThat(threading.ticketOf("  < qd.ticket-12@DESK.example.test >  (a comment)")).contains(12L);
		assertThat(threading.ticketOf("<qd.ticket-12.0123456789abcdef@desk.example.test>")).contains(12L);
		// Some clients drop the brackets.
		assertThat(threading.ticketOf("qd.ticket-12@desk.example.test")).contains(12L);
		assertThat(threading.ticketOf("a@b.example, qd.ticket-12@desk.example.test")).contains(12L);
		// Oldest first: the last id of ours names the ticket.
		assertThat(threading.ticketOf("<qd.ticket-3@desk.example.test> <qd.ticket-4@desk.example.test>")).contains(4L);
	}

	@Test
	void otherPeoplesIdsAndAnythingNotOursToTheLetterAreIgnored() {
		for (String header : new String[] { null, "", "   ", "<>", "<qd.ticket-12@other.example>",
				"<qd.ticket-12@desk.example.test.evil.example>", "<qd.ticket-12@evil-desk.example.test>",
				"<qd.ticket-12@evil.example@desk.example.test>", "<x.qd.ticket-12@desk.example.test>",
				"<qd.ticket-12x@desk.example.test>", "<qd.ticket--12@desk.example.test>",
				"<qd.ticket-+12@desk.example.test>", "<qd.ticket-0@desk.example.test>",
				"<qd.ticket-012@desk.example.test>", "<qd.ticket-9223372036854775808@desk.example.test>",
				"<qd.ticket-99999999999999999999@desk.example.test>", "<qd.ticket-@desk.example.test>",
				"<qd.ticket-12.abc@desk.example.test>", "<qd.ticket-12.0123456789abcdeg@desk.example.test>",
				"<qd.0123456789abcdef0123456789abcdef@desk.example.test>", "<qd.ticket-١٢@desk.example.test>",
				"<qd.ticket-12@desk.example.test", "qd.ticket-12@desk.example.test>" }) {
			assertThat(threading.ticketOf(header)).as(String.valueOf(header)).isEmpty();
		}
	}

	@Test
	void theSubjectTag() {
		assertThat(MailThreading.ticketOfSubject("[#123] New comment: Printer")).contains(123L);
		assertThat(MailThreading.ticketOfSubject("Re: Fwd: AW: [#123] New comment: Printer")).contains(123L);
		assertThat(MailThreading.ticketOfSubject("RE:[#5]Accepted")).contains(5L);
		assertThat(MailThreading.ticketOfSubject("Re: [Queuedesk #77] Assigned to you: X")).contains(77L);
		assertThat(MailThreading.ticketOfSubject("[#" + Long.MAX_VALUE + "] x")).contains(Long.MAX_VALUE);
		// The first valid tag wins.
		assertThat(MailThreading.ticketOfSubject("Re: [#99999999999999999999] [#8] [#9]")).contains(8L);
		for (String subject : new String[] { null, "", "Printer broken", "#123", "[123]", "[# 123]", "[#123", "[#-123]",
				"[#+123]", "[#0]", "[#0123]", "[#12a]", "[#9223372036854775808]", "[#١٢٣]", "Issue #123 (see [1])",
				"[Other #123]" }) {
			assertThat(MailThreading.ticketOfSubject(subject)).as(String.valueOf(subject)).isEqualTo(Optional.empty());
		}
	}

}
