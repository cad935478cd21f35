package io.queuedesk.ticket;

import java.util.Locale;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads the list's {@code sort} parameter leniently: the constant ({@code TARGET_DATE})
 * and the field name the JSON uses ({@code targetDate}) both work, in any case. Anything
 * else is a binding error, which the list reports and ignores.
 */
@Component
class TicketSortConverter implements Converter<String, TicketSort> {

	@Override
	public TicketSort convert(String source) {
		String wanted = normalize(source);
		if (wanted.isEmpty()) {
			return null;
		}
		for (TicketSort sort : TicketSort.values()) {
			if (normalize(sort.name()).equals(wanted)) {
				return sort;
			}
		}
		throw new IllegalArgumentException("Unknown sort: " + source);
	}

	private static String normalize(String value) {
		return value.strip().replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
	}

}
