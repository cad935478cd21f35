package io.queuedesk.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.queuedesk.user.Role;
import io.queuedesk.user.TestUsers;

/**
 * Each refusal (SPEC §10): answered 422 with the reason, recorded in the inbound mail
 * log, nothing created, and never a mail back to the sender (no backscatter).
 */
class InboundRefusalTest extends InboundMailTestCase {

	@Autowired
	PasswordEncoder encoder;

	@Test
	void anUnknownSender() throws Exception {
		String stranger = "stranger@elsewhere.example";
		assertRefused(RawMail.text(stranger, "Hello " + tag(), "Please call me back."), "UNKNOWN_SENDER", stranger);
	}

	@Test
	void aDeactivatedSender() throws Exception {
		String former = TestUsers.uniqueEmail("former");
		TestUsers.insert(jdbc, encoder, former, "P@55word-former", Role.SUBMITTER, false, true, null);
		assertRefused(RawMail.text(former, "Still here " + tag(), "Hello again."), "INACTIVE_SENDER", former);
	}

	@Test
	void automaticMailOfEachKind() throws Exception {
		assertRefused(RawMail.text(SUBMITTER, "Out of office " + tag(), "I am away until Monday.",
				"Auto-Submitted: auto-replied"), "AUTOMATIC", SUBMITTER);
		assertRefused(RawMail.text(SUBMITTER, "Newsletter " + tag(), "News.", "Precedence: bulk"), "AUTOMATIC",
				SUBMITTER);
		assertRefused(RawMail.text("MAILER-DAEMON@mx.example.com", "Undelivered " + tag(), "Failed."), "AUTOMATIC",
				"mailer-daemon@mx.example.com");
		assertRefused(RawMail.text(SUBMITTER, "Bounce " + tag(), "Failed.", "Return-Path: <>"), "AUTOMATIC", SUBMITTER);
		assertRefused(RawMail.fixture("bounce-report")
			.from(SUBMITTER)
			.with("returnPath", "<" + SUBMITTER + ">")
			.subject("Delivery Status Notification " + tag()), "AUTOMATIC", SUBMITTER);
	}

	@Test
	void mailFromQueuedesksOwnAddress() throws Exception {
		assertRefused(RawMail.text(OWN, "[#1] Assigned to you " + tag(), "A loop."), "OWN_ADDRESS", OWN);
	}

	@Test
	void aMessageOverTheSizeLimitIsRefusedByItsHeaders() throws Exception {
		byte[] big = new byte[1_100_000];
		new Random(1).nextBytes(big);
		RawMail mail = RawMail.withFiles(SUBMITTER, "Huge log " + tag(), "See the log.", big);
		assertRefused(mail, "TOO_LARGE", SUBMITTER);
		assertThat(inboundRow(mail.messageId())).startsWith("REFUSED", "TOO_LARGE", null, null, SUBMITTER);
	}

	@Test
	void aMessageFarOverTheSizeLimitIsStillAnswered422() throws Exception {
		// More than the container swallows unread (2 MB) beyond the limit: a mail server
		// must read the answer, not a reset connection, or it delivers again and again.
		byte[] huge = new byte[4_500_000];
		new Random(4).nextBytes(huge);
		assertRefused(RawMail.withFiles(SUBMITTER, "Huger log " + tag(), "See the log.", huge), "TOO_LARGE", SUBMITTER);
	}

	@Test
	void filesOverTheAttachmentLimitsAreRefusedWhole() throws Exception {
		byte[] overOneFile = new byte[300 * 1024];
		new Random(2).nextBytes(overOneFile);
		assertRefused(RawMail.withFiles(SUBMITTER, "Big file " + tag(), "One file too large.", overOneFile),
				"TOO_LARGE", SUBMITTER);
		byte[] small = "log line\n".getBytes(StandardCharsets.US_ASCII);
		assertRefused(RawMail.withFiles(SUBMITTER, "Many files " + tag(), "Five files, four allowed.", small, small,
				small, small, small), "TOO_LARGE", SUBMITTER);
		assertThat(count("select count(*) from attachments where file_name = 'file-5.bin'")).isZero();
	}

	@Test
	void aNewTicketWithoutAnyClient() throws Exception {
		jdbc.sql("update clients set active = false where name = ?").param(DEFAULT_CLIENT).update();
		assertRefused(RawMail.text(SUBMITTER, "Which client? " + tag(), "No plus tag."), "NO_CLIENT", SUBMITTER);
	}

	@Test
	void aNewTicketWithoutItsProductArea() throws Exception {
		jdbc.sql("update product_areas set active = false where name = 'Claims'").update();
		try {
			assertRefused(RawMail.text(SUBMITTER, "Which area? " + tag(), "Claims is closed."), "NO_PRODUCT_AREA",
					SUBMITTER);
		}
		finally {
			jdbc.sql("update product_areas set active = true where name = 'Claims'").update();
		}
	}

	@Test
	void garbage() throws Exception {
		byte[] garbage = new byte[4096];
		new Random(3).nextBytes(garbage);
		HttpResponse<String> answer = post(garbage);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
		assertThat(reasonOf(answer)).isEqualTo("UNREADABLE");
		assertThat(post(garbage).statusCode()).as("the same garbage again").isEqualTo(422);
	}

	void assertRefused(RawMail mail, String reason, String sender) throws Exception {
		long tickets = count("select count(*) from tickets");
		HttpResponse<String> answer = post(mail);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
		assertThat(reasonOf(answer)).isEqualTo(reason);
		assertThat(answer.body()).contains("\"message\":\"");
		assertThat(inboundRow(mail.messageId())).startsWith("REFUSED", reason, null, null);
		assertThat(count("select count(*) from tickets")).isEqualTo(tickets);
		assertNothingSentTo(sender);
	}

	static String tag() {
		return InboundNewTicketTest.tag();
	}

}
