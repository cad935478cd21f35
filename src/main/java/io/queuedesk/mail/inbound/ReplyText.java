package io.queuedesk.mail.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a person wrote in a reply, without the quoted history and signature their mail
 * client added (SPEC §10: "quoted history and signatures are cut"). No reply-parser
 * library for Java is kept up today (the known ones are Ruby, Python and PHP ports of
 * GitHub's email_reply_parser), so this is a heuristic, tested against the layouts of the
 * common clients in {@code ReplyTextTest}'s corpus.
 * <p>
 * The text is first cleaned ({@link #clean}): CRLF and lone CR become LF, U+2028/U+2029
 * become LF, and every other control character except tab and line feed is dropped. Then,
 * reading from the top, the text is cut at the first line where the quoted history or the
 * signature starts, and everything from there on is dropped:
 * <ul>
 * <li><b>An attribution line</b>, the line clients write above the quote: "On Mon, 30 Nov
 * 2026 at 10:15, Sam &lt;sam@example.com&gt; wrote:" (Gmail), "On 30 Nov 2026, at 10:15,
 * Sam &lt;…&gt; wrote:" (Apple Mail), "On 30/11/2026 10:15, Sam wrote:" (Thunderbird),
 * and the German "Am … schrieb …:" and French "Le … a écrit :". The line must start with
 * "On"/"Am"/"Le", end with "wrote:"/":"/"a écrit :", hold a digit (the date or time) and,
 * for German, "schrieb". It may be wrapped over up to three lines, as Gmail's plain text
 * does with long names. A sentence that merely contains "wrote:" does not start with "On
 * … " and stays.</li>
 * <li><b>Outlook's header block</b>: a "From:" line followed, within the next five lines,
 * by a "Sent:" or "Date:" line and a "To:" or "Subject:" line (also German
 * "Von:/Gesendet:/An:/Betreff:", French "De :/Envoyé :/À :/Objet :", and with the keys in
 * bold as "*From:*", as Gmail writes them in plain text). When a separator line of
 * underscores ("________________________________", Outlook's plain text and Outlook on
 * the web) or an empty line and such a separator come right before it, the cut is at the
 * separator.</li>
 * <li><b>"-----Original Message-----"</b> (and "----- Ursprüngliche Nachricht -----",
 * "----- Message d'origine -----") with any number of dashes.</li>
 * <li><b>The signature delimiter</b> of RFC 3676: a line that is exactly "-- " (dash,
 * dash, space).</li>
 * </ul>
 * In what is left above the cut, every line starting with "&gt;" is dropped (quotes
 * between inline answers, and Apple's iPhone mail, which quotes the attribution line
 * too), and a mobile signature on the last line is dropped: "Sent from my iPhone" (any
 * "Sent from my …" with a device name of a few words and no sentence punctuation, so that
 * "Sent from my iPhone, which is why …" stays), "Get Outlook for iOS/Android", "Sent from
 * Outlook/Mail for …", "Sent from Yahoo Mail …", "Von meinem iPhone gesendet", "Envoyé de
 * mon iPhone", each also with the "&lt;https://…&gt;" link that Outlook's plain text puts
 * after it. The result is trimmed, runs of blank lines made one.
 * <p>
 * If that leaves nothing (the mail starts with the quote: answers inline between the
 * quoted lines, or below the quote as Thunderbird places them by default), the whole text
 * is taken instead, minus the "&gt;" lines and attribution lines, and cut again at a
 * signature delimiter or an Outlook header block below; should that leave nothing either
 * (someone forwards a message without a word of their own), the whole text minus the
 * "&gt;" and attribution lines is kept, so that an answer is never lost. A body of
 * nothing but a quote gives empty text.
 * <p>
 * Where it can be wrong: a signature delimiter without its trailing space ("--", as some
 * clients send it) is not recognised, so such a signature stays; a person's own line that
 * starts with "On", holds a digit and ends with "wrote:" ("On 3 May the vendor wrote:")
 * cuts the rest of their text; a line starting with "&gt;" that the person typed (a shell
 * prompt, a "&gt; 5 GB" remark at the line start) is dropped; signatures without the
 * delimiter ("Best regards, Sam, Phone …") stay; attribution lines in other languages
 * than English, German and French, and quotes that clients mark only by indentation, are
 * not found.
 */
public final class ReplyText {

	private static final String SP = "[\\s\\u00A0\\u202F]";

	/** English: Gmail, Apple Mail, Thunderbird, Outlook for Mac. */
	private static final String WROTE = "On" + SP + "(?=.*\\d).{1,300}" + SP + "wrote" + SP + "*:";

	/** German: Gmail, Thunderbird, Apple Mail. */
	private static final String SCHRIEB = "Am" + SP + "(?=.*\\d).{1,300}" + SP + "schrieb" + SP + ".{0,300}:";

	/** French: Gmail, Thunderbird, Apple Mail. */
	private static final String ECRIT = "Le" + SP + "(?=.*\\d).{1,300}" + SP + "a" + SP + "+écrit" + SP + "*:";

	private static final Pattern ATTRIBUTION = Pattern
		.compile("(?i)^" + SP + "*(?:" + WROTE + "|" + SCHRIEB + "|" + ECRIT + ")" + SP + "*$");

	private static final Pattern ORIGINAL_MESSAGE = Pattern.compile("(?i)^\\s*-{2,}\\s*(?:Original Message"
			+ "|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Messaggio originale)\\s*-{2,}\\s*$");

	private static final Pattern UNDERSCORES = Pattern.compile("^\\s*_{10,}\\s*$");

	private static final String KEY_END = "\\*?" + SP + "*:\\*?" + SP + "*";

	private static final Pattern HEADER_FROM = Pattern
		.compile("(?i)^" + SP + "*\\*?(?:From|Von|De)" + KEY_END + "\\S.*$");

	private static final Pattern HEADER_DATE = Pattern
		.compile("(?i)^" + SP + "*\\*?(?:Sent|Date|Gesendet|Datum|Envoyé)" + KEY_END + "\\S.*$");

	private static final Pattern HEADER_TO_OR_SUBJECT = Pattern
		.compile("(?i)^" + SP + "*\\*?(?:To|Cc|Subject|An|Betreff|À|A|Objet)" + KEY_END + ".*$");

	/** A device or app name: a few words, no sentence punctuation. */
	private static final String DEVICE = "[^.,;:!?<>]{1,40}";

	/**
	 * Mobile signatures, each optionally followed by the link that Outlook's plain text
	 * adds ("Get Outlook for iOS&lt;https://aka.ms/o0ukef&gt;").
	 */
	private static final Pattern MOBILE_SIGNATURE = Pattern.compile("(?i)^\\s*(?:Sent from my " + DEVICE
			+ "|Get Outlook for (?:iOS|Android)|Sent from (?:Outlook|Mail) for " + DEVICE + "|Sent from Yahoo Mail"
			+ "(?: for " + DEVICE + ")?|Von meinem " + DEVICE + " gesendet|Gesendet von meinem " + DEVICE
			+ "|Envoyé de mon " + DEVICE + ")\\.?(?:\\s*<[^>\\s]{1,200}>)?\\s*$");

	private static final String SIGNATURE_DELIMITER = "-- ";

	private static final int ATTRIBUTION_LINES = 3;

	private static final int HEADER_LINES = 5;

	private ReplyText() {
	}

	/**
	 * What the person wrote, as described on the class: the text above the quoted history
	 * and signature, trimmed; empty for {@code null}.
	 */
	public static String cut(String text) {
		List<String> lines = clean(text).lines().toList();
		int end = historyStart(lines);
		String reply = tidy(lines.subList(0, end));
		if (!reply.isEmpty()) {
			return reply;
		}
		List<String> unquoted = withoutQuotes(lines);
		reply = tidy(unquoted.subList(0, historyStart(unquoted)));
		return reply.isEmpty() ? tidy(unquoted) : reply;
	}

	/**
	 * The text with line breaks made LF (CRLF, CR, U+2028, U+2029) and every other
	 * control character except tab dropped; nothing is cut. Empty for {@code null}.
	 */
	public static String clean(String text) {
		if (text == null) {
			return "";
		}
		String lf = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n');
		StringBuilder out = new StringBuilder(lf.length());
		lf.codePoints().forEach(cp -> {
			if (cp == '\t' || cp == '\n' || Character.getType(cp) != Character.CONTROL) {
				out.appendCodePoint(cp);
			}
		});
		return out.toString();
	}

	/** The index of the first line of the quoted history or signature, or the size. */
	private static int historyStart(List<String> lines) {
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i);
			if (line.equals(SIGNATURE_DELIMITER) || ORIGINAL_MESSAGE.matcher(line).matches()
					|| attributionLines(lines, i) > 0) {
				return i;
			}
			if (UNDERSCORES.matcher(line).matches()) {
				int next = nextNonBlank(lines, i + 1);
				if (next < lines.size() && headerBlock(lines, next)) {
					return i;
				}
			}
			if (headerBlock(lines, i)) {
				return i;
			}
		}
		return lines.size();
	}

	/**
	 * How many lines (1 to 3) starting at {@code start} form an attribution line, or 0.
	 */
	private static int attributionLines(List<String> lines, int start) {
		String first = lines.get(start).strip();
		if (first.isEmpty() || quote(first)) {
			return 0;
		}
		StringBuilder joined = new StringBuilder(first);
		for (int n = 1; n <= ATTRIBUTION_LINES && start + n <= lines.size(); n++) {
			if (n > 1) {
				String next = lines.get(start + n - 1).strip();
				if (next.isEmpty() || quote(next)) {
					return 0;
				}
				joined.append(' ').append(next);
			}
			if (ATTRIBUTION.matcher(joined).matches()) {
				return n;
			}
		}
		return 0;
	}

	/** Whether a "From:" line at {@code start} is followed by a date and a To/Subject. */
	private static boolean headerBlock(List<String> lines, int start) {
		if (!HEADER_FROM.matcher(lines.get(start)).matches()) {
			return false;
		}
		boolean date = false;
		boolean toOrSubject = false;
		for (int i = start + 1; i < lines.size() && i <= start + HEADER_LINES; i++) {
			String line = lines.get(i);
			date |= HEADER_DATE.matcher(line).matches();
			toOrSubject |= HEADER_TO_OR_SUBJECT.matcher(line).matches();
		}
		return date && toOrSubject;
	}

	private static int nextNonBlank(List<String> lines, int from) {
		int i = from;
		while (i < lines.size() && lines.get(i).isBlank()) {
			i++;
		}
		return i;
	}

	/** The lines without quote lines and attribution lines. */
	private static List<String> withoutQuotes(List<String> lines) {
		List<String> kept = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			int attribution = attributionLines(lines, i);
			if (attribution > 0) {
				i += attribution - 1;
			}
			else if (!quote(lines.get(i))) {
				kept.add(lines.get(i));
			}
		}
		return kept;
	}

	private static boolean quote(String line) {
		return line.stripLeading().startsWith(">");
	}

	/**
	 * The lines without quote lines, a mobile signature at the end dropped, trimmed, runs
	 * of blank lines made one.
	 */
	private static String tidy(List<String> lines) {
		List<String> kept = new ArrayList<>();
		for (String line : lines) {
			if (!quote(line)) {
				kept.add(line.stripTrailing());
			}
		}
		dropTrailingBlanks(kept);
		if (!kept.isEmpty() && MOBILE_SIGNATURE.matcher(kept.get(kept.size() - 1)).matches()) {
			kept.remove(kept.size() - 1);
			dropTrailingBlanks(kept);
		}
		StringBuilder out = new StringBuilder();
		boolean previousBlank = true;
		for (String line : kept) {
			boolean blank = line.isBlank();
			if (!(blank && previousBlank)) {
				out.append(blank ? "" : line).append('\n');
			}
			previousBlank = blank;
		}
		return out.toString().strip();
	}

	private static void dropTrailingBlanks(List<String> lines) {
		while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
			lines.remove(lines.size() - 1);
		}
	}

}
