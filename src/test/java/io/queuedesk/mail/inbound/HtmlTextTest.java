package io.queuedesk.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link HtmlText}: the HTML bodies of the corpus ({@link Replies}) and each rule. */
class HtmlTextTest {

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.queuedesk.mail.inbound.Replies#htmlBodies")
	void corpus(String name) {
		String text = HtmlText.toText(Replies.read(name));
		assertThat(text).isEqualTo(Replies.expected(Replies.base(name) + ".text.txt"));
		assertThat(text).doesNotContain("<div", "<p", "<br", "<span", "<a ", "&nbsp;", "&lt;", "<!--", "font-family");
	}

	@Test
	void blocksAndLineBreaks() {
		assertThat(HtmlText.toText("<div>one</div><div>two<br>three</div><div><br></div><div>four</div>"))
			.isEqualTo("one\ntwo\nthree\n\nfour");
		assertThat(HtmlText.toText("<p>one</p><p>two</p><h2>Title</h2>five")).isEqualTo("one\n\ntwo\n\nTitle\n\nfive");
		assertThat(HtmlText.toText("<p class=MsoNormal>one</p><p class=MsoNormal>two</p>"
				+ "<p class=MsoNormal><o:p>&nbsp;</o:p></p><p class=MsoNormal>three</p>"))
			.isEqualTo("one\ntwo\n\nthree");
		assertThat(HtmlText.toText("one<hr>two")).isEqualTo("one\n\ntwo");
	}

	@Test
	void lists() {
		assertThat(HtmlText.toText("<p>Steps:</p><ul><li>one</li><li>two<ul><li>two a</li></ul></li><li></li></ul>"
				+ "<ol><li>first</li><li>second</li></ol>after"))
			.isEqualTo("Steps:\n\n- one\n- two\n  - two a\n1. first\n2. second\nafter");
	}

	@Test
	void links() {
		assertThat(HtmlText.toText("<a href=\"https://desk.example.com/t/1\">the ticket</a>."))
			.isEqualTo("the ticket (https://desk.example.com/t/1).");
		assertThat(HtmlText.toText("<a href=\"https://desk.example.com/\">desk.example.com</a>"))
			.isEqualTo("desk.example.com");
		assertThat(HtmlText.toText("<a href=\"mailto:kim@example.com\">kim@example.com</a>"))
			.isEqualTo("kim@example.com");
		assertThat(HtmlText.toText("<a href=\"javascript:alert(1)\">click</a> <a href=\"#top\">top</a>"
				+ " <a href=\"https://x.example\"><img src=\"logo.png\"></a>"))
			.isEqualTo("click top");
	}

	@Test
	void blockquotesAreMarkedAsQuotes() {
		assertThat(
				HtmlText.toText("Yes.<blockquote>Is it?<br><br>Really?<blockquote>Deep</blockquote></blockquote>Bye"))
			.isEqualTo("Yes.\n> Is it?\n>\n> Really?\n> > Deep\nBye");
		assertThat(ReplyText.cut(HtmlText.toText("Yes.<blockquote>Is it?</blockquote>"))).isEqualTo("Yes.");
	}

	@Test
	void scriptsStylesHeadAndHiddenDropped() {
		assertThat(HtmlText.toText("<html><head><title>T</title><style>p{color:red}</style></head><body>"
				+ "<script>alert('x')</script><div style=\"display: none\">preheader</div>"
				+ "<noscript>no</noscript><!-- comment -->Hello<template>t</template></body></html>"))
			.isEqualTo("Hello");
	}

	@Test
	void entitiesDecodedAndNeverMarkup() {
		String text = HtmlText.toText("<p>a &lt;b&gt; &amp; &quot;c&quot; &eacute; &#8364; &nbsp; d</p>");
		assertThat(text).isEqualTo("a <b> & \"c\" é € d");
		assertThat(HtmlText.toText("<div><b>bold</b> <i>it</i><span>s</span><img src=x onerror=alert(1)></div>"))
			.isEqualTo("bold its");
	}

	@Test
	void whitespaceCollapsed() {
		assertThat(HtmlText.toText("  <div>\n  Hello \n\t  world  </div>\n\n<div>  again</div> "))
			.isEqualTo("Hello world\nagain");
		assertThat(HtmlText.toText("<p>a</p><br><br><br><p>&nbsp;</p><div><br></div><p>b</p>")).isEqualTo("a\n\nb");
	}

	@Test
	void preAndTables() {
		assertThat(HtmlText.toText("<pre>  x = 1\n  y = 2</pre>after")).isEqualTo("  x = 1\n  y = 2\nafter");
		assertThat(HtmlText.toText("<table><tr><th>Row</th><th>Total</th></tr><tr><td>100</td><td>5</td></tr></table>"))
			.isEqualTo("Row Total\n100 5");
	}

	@Test
	void controlCharactersDropped() {
		assertThat(HtmlText.toText("<p>a\u0000b\u0007c&#1;d</p>")).isEqualTo("abcd");
	}

	@Test
	void emptyInput() {
		assertThat(HtmlText.toText(null)).isEmpty();
		assertThat(HtmlText.toText("")).isEmpty();
		assertThat(HtmlText.toText("<html><body><div><br></div></body></html>")).isEmpty();
	}

	@Test
	void deepNestingDoesNotOverflow() {
		String html = "<div>".repeat(20_000) + "deep" + "</div>".repeat(20_000);
		assertThat(HtmlText.toText(html)).isEqualTo("deep");
	}

}
