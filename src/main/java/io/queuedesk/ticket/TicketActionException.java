package io.queuedesk.ticket;

/** An action on a visible ticket was refused (wrong state, not allowed); nothing changed. */
public class TicketActionException extends RuntimeException {

	private final String code;

	private final Object[] args;

	TicketActionException(String code, Object... args) {
		super(code);
		this.code = code;
		this.args = args;
	}

	/** A key of messages.properties. */
	public String code() {
		return code;
	}

	public Object[] args() {
		return args.clone();
	}

}
