package io.queuedesk.system;

/** Another entry already has this name (in any case): shown as a field error on {@code name}. */
public abstract class NameTakenException extends RuntimeException {

	protected NameTakenException(String kind, String name) {
		super(kind + " name taken: " + name);
	}

}
