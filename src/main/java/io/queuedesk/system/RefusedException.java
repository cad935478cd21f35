package io.queuedesk.system;

/**
 * A business rule refused an action on something the user may see: nothing was changed,
 * and the page shows the message with this code from messages.properties. Features
 * subclass it to name their refusals.
 */
public abstract class RefusedException extends RuntimeException {

	private final String code;

	private final Object[] args;

	protected RefusedException(String code, Object... args) {
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
