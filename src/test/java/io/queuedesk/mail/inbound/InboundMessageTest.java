package io.queuedesk.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import jakarta.mail.MessagingException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.queuedesk.attachment.Upload;

/**
 * Reading a raw message without Spring: charsets, the made-up Message-ID, automatic mail,
 * which part is the text, and the files with their decoded names.
 */
class InboundMessageTest {

	@TempDir
	Path folder;

	@Test
	void anIso88591TextAndSubjectAreDecoded() throws Exception {
		byte[] raw = concat("""
				From: =?ISO-8859-1?Q?J=FCrgen_M=FCller?= <Juergen.Mueller@Example.COM>
				To: support@desk.example.test
				Subject: =?ISO-8859-1?Q?Gr=FC=DFe_aus_K=F6ln?=
				Message-ID: <iso@example.com>
				MIME-Version: 1.0
				Content-Type: text/plain; charset=ISO-8859-1
				Content-Transfer-Encoding: 8bit

				""", "Grüße aus Köln, ça va?\n", StandardCharsets.ISO_8859_1);
		try (InboundMessage message = read(raw)) {
			assertThat(message.subject()).isEqualTo("Grüße aus Köln");
			assertThat(message.text()).isEqualTo("Grüße aus Köln, ça va?");
			assertThat(message.sender()).isEqualTo("juergen.mueller@example.com");
			assertThat(message.messageId()).isEqualTo("<iso@example.com>");
		}
	}

	@Test
	void aWindows1252TextKeepsItsQuotesAndEuroSign() throws Exception {
		byte[] raw = concat("""
				From: sam@example.com
				Subject: Price
				Message-ID: <cp1252@example.com>
				Content-Type: text/plain; charset="windows-1252"
				Content-Transfer-Encoding: quoted-printable

				""", "It costs =8020 =93net=94 =96 see below.\n", StandardCharsets.US_ASCII);
		try (InboundMessage message = read(raw)) {
			assertThat(message.text()).isEqualTo("It costs \u20ac20 \u201cnet\u201d \u2013 see below.");
		}
	}

	@Test
	void anUnknownCharsetIsReadAsUtf8() throws Exception {
		byte[] raw = concat("""
				From: sam@example.com
				Subject: Odd
				Content-Type: text/plain; charset=x-no-such-charset

				""", "Grüße\n", StandardCharsets.UTF_8);
		try (InboundMessage message = read(raw)) {
			assertThat(message.text()).isEqualTo("Grüße");
		}
	}

	@Test
	void aMessageWithoutAUsableMessageIdGetsOneMadeUpFromItsHash() throws Exception {
		for (String header : List.of("", "Message-ID: \n", "Message-ID: <a b@example.com>\n",
				"Message-ID: <one@example.com>\nMessage-ID: <two@example.com>\n",
				"Message-ID: <grüße@example.com>\n")) {
			byte[] raw = (header + "From: sam@example.com\nSubject: Hi\n\nHello\n").getBytes(StandardCharsets.UTF_8);
			Path file = write(raw);
			try (InboundMessage message = InboundMessage.read(file, true)) {
				assertThat(message.messageId()).as(header)
					.isEqualTo("<" + InboundMessage.sha256(file) + "@queuedesk.invalid>")
					.matches("<[0-9a-f]{64}@queuedesk\\.invalid>");
			}
		}
	}

	@Test
	void automaticMailIsRecognised() throws Exception {
		for (String header : List.of("Auto-Submitted: auto-replied", "Auto-Submitted: auto-generated",
				"Precedence: bulk", "Precedence: junk", "Precedence: list", "X-Autoreply: yes", "Return-Path: <>",
				"Return-Path: < >")) {
			assertThat(automatic(header + "\nFrom: sam@example.com")).as(header).isTrue();
		}
		assertThat(automatic("From: MAILER-DAEMON@mx.example.com")).isTrue();
		assertThat(automatic("From: postmaster@example.com")).isTrue();
		assertThat(automatic("From: sam@example.com\nContent-Type: multipart/report; report-type=delivery-status;"
				+ " boundary=b\n\n--b\nContent-Type: text/plain\n\nFailed\n--b--"))
			.isTrue();
		assertThat(automatic("Auto-Submitted: no\nFrom: sam@example.com")).isFalse();
		assertThat(automatic("Precedence: first-class\nFrom: sam@example.com")).isFalse();
		assertThat(automatic("Return-Path: <sam@example.com>\nFrom: sam@example.com")).isFalse();
	}

	@Test
	void theHeadersForThreadingAndTheRecipientsMostSpecificFirst() throws Exception {
		byte[] raw = """
				Delivered-To: support+client-b@desk.example.test
				From: "Sam S." <sam@example.com>
				To: Support <support@desk.example.test>, other@example.com
				Cc: SUPPORT+CLIENT-C@desk.example.test
				In-Reply-To: <a@x>
				References: <r@x>
				 <a@x>
				Subject: Re: Hi

				Hello
				""".getBytes(StandardCharsets.US_ASCII);
		try (InboundMessage message = read(raw)) {
			// Where the mail server delivered it wins over To and Cc.
			assertThat(message.recipients()).containsExactly("support+client-b@desk.example.test");
			assertThat(message.threadHeaders()).contains("<a@x>").contains("<r@x>");
			assertThat(message.sender()).isEqualTo("sam@example.com");
		}
		byte[] withoutDeliveredTo = new String(raw, StandardCharsets.US_ASCII)
			.replace("Delivered-To: support+client-b@desk.example.test\n", "")
			.getBytes(StandardCharsets.US_ASCII);
		try (InboundMessage message = read(withoutDeliveredTo)) {
			assertThat(message.recipients()).containsExactly("support@desk.example.test", "other@example.com",
					"support+client-c@desk.example.test");
		}
	}

	@Test
	void autoSubmittedNoIsAPersonsMailAndAnythingElseIsAutomatic() throws Exception {
		for (String value : new String[] { "no", "No (a person wrote this)", "no; reason=none" }) {
			try (InboundMessage message = read(("From: sam@example.com\nAuto-Submitted: " + value + "\n\nHi\n")
				.getBytes(StandardCharsets.US_ASCII))) {
				assertThat(message.automatic()).as(value).isFalse();
			}
		}
		for (String value : new String[] { "auto-replied", "auto-generated", "notification", "nope" }) {
			try (InboundMessage message = read(("From: sam@example.com\nAuto-Submitted: " + value + "\n\nHi\n")
				.getBytes(StandardCharsets.US_ASCII))) {
				assertThat(message.automatic()).as(value).isTrue();
			}
		}
	}

	@Test
	void flowedTextIsJoinedBackIntoItsParagraphs() throws Exception {
		byte[] raw = ("From: sam@example.com\nContent-Type: text/plain; charset=UTF-8; format=flowed\n\n"
				+ "The export fails every time I \nchoose more than one month.\n")
			.getBytes(StandardCharsets.US_ASCII);
		try (InboundMessage message = read(raw)) {
			assertThat(message.text()).isEqualTo("The export fails every time I choose more than one month.");
		}
	}

	@Test
	void htmlOnlyMailBecomesTextAndAnAlternativeGivesItsPlainText() throws Exception {
		try (InboundMessage html = read(fixture("apple-html-only"))) {
			assertThat(html.text()).contains("The billing page shows").doesNotContain("<", "alert(", "color: red");
		}
		try (InboundMessage gmail = read(fixture("gmail-new-ticket"))) {
			assertThat(gmail.text()).startsWith("Hello,").doesNotContain("HTML-ALTERNATIVE");
			assertThat(gmail.files()).isEmpty();
		}
	}

	@Test
	void filesKeepTheirDecodedNamesSizesAndBytes() throws Exception {
		try (InboundMessage outlook = read(fixture("outlook-attachments"))) {
			assertThat(outlook.text()).startsWith("The invoice for März is attached");
			List<Upload> files = outlook.files();
			assertThat(files).extracting(Upload::name).containsExactly("Rechnung März.pdf", "Fehler Übersicht.png");
			assertThat(files).extracting(Upload::size)
				.containsExactly((long) RawMail.PDF.length, (long) RawMail.PNG.length);
			try (InputStream in = files.get(1).content().getInputStream()) {
				assertThat(in.readAllBytes()).isEqualTo(RawMail.PNG);
			}
		}
		try (InboundMessage thunderbird = read(fixture("thunderbird-inline-image"))) {
			assertThat(thunderbird.text()).isEqualTo("The dashboard chart is cut off, see the picture.\n\nSam");
			assertThat(thunderbird.files()).extracting(Upload::name).containsExactly("chart.png");
		}
	}

	@Test
	void theTemporaryFilesAreGoneOnceClosed() throws Exception {
		InboundMessage message = read(fixture("outlook-attachments"));
		Upload file = message.files().get(0);
		message.close();
		assertThatThrownBy(() -> file.content().getInputStream()).isInstanceOf(IOException.class);
	}

	@Test
	void randomBytesAreNoMessage() throws Exception {
		byte[] garbage = new byte[2048];
		new Random(7).nextBytes(garbage);
		assertThatThrownBy(() -> InboundMessage.read(write(garbage), true)).isInstanceOf(MessagingException.class);
	}

	private boolean automatic(String headers) throws Exception {
		byte[] raw = (headers.contains("\n\n") ? headers : headers + "\nSubject: x\n\nbody\n")
			.getBytes(StandardCharsets.US_ASCII);
		try (InboundMessage message = read(raw)) {
			return message.automatic();
		}
	}

	private InboundMessage read(RawMail mail) throws Exception {
		return read(mail.from("sam@example.com").subject("Fixture").bytes());
	}

	private InboundMessage read(byte[] raw) throws Exception {
		return InboundMessage.read(write(raw), true);
	}

	private static RawMail fixture(String name) {
		return RawMail.fixture(name).with("returnPath", "<sam@example.com>");
	}

	private Path write(byte[] raw) throws IOException {
		return Files.write(Files.createTempFile(folder, "message", ".eml"), raw);
	}

	private static byte[] concat(String headers, String body, Charset charset) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(headers.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(body.replace("\n", "\r\n").getBytes(charset));
		return out.toByteArray();
	}

}
