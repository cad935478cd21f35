package io.queuedesk.demo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Pools of text that {@code generate-data} assembles tickets and comments from: title
 * halves, description and comment sentences, built from word lists with a seeded random,
 * so a seed gives the same text on every database. The SQL picks pool entries by a hash
 * of the row number: a few array lookups per row, cheaper on PostgreSQL than assembling
 * each text word by word.
 * <p>
 * {@link #FREQUENT} and {@link #RARE} occur nowhere in the pools (nor does any word they
 * start), so the generator controls exactly which titles hold them: search benchmarks
 * need one word that matches many tickets and one that matches a few.
 */
final class LoadText {

	static final String FREQUENT = "reconciliation";

	static final String RARE = "ombudsman";

	static final String RARE_PHRASE = "escalated by the " + RARE;

	static final int TITLE_PARTS = 256;

	static final int SENTENCES = 512;

	static final int COMMENT_SENTENCES = 256;

	static final List<String> FREQUENT_PHRASES = List.of("breaks the monthly " + FREQUENT,
			"blocks " + FREQUENT + " of payments", "is missing from the " + FREQUENT, "fails during " + FREQUENT,
			"shows twice in the " + FREQUENT, "delays the daily " + FREQUENT, "needs a manual " + FREQUENT,
			"differs after " + FREQUENT);

	static final List<String> AREAS = List.of("Policies", "Billing", "Claims", "Reports", "Payments", "Documents",
			"Integrations", "Customer portal");

	static final List<String> FIRST_NAMES = List.of("Alex", "Maria", "Sam", "Priya", "Jonas", "Lena", "Omar", "Chen",
			"Sofia", "Liam", "Aisha", "Noah", "Emma", "Kenji", "Fatima", "Lucas", "Ingrid", "Mateo", "Zoe", "Ravi",
			"Hanna", "Tom", "Nora", "Diego", "Yara", "Ben", "Mila", "Ivan", "Leila", "Paul", "Ana", "Erik");

	static final List<String> LAST_NAMES = List.of("Smith", "Garcia", "Müller", "Rossi", "Kowalski", "Nguyen",
			"Johansson", "Okafor", "Dubois", "Tanaka", "Silva", "Novak", "Larsen", "Murphy", "Schmidt", "Haddad", "Kim",
			"Petrov", "Costa", "Jansen", "Brown", "Moreau", "Fischer", "Ahmed", "Patel", "Weber", "Santos", "Berg",
			"Lopez", "Meyer", "Wilson", "Ito");

	private static final List<String> QUALIFIERS = List.of("Renewal", "Broker", "Monthly", "Quarterly", "Direct debit",
			"Claim", "Policy", "Premium", "Invoice", "Customer", "Agent", "Bulk", "Scheduled", "Annual", "Refund",
			"Payment", "Cover", "Underwriting", "Contract", "Partner", "Fleet", "Household", "Travel", "Pension");

	private static final List<String> OBJECTS = List.of("letter", "export", "report", "form", "PDF", "upload", "search",
			"summary", "statement", "dashboard", "mandate", "notification", "import", "calculation", "workflow",
			"address", "attachment", "email", "reminder", "archive", "quote", "schedule", "overview", "list");

	private static final List<String> PREDICATES = List.of("shows the wrong totals", "fails for large files",
			"times out", "is not saved", "shows the old premium", "misses the second page", "rejects valid dates",
			"is sent twice", "loads very slowly", "cannot be changed", "has a broken link", "ignores the filter",
			"shows a blank page", "rounds amounts wrongly", "uses the wrong currency", "has no print option",
			"needs a new column", "sorts by the wrong date", "is missing for some clients", "shows stale data",
			"crashes on save", "lists deleted entries", "skips weekends", "duplicates the reference");

	private static final List<String> CONTEXTS = List.of("after the last release", "for brokers", "in the portal",
			"since Monday", "for new customers", "on mobile", "in the archive", "for some accounts",
			"in the yearly run", "after migration", "for scanned files", "in Firefox");

	private static final List<String> NOUNS = List.of("invoice", "policy", "claim", "premium", "customer", "broker",
			"letter", "report", "mandate", "payment", "attachment", "address", "statement", "contract", "quote",
			"schedule", "export", "template", "account", "renewal", "notification", "reminder", "refund", "deductible",
			"beneficiary", "agent", "portal", "dashboard", "signature", "document");

	private static final List<String> VERBS = List.of("shows", "loses", "duplicates", "ignores", "rejects", "delays",
			"overwrites", "hides", "misprints", "recalculates", "truncates", "locks");

	private static final List<String> ACTIONS = List.of("opens", "prints", "exports", "uploads", "cancels", "renews",
			"approves", "edits", "searches for", "downloads", "signs", "submits");

	private static final List<String> ROLES = List.of("customer", "broker", "clerk", "team lead", "agent",
			"underwriter", "claims handler", "auditor");

	private static final List<String> TIMES = List.of("every morning", "since the update", "twice a week",
			"only on Fridays", "at month end", "for the third time", "since last quarter", "in the test system too");

	private static final List<String> SENTENCE_FORMS = List.of("The %n %v the %n when a %r %a the %n.",
			"When a %r %a the %n, the %n %v the %n %t.", "Our %r says the %n %v the %n %t.",
			"Steps: a %r %a the %n, then the %n %v the %n.", "Expected the %n to keep the %n, but it %v it %t.",
			"This happens %t and affects the %n of every %r.", "Please check why the %n %v the %n for the %r.");

	private static final List<String> COMMENT_FORMS = List.of("I could reproduce it with the %n of one %r %t.",
			"Could you attach a screenshot of the %n and the %n?",
			"Fixed in the next release, the %n no longer %v the %n.", "The %r confirmed that the %n %v the %n %t.",
			"Thanks, we will look at the %n and the %n this week.",
			"Not reproducible here: the %n %v nothing when a %r %a it.", "Workaround: the %r %a the %n again %t.",
			"Moved to the %n team, they own the %n.");

	final List<String> titleSubjects;

	final List<String> titlePredicates;

	final List<String> sentences;

	final List<String> commentSentences;

	LoadText(long seed) {
		Random random = new Random(seed);
		titleSubjects = distinct(TITLE_PARTS, () -> pick(random, QUALIFIERS) + " " + pick(random, OBJECTS));
		// Half the predicates carry a context, so titles average about 40 characters (not
		// distinct:
		// there are only a few dozen without one).
		titlePredicates = Stream
			.generate(() -> pick(random, PREDICATES) + (random.nextBoolean() ? " " + pick(random, CONTEXTS) : ""))
			.limit(TITLE_PARTS)
			.toList();
		sentences = distinct(SENTENCES, () -> fill(random, pick(random, SENTENCE_FORMS)));
		commentSentences = distinct(COMMENT_SENTENCES, () -> fill(random, pick(random, COMMENT_FORMS)));
	}

	private static List<String> distinct(int size, Supplier<String> next) {
		Set<String> values = new LinkedHashSet<>();
		for (int tries = 0; values.size() < size && tries < size * 100; tries++) {
			values.add(next.get());
		}
		List<String> list = new ArrayList<>(values);
		// Fewer distinct combinations than asked for: repeat them, so the SQL's modulus
		// stays the pool size.
		for (int i = 0; list.size() < size; i++) {
			list.add(list.get(i));
		}
		return list;
	}

	private static String fill(Random random, String form) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < form.length(); i++) {
			char c = form.charAt(i);
			if (c != '%' || i + 1 == form.length()) {
				text.append(c);
				continue;
			}
			List<String> words = switch (form.charAt(++i)) {
				case 'n' -> NOUNS;
				case 'v' -> VERBS;
				case 'a' -> ACTIONS;
				case 'r' -> ROLES;
				case 't' -> TIMES;
				default -> throw new IllegalArgumentException(form);
			};
			text.append(pick(random, words));
		}
		return text.toString().replaceAll("\\ba ([aeiou])", "an $1");
	}

	private static String pick(Random random, List<String> words) {
		return words.get(random.nextInt(words.size()));
	}

	/**
	 * An SQL array literal of constant strings (quotes doubled, though the pools hold
	 * none).
	 */
	static String array(List<String> values) {
		return "array[" + values(values) + "]";
	}

	/** The constant strings as a list of SQL literals (quotes doubled). */
	static String values(List<String> values) {
		StringBuilder sql = new StringBuilder();
		for (int i = 0; i < values.size(); i++) {
			sql.append(i == 0 ? "'" : ", '").append(values.get(i).replace("'", "''")).append('\'');
		}
		return sql.toString();
	}

}
