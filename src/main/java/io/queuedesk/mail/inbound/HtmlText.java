package io.queuedesk.mail.inbound;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The plain text of an HTML mail body, for mail that arrives without a {@code text/plain}
 * part (SPEC §10: "HTML turned into text"). The HTML is parsed by jsoup, a real HTML5
 * parser, and only its text is kept: the result never holds markup, so it is stored and
 * shown like any typed text.
 * <p>
 * What becomes of the markup:
 * <ul>
 * <li>{@code head}, {@code script}, {@code style}, {@code template}, {@code noscript},
 * embedded objects, SVG/MathML, comments (Outlook's conditional comments included) and
 * elements hidden with {@code display:none} (newsletter "preheaders") are dropped with
 * their text.</li>
 * <li>Block elements ({@code div}, {@code tr}, {@code li}, …) and {@code <br>
 * } end a line. A paragraph ({@code p}) or heading is set off by a blank line, except
 * Outlook's {@code
 *
<p class="MsoNormal">
 * }, which Outlook writes for every single line. A block that shows nothing
 * ({@code <div><br>
 * </div>}, {@code
 *
<p>
 * &nbsp;
 *
</p>
 * }) is a blank line, which is how Gmail and Outlook write one.</li>
 * <li>List items become {@code "- "} lines ({@code "1. "}, {@code "2. "}, … in an ordered
 * list), indented by two spaces per level of nesting.</li>
 * <li>A link keeps its text, followed by the address in parentheses when that differs
 * from the text ({@code mailto:} and {@code http(s)://} ignored in the comparison); links
 * without text and {@code javascript:} or {@code #} links keep no address.</li>
 * <li>The lines inside a {@code <blockquote>} start with {@code "> "} (one per level),
 * the way plain-text mail marks quoted history, so that {@link ReplyText} removes them.
 * Gmail, Apple Mail and Thunderbird all put the message they answer in a
 * {@code blockquote}.</li>
 * <li>Table cells are separated by a space ({@code th}, {@code td}), rows by a line
 * break. {@code <pre>} keeps its spaces and line breaks.</li>
 * <li>Entities are decoded ({@code &amp;lt;} is the character {@code <}). Runs of white
 * space (no-break spaces included) outside {@code pre} become one space; spaces at the
 * ends of lines are cut; never more than one blank line in a row, none at the start or
 * end. Control characters other than tab and line feed are dropped.</li>
 * </ul>
 * Where it can be wrong: layout done with CSS alone (a {@code span} styled as a block,
 * margins for paragraph spacing) is not seen, so such text may run together on one line;
 * images keep nothing, not even their {@code alt} text; a quote that the sender's client
 * marks with styling instead of {@code blockquote} (Outlook) stays unmarked and is found
 * by {@link ReplyText}'s header rules instead.
 */
public final class HtmlText {

	private static final String DROPPED = "head, script, style, template, noscript, title, iframe, object, embed, svg, math, [style~=(?i)display\\s*:\\s*none]";

	private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "center", "dd",
			"details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
			"h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary",
			"table", "tbody", "thead", "tfoot", "tr", "caption", "ul");

	private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6");

	private static final Pattern SCHEME = Pattern.compile("^(?i)(mailto:|https?://)");

	private HtmlText() {
	}

	/**
	 * The text of the HTML, as described on the class; empty for {@code null} or blank
	 * input.
	 */
	public static String toText(String html) {
		if (html == null || html.isBlank()) {
			return "";
		}
		Document document = Jsoup.parse(html);
		document.select(DROPPED).remove();
		Writer writer = new Writer();
		NodeTraversor.traverse(writer, document.body());
		return writer.result();
	}

	/**
	 * Walks the tree without recursion, so deeply nested mail cannot overflow the stack.
	 */
	private static final class Writer implements NodeVisitor {

		private final Lines out = new Lines();

		/**
		 * One entry per open list: the next number of an ordered list, 0 for a bullet
		 * list.
		 */
		private final Deque<int[]> lists = new ArrayDeque<>();

		@Override
		public void head(Node node, int depth) {
			if (node instanceof TextNode text) {
				this.out.text(text.getWholeText());
				return;
			}
			if (!(node instanceof Element element)) {
				return;
			}
			String tag = element.normalName();
			switch (tag) {
				case "br" -> this.out.lineBreak();
				case "pre" -> {
					this.out.breakLine(1);
					this.out.pre++;
				}
				case "blockquote" -> {
					this.out.breakLine(1);
					this.out.quote++;
				}
				case "ul", "ol" -> {
					this.out.breakLine(1);
					this.lists.push(new int[] { tag.equals("ol") ? 1 : 0 });
				}
				case "li" -> {
					this.out.breakLine(1);
					int[] list = this.lists.peek();
					String indent = "  ".repeat(Math.max(0, this.lists.size() - 1));
					if (list != null && list[0] > 0) {
						this.out.bullet = indent + (list[0]++) + ". ";
					}
					else {
						this.out.bullet = indent + "- ";
					}
				}
				case "td", "th" -> this.out.space();
				default -> {
					if (BLOCKS.contains(tag)) {
						this.out.breakLine(paragraph(element) ? 2 : 1);
					}
				}
			}
		}

		@Override
		public void tail(Node node, int depth) {
			if (!(node instanceof Element element)) {
				return;
			}
			String tag = element.normalName();
			switch (tag) {
				case "pre" -> {
					this.out.pre--;
					this.out.breakLine(1);
				}
				case "blockquote" -> {
					this.out.breakLine(1);
					this.out.quote--;
				}
				case "ul", "ol" -> {
					this.lists.poll();
					this.out.breakLine(1);
				}
				case "a" -> this.out.link(element);
				case "li" -> {
					this.out.bullet = null;
					this.out.breakLine(1);
				}
				case "hr" -> this.out.breakLine(2);
				case "td", "th" -> this.out.space();
				default -> {
					if (BLOCKS.contains(tag)) {
						if (showsNothing(element)) {
							this.out.blankLine();
						}
						else {
							this.out.breakLine(paragraph(element) ? 2 : 1);
						}
					}
				}
			}
		}

		private static boolean paragraph(Element element) {
			return PARAGRAPHS.contains(element.normalName()) && !element.hasClass("MsoNormal");
		}

		/**
		 * A block holding only white space with a no-break space and no image or line
		 * break ({@code
		 *
		<p>
		 * &nbsp;
		 *
		</p>
		 * }): how Outlook writes a blank line.
		 */
		private static boolean showsNothing(Element element) {
			String text = element.wholeText();
			return text.indexOf('\u00A0') >= 0 && blank(text) && element.select("img, br, hr").isEmpty();
		}

		String result() {
			return this.out.result();
		}

	}

	/** The text being written, line by line. */
	private static final class Lines {

		private final List<String> lines = new ArrayList<>();

		private final StringBuilder line = new StringBuilder();

		/** Where the current line's own text starts, after its quote and list prefix. */
		private int textStart;

		/** The quote depth of the current line, and of the last line written. */
		private int lineDepth;

		private int lastDepth;

		/** 0: continue the line; 1: start a new line; 2: leave a blank line first. */
		private int pendingBreak;

		private boolean pendingSpace;

		int quote;

		int pre;

		/** The list marker for the next line that gets text, or null. */
		String bullet;

		void breakLine(int kind) {
			this.pendingBreak = Math.max(this.pendingBreak, kind);
			this.pendingSpace = false;
		}

		/**
		 * {@code <br>
		 * }: ends the line, and on an empty line makes a blank one.
		 */
		void lineBreak() {
			flushBreak();
			if (this.line.length() == 0) {
				addBlank();
			}
			else {
				endLine();
			}
			this.pendingSpace = false;
		}

		void blankLine() {
			flushBreak();
			endLine();
			addBlank();
			this.pendingSpace = false;
			this.pendingBreak = 0;
		}

		void space() {
			if (this.line.length() > this.textStart) {
				this.pendingSpace = true;
			}
		}

		void text(String text) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (this.pre > 0 && c == '\n') {
					flushBreak();
					if (this.line.length() == 0) {
						addBlank();
					}
					endLine();
					continue;
				}
				if (this.pre == 0 && whitespace(c)) {
					space();
					continue;
				}
				if (c != '\t' && Character.getType(c) == Character.CONTROL) {
					continue;
				}
				append(c);
			}
		}

		void link(Element a) {
			String href = a.attr("href").trim();
			String text = a.text().trim();
			if (href.isEmpty() || text.isEmpty() || href.startsWith("#")
					|| href.toLowerCase(Locale.ROOT).startsWith("javascript:")) {
				return;
			}
			String bareHref = strip(href);
			String bareText = strip(text);
			if (bareHref.equalsIgnoreCase(bareText)) {
				return;
			}
			space();
			text("(" + href + ")");
		}

		private static String strip(String address) {
			String bare = SCHEME.matcher(address).replaceFirst("");
			return bare.endsWith("/") ? bare.substring(0, bare.length() - 1) : bare;
		}

		private void append(char c) {
			flushBreak();
			if (this.line.length() == 0) {
				this.line.append(quotePrefix());
				this.lineDepth = this.quote;
				if (this.bullet != null) {
					this.line.append(this.bullet);
					this.bullet = null;
				}
				this.textStart = this.line.length();
				this.pendingSpace = false;
			}
			if (this.pendingSpace && this.line.length() > this.textStart) {
				this.line.append(' ');
			}
			this.pendingSpace = false;
			this.line.append(c);
		}

		private void flushBreak() {
			if (this.pendingBreak == 0) {
				return;
			}
			if (this.line.length() > 0) {
				endLine();
			}
			// no blank line as the first line of a quote, or as the first after one
			if (this.pendingBreak == 2 && !this.lines.isEmpty() && this.lastDepth == this.quote) {
				addBlank();
			}
			this.pendingBreak = 0;
		}

		private void endLine() {
			if (this.line.length() > 0) {
				this.lines.add(this.line.toString());
				this.line.setLength(0);
				this.textStart = 0;
				this.lastDepth = this.lineDepth;
			}
		}

		private void addBlank() {
			this.lines.add(quotePrefix().trim());
			this.lastDepth = this.quote;
		}

		private String quotePrefix() {
			return "> ".repeat(this.quote);
		}

		String result() {
			endLine();
			List<String> kept = new ArrayList<>();
			boolean previousBlank = true;
			for (String each : this.lines) {
				String trimmed = stripTrailing(each);
				boolean blank = isBlank(trimmed);
				if (!(blank && previousBlank)) {
					kept.add(blank ? trimmed.replace(" ", "") : trimmed);
				}
				previousBlank = blank;
			}
			while (!kept.isEmpty() && isBlank(kept.get(kept.size() - 1))) {
				kept.remove(kept.size() - 1);
			}
			return String.join("\n", kept);
		}

		/** Empty, or only the quote markers of a blank quoted line. */
		private static boolean isBlank(String line) {
			return line.chars().allMatch(ch -> ch == '>' || whitespace((char) ch));
		}

		private static String stripTrailing(String line) {
			int end = line.length();
			while (end > 0 && whitespace(line.charAt(end - 1))) {
				end--;
			}
			return line.substring(0, end);
		}

	}

	private static boolean whitespace(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u00A0';
	}

	private static boolean blank(String text) {
		return text.chars().allMatch(c -> whitespace((char) c));
	}

}
