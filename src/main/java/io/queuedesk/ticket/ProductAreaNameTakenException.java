package io.queuedesk.ticket;

/** Another product area already has this name (in any case): a field error on {@code name}. */
class ProductAreaNameTakenException extends RuntimeException {

	ProductAreaNameTakenException(String name) {
		super("product area name taken: " + name);
	}

}
