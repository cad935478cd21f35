package io.queuedesk.reference;

import io.queuedesk.system.RefusedException;

/**
 * An entry that tickets use cannot be deleted (deactivate it instead):
 * {@code client.delete.inUse}, …
 */
class InUseException extends RefusedException {

	InUseException(ReferenceKind kind, String name, long tickets) {
		super(kind.messages + ".delete.inUse", name, tickets);
	}

}
