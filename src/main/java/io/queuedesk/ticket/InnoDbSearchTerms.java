package io.queuedesk.ticket;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search words as an InnoDB full-text query in boolean mode ({@code MATCH … AGAINST
 * (… IN BOOLEAN MODE)}): each word cut into the tokens InnoDB's parser makes of text
 * (letters, digits and '_'), each token required ({@code +}) and a prefix ({@code *}),
 * like PostgreSQL's {@code 'word':* & …}. Only token characters reach the query, so a
 * user's {@code + - < > ( ) ~ * " @} can never act as an operator.
 * <p>
 * InnoDB indexes no token shorter than {@code innodb_ft_min_token_size} (3 by default),
 * and a required token that is not in the index would make every search fail: shorter
 * tokens are left out, so such a word narrows nothing (on PostgreSQL it matches whole
 * words). Stopwords are indexed (V8 builds the index without a stopword list), so "the"
 * or "who" are searched like any other word.
 */
final class InnoDbSearchTerms {

	/** innodb_ft_min_token_size's default: shorter tokens are not in the index. */
	static final int MIN_TOKEN_LENGTH = 3;

	private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");

	private InnoDbSearchTerms() {
	}

	/** The boolean-mode query, or "" when no word holds a token InnoDB could find. */
	static String of(List<String> words) {
		Set<String> terms = new LinkedHashSet<>();
		for (String word : words) {
			Matcher token = TOKEN.matcher(word.toLowerCase(Locale.ROOT));
			while (token.find()) {
				String text = token.group();
				if (text.codePointCount(0, text.length()) >= MIN_TOKEN_LENGTH) {
					terms.add("+" + text + "*");
				}
			}
		}
		return String.join(" ", terms);
	}

}
