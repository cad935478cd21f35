package io.queuedesk.system;

import org.springframework.validation.Errors;

/**
 * The {@code from}/{@code to} query parameters of a page filtered by days, bound as text
 * so that a bad value gets a message on its field instead of failing the page.
 */
public class DateRangeFilter {

	private String from;

	private String to;

	/**
	 * The valid range typed in, or {@link DateRange#ALL} with field errors (see
	 * {@link DateRange#parse}).
	 */
	public DateRange range(Errors errors) {
		return DateRange.parse(from, to, errors);
	}

	public String getFrom() {
		return from;
	}

	public void setFrom(String from) {
		this.from = from;
	}

	public String getTo() {
		return to;
	}

	public void setTo(String to) {
		this.to = to;
	}

}
