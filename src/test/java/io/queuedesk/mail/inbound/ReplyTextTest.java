package io.queuedesk.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ReplyText} on the corpus of {@link Replies} (Gmail, Outlook desktop, Outlook on
 * the web and for iOS, Apple Mail, Thunderbird, German and French Gmail, signatures,
 * "Sent from my iPhone", inline answers, no quote) and on edge cases.
 */
class ReplyTextTest {

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.queuedesk.mail.inbound.Replies#bodies")
	void corpus(String name) {
		String body = Replies.read(name);
		String text = Replies.html(name) ? HtmlText.toText(body) : body;
		assertThat(ReplyText.cut(text)).isEqualTo(Replies.expected(Replies.base(name) + ".expected.txt"));
	}

	@Test
	void corpusHasEveryLayout() {
		assertThat(Replies.bodies()).contains("gmail-plain.txt", "gmail-html.html", "outlook-desktop.html",
				"outlook-desktop-plain.txt", "outlook-web.html", "apple-mail.txt", "thunderbird.txt",
				"gmail-german.txt", "signature.txt", "iphone.txt", "top-posted-inline.txt", "no-quote.txt");
	}

	@Test
	void wroteInTheMiddleOfASentenceStays() {
		String text = """
				Our CFO wrote: "the totals are wrong" in her mail.
				On Monday the vendor wrote: nothing at all.
				On Monday the vendor wrote:
				Kim""";
		assertThat(ReplyText.cut(text)).isEqualTo(text);
	}

	@Test
	void greaterThanInsideASentenceStays() {
		String text = "Totals > 100 are cut off.\nGo to Reports > Invoices.";
		assertThat(ReplyText.cut(text)).isEqualTo(text);
	}

	@Test
	void emptyAndNull() {
		assertThat(ReplyText.cut("")).isEmpty();
		assertThat(ReplyText.cut(null)).isEmpty();
		assertThat(ReplyText.cut(" \n\n \r\n")).isEmpty();
	}

	@Test
	void onlyAQuoteGivesNothing() {
		assertThat(ReplyText.cut("""
				On Mon, 30 Nov 2026 at 10:15, Queuedesk <support@queuedesk.example> wrote:
				> Could you attach the file?
				>
				> Open the ticket: https://desk.example.com/tickets/4711
				""")).isEmpty();
		assertThat(ReplyText.cut("> just a quote\n> and more")).isEmpty();
	}

	@Test
	void quoteLinesBetweenAnswersAreDropped() {
		assertThat(ReplyText.cut("""
				> Which report?
				The monthly one.
				> Since when?
				Since Monday.
				""")).isEqualTo("The monthly one.\nSince Monday.");
	}

	@Test
	void signatureDelimiterIsExactlyDashDashSpace() {
		assertThat(ReplyText.cut("Done.\n-- \nKim\nClient A")).isEqualTo("Done.");
		assertThat(ReplyText.cut("Done.\n--\nKim")).isEqualTo("Done.\n--\nKim");
		assertThat(ReplyText.cut("Done.\n --  \nKim")).isEqualTo("Done.\n --\nKim");
		assertThat(ReplyText.cut("Done.\r\n-- \r\nKim")).isEqualTo("Done.");
	}

	@Test
	void fromLineWithoutAHeaderBlockStays() {
		String text = """
				From: the logs I see the export stops at row 100.
				Sent: nothing else since.
				Kim""";
		assertThat(ReplyText.cut(text))
			.isEqualTo("From: the logs I see the export stops at row 100.\n" + "Sent: nothing else since.\nKim");
	}

	@Test
	void outlookHeaderBlockInOtherLanguagesAndBold() {
		assertThat(ReplyText.cut("""
				Erledigt.

				Von: Queuedesk <support@queuedesk.example>
				Gesendet: Montag, 30. November 2026 10:15
				An: Lena Vogel <lena@client-a.example>
				Betreff: [#4711] Neuer Kommentar
				""")).isEqualTo("Erledigt.");
		assertThat(ReplyText.cut("""
				C'est fait.

				De : Queuedesk <support@queuedesk.example>
				Envoyé : lundi 30 novembre 2026 10:15
				À : Camille <camille@client-a.example>
				Objet : [#4711] Nouveau commentaire
				""")).isEqualTo("C'est fait.");
		assertThat(ReplyText.cut("""
				Done.

				*From:* Queuedesk <support@queuedesk.example>
				*Sent:* Monday, November 30, 2026 10:15 AM
				*To:* Alex <alex@client-a.example>
				*Subject:* [#4711] New comment
				""")).isEqualTo("Done.");
	}

	@Test
	void attributionsOfEachClient() {
		for (String attribution : new String[] { "On Mon, 30 Nov 2026 at 10:15, Sam <sam@example.com> wrote:",
				"On Mon, 30 Nov 2026 at 10:15, Sam <sam@example.com>\nwrote:",
				"On Mon, Nov 30, 2026 at 10:15 AM Sam Taylor <\nsam@example.com> wrote:",
				"On 30 Nov 2026, at 10:15, Sam <sam@example.com> wrote:", "On 30/11/2026 10:15, Sam wrote:",
				"On 11/30/26 10:15 AM, Sam wrote:", "Am 30.11.2026 um 10:15 schrieb Sam:",
				"Am Mo., 30. Nov. 2026 um 10:15 Uhr schrieb Sam <sam@example.com>:",
				"Le 30/11/2026 à 10:15, Sam a écrit :",
				"Le lun. 30 nov. 2026 à 10:15, Sam <sam@example.com> a écrit :" }) {
			assertThat(ReplyText.cut("My answer.\n\n" + attribution + "\nThe old text, unquoted.\n")).as(attribution)
				.isEqualTo("My answer.");
		}
	}

	@Test
	void mobileSignatureOnlyAtTheEnd() {
		assertThat(ReplyText.cut("Fine.\n\nSent from my Galaxy")).isEqualTo("Fine.");
		assertThat(ReplyText.cut("Fine.\nVon meinem iPhone gesendet")).isEqualTo("Fine.");
		assertThat(ReplyText.cut("Sent from my iPhone, which is why the file is missing.\nKim"))
			.isEqualTo("Sent from my iPhone, which is why the file is missing.\nKim");
		assertThat(ReplyText.cut("Kim\nSent from my iPhone, which is why the file is missing."))
			.isEqualTo("Kim\nSent from my iPhone, which is why the file is missing.");
		assertThat(ReplyText.cut("Fine.\nSent from Yahoo Mail for iPhone")).isEqualTo("Fine.");
	}

	@Test
	void crlfAndControlCharacters() {
		assertThat(ReplyText.cut("Line one\r\nLine\u0000 two\u0007\rthree\u001b[31m\tend\u2028four"))
			.isEqualTo("Line one\nLine two\nthree[31m\tend\nfour");
		assertThat(ReplyText.clean("a\r\n> b\u0085")).isEqualTo("a\n> b");
	}

	@Test
	void blankRunsBecomeOne() {
		assertThat(ReplyText.cut("\n\n  \nOne\n\n\n\nTwo  \n\n")).isEqualTo("One\n\nTwo");
	}

	/**
	 * Large bodies are cut like small ones. Not timed: the attribution patterns bound
	 * every quantifier ({@code .{1,300}}), so a line costs at most a few hundred steps
	 * per position whatever its length, and no input can make matching backtrack without
	 * end.
	 */
	@Test
	void largeBodiesAreCutLikeSmallOnes() {
		String quoted = "> " + "quoted text with On 30 Nov wrote schrieb a écrit ".repeat(2) + "\n";
		String oneLine = "On 1 " + "Am 2 schrieb Le 3 a ".repeat(20_000) + "end";
		assertThat(ReplyText.cut("Top.\n" + quoted.repeat(20_000))).isEqualTo("Top.");
		assertThat(ReplyText.cut(oneLine)).isEqualTo(oneLine);
		assertThat(ReplyText.cut((oneLine + "\n").repeat(20))).hasSize(oneLine.length() * 20 + 19);
	}

}
