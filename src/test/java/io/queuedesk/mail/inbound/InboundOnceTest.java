package io.queuedesk.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each message is processed once by its Message-ID (SPEC §10): posted twice, posted by
 * two deliveries at the same moment, polled and then posted, or without any Message-ID
 * (then by one made up from its SHA-256).
 */
class InboundOnceTest extends InboundMailTestCase {

	private static final int ROUNDS = 3;

	@Autowired
	InboundMailProcessor processor;

	@Test
	void theSameMessagePostedTwiceMakesOneTicketAndTheSecondAnswerIs200WithTheSameBody() {
		String title = "Twice " + InboundNewTicketTest.tag();
		RawMail mail = RawMail.text(SUBMITTER, title, "Sent twice by a retrying mail server.");
		HttpResponse<String> first = post(mail);
		HttpResponse<String> second = post(mail);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
		assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(count("select count(*) from tickets where title = ?", title)).isEqualTo(1);
		assertThat(count("select count(*) from inbound_mail where message_id = ?", mail.messageId())).isEqualTo(1);
	}

	@Test
	void twoPostsOfOneMessageAtOnceMakeOneTicketAndBothAnswersNameIt() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < ROUNDS; round++) {
				String title = "At once " + InboundNewTicketTest.tag();
				byte[] raw = RawMail.text(SUBMITTER, title, "Delivered twice at the same moment.").bytes();
				CyclicBarrier start = new CyclicBarrier(2);
				List<Future<HttpResponse<String>>> answers = List.of(pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return post(raw);
				}), pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return post(raw);
				}));
				HttpResponse<String> one = answers.get(0).get(60, TimeUnit.SECONDS);
				HttpResponse<String> other = answers.get(1).get(60, TimeUnit.SECONDS);
				assertThat(List.of(one.statusCode(), other.statusCode())).as(one.body() + " / " + other.body())
					.containsExactlyInAnyOrder(202, 200);
				assertThat(ticketOf(one)).isEqualTo(ticketOf(other));
				assertThat(count("select count(*) from tickets where title = ?", title)).isEqualTo(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aMessageWithoutMessageIdPostedTwiceMakesOneTicket() {
		String title = "Without an id " + InboundNewTicketTest.tag();
		RawMail mail = RawMail.text(SUBMITTER, title, "My client writes none.").messageId("");
		assertThat(new String(mail.bytes())).doesNotContainIgnoringCase("Message-ID");
		HttpResponse<String> first = post(mail);
		HttpResponse<String> second = post(mail);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(202);
		assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(count("select count(*) from tickets where title = ?", title)).isEqualTo(1);
		String madeUp = jdbc.sql("select message_id from inbound_mail where ticket_id = ?")
			.param(ticketOf(first))
			.query(String.class)
			.single();
		assertThat(madeUp).matches("<[0-9a-f]{64}@queuedesk\\.invalid>");
	}

	@Test
	void aMessagePolledAndThenPostedIsProcessedOnce() throws Exception {
		String title = "Both ways " + InboundNewTicketTest.tag();
		RawMail mail = RawMail.text(SUBMITTER, title, "In the mailbox and piped too.");
		Path raw = Files.createTempFile("inbound-test", ".eml");
		try {
			Files.write(raw, mail.bytes());
			InboundResult polled = processor.process(raw, InboundSource.IMAP, false);
			assertThat(polled.isAccepted()).isTrue();
			assertThat(polled.duplicate()).isFalse();
			assertThat(processor.process(raw, InboundSource.IMAP, false).duplicate()).isTrue();
		}
		finally {
			Files.deleteIfExists(raw);
		}
		HttpResponse<String> posted = post(mail);
		assertThat(posted.statusCode()).isEqualTo(200);
		assertThat(count("select count(*) from tickets where title = ?", title)).isEqualTo(1);
		assertThat(inboundRow(mail.messageId())).last().isEqualTo("IMAP");
	}

}
