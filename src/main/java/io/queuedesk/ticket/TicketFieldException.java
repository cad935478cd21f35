package io.queuedesk.ticket;

/** A business rule refused a form value; controllers show it next to the field. */
class TicketFieldException extends RuntimeException {

	private final String field;

	private final String code;

	TicketFieldException(String field, String code) {
		super(field + ": " + code);
		this.field = field;
		this.code = code;
	}

	public String field() {
		return field;
	}

	/** A key of messages.properties. */
	public String code() {
		return code;
	}

}
