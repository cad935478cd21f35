package io.queuedesk.reference;

import io.queuedesk.system.RefusedException;

/** A client with tickets cannot be deleted (deactivate it instead). */
class ClientInUseException extends RefusedException {

	ClientInUseException(String name, long tickets) {
		super("client.delete.inUse", name, tickets);
	}

}
