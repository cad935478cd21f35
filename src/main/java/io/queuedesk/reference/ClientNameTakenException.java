package io.queuedesk.reference;

import io.queuedesk.system.NameTakenException;

/** Another client already has this name (in any case). */
class ClientNameTakenException extends NameTakenException {

	ClientNameTakenException(String name) {
		super("client", name);
	}

}
