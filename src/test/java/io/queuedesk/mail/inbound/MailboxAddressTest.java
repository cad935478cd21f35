package io.queuedesk.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * {@code QUEUEDESK_MAIL_IN_URL}: scheme, host, port, percent-decoded user and password,
 * the folder from the path (INBOX without one); shown and refused without the password.
 */
class MailboxAddressTest {

	@Test
	void readsEveryPart() {
		MailboxAddress address = MailboxAddress
			.parse("imaps://support%40example.com:p%40ss%3Aw+rd@imap.example.com:1993/Support/Inbox");
		assertThat(address.protocol()).isEqualTo("imaps");
		assertThat(address.host()).isEqualTo("imap.example.com");
		assertThat(address.port()).isEqualTo(1993);
		assertThat(address.user()).isEqualTo("support@example.com");
		assertThat(address.password()).isEqualTo("p@ss:w+rd");
		assertThat(address.folder()).isEqualTo("Support/Inbox");
		assertThat(address.shown()).isEqualTo("imaps://support@example.com@imap.example.com:1993/Support/Inbox");
		assertThat(address.toString()).doesNotContain("p@ss");
	}

	@Test
	void withoutAPathTheFolderIsInboxAndThePortTheProtocolsDefault() {
		MailboxAddress address = MailboxAddress.parse("IMAP://desk:secret@localhost");
		assertThat(address.protocol()).isEqualTo("imap");
		assertThat(address.port()).isEqualTo(-1);
		assertThat(address.folder()).isEqualTo("INBOX");
		assertThat(MailboxAddress.parse("imap://desk:secret@localhost/").folder()).isEqualTo("INBOX");
		assertThat(MailboxAddress.parse("imap://desk:secret@localhost/Tickets%20In").folder()).isEqualTo("Tickets In");
	}

	@Test
	void refusesOtherUrlsWithoutShowingThePassword() {
		for (String url : new String[] { "pop3://desk:hunter2@host/INBOX", "imap://desk@host/INBOX",
				"imap://:hunter2@host/INBOX", "imap:///INBOX", "imap://desk:hunter2%zz@host/", "not a url hunter2" }) {
			assertThatThrownBy(() -> MailboxAddress.parse(url)).as(url)
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("QUEUEDESK_MAIL_IN_URL")
				.hasMessageNotContaining("hunter2");
		}
	}

	@Test
	void hidesThePasswordInErrorTexts() {
		MailboxAddress address = MailboxAddress.parse("imap://desk:p%40ss%2Fword@host/INBOX");
		assertThat(address.withoutPassword("LOGIN p@ss/word failed, p%40ss%2Fword"))
			.isEqualTo("LOGIN [hidden] failed, [hidden]");
	}

}
