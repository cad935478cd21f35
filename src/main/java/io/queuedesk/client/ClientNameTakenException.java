package io.queuedesk.client;

/** Another client already has this name (in any case): a field error on {@code name}. */
class ClientNameTakenException extends RuntimeException {

	ClientNameTakenException(String name) {
		super("client name taken: " + name);
	}

}
