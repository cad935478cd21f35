package io.queuedesk.reference;

/**
 * Another entry of the kind already has this name (in any case): shown as a field error
 * on {@code name}.
 */
class NameTakenException extends RuntimeException {

	NameTakenException(ReferenceKind kind, String name) {
		super(kind.label + " name taken: " + name);
	}

}
