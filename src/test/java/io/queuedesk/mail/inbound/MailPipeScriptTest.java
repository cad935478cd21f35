package io.queuedesk.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code scripts/queuedesk-mail-pipe}, the Postfix pipe transport of README "Mail in",
 * run as Postfix runs it (the message on standard input) against the running app: its
 * exit status must tell Postfix the right thing, or mail is lost (a database outage
 * bounced) or answered (a refusal bounced to the sender).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"queuedesk.mail-in.token=" + MailPipeScriptTest.TOKEN, "queuedesk.mail-in.default-client=Client A" })
class MailPipeScriptTest {

	static final String TOKEN = "pipe-test-token-0123456789abcdef";

	static final Path SCRIPT = Path.of("scripts/queuedesk-mail-pipe");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@BeforeAll
	static void curlIsThere() {
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/curl")), "curl is not installed");
	}

	@Test
	void anAcceptedMessageExitsZeroAndBecomesOneTicketAlsoWhenDeliveredTwice() throws Exception {
		String subject = "Printer on floor 3 is jammed " + UUID.randomUUID();
		Path message = message("user@example.com", subject);
		assertThat(pipe(message, TOKEN)).isZero();
		assertThat(pipe(message, TOKEN)).isZero();
		assertThat(jdbc.sql("select count(*) from tickets where title = ?").param(subject).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aRefusedMessageIsDroppedNotBounced() throws Exception {
		Path message = message("stranger@elsewhere.example", "Buy now " + UUID.randomUUID());
		assertThat(pipe(message, TOKEN)).isZero();
	}

	@Test
	void aWrongTokenMakesTheMailServerTryAgainLater() throws Exception {
		Path message = message("user@example.com", "Wrong token " + UUID.randomUUID());
		assertThat(pipe(message, "not-the-token")).isEqualTo(75);
	}

	@Test
	void nobodyListeningMakesTheMailServerTryAgainLater() throws Exception {
		Path message = message("user@example.com", "Nobody there " + UUID.randomUUID());
		assertThat(run(message, TOKEN, "http://127.0.0.1:9/api/inbound-mail")).isEqualTo(75);
	}

	private int pipe(Path message, String token) throws IOException, InterruptedException {
		return run(message, token, "http://127.0.0.1:" + port + "/api/inbound-mail");
	}

	private int run(Path message, String token, String url) throws IOException, InterruptedException {
		Path header = dir.resolve("header-" + UUID.randomUUID());
		Files.writeString(header, "Authorization: Bearer " + token + "\n");
		Path errors = dir.resolve("stderr-" + UUID.randomUUID());
		Process process = new ProcessBuilder("sh", SCRIPT.toString(), url, header.toString())
			.redirectInput(message.toFile())
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.redirectError(errors.toFile())
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the script ends").isTrue();
		// What the script said goes into the test's output, for a failing assertion.
		System.out.println("queuedesk-mail-pipe exit " + process.exitValue() + ": " + Files.readString(errors));
		return process.exitValue();
	}

	private Path message(String from, String subject) throws IOException {
		Path file = dir.resolve(UUID.randomUUID() + ".eml");
		Files.writeString(file, """
				Return-Path: <%1$s>
				Delivered-To: support@desk.example.test
				From: Someone <%1$s>
				To: support@desk.example.test
				Subject: %2$s
				Message-ID: <%3$s@mail.example.test>
				Date: Mon, 30 Nov 2026 09:00:00 +0000
				MIME-Version: 1.0
				Content-Type: text/plain; charset=UTF-8

				The printer shows error E-42 after every second page.
				""".formatted(from, subject, UUID.randomUUID()).replace("\n", "\r\n"), StandardCharsets.UTF_8);
		return file;
	}

}
