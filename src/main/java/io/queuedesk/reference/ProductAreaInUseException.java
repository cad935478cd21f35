package io.queuedesk.reference;

import io.queuedesk.system.RefusedException;

/** A product area used by tickets cannot be deleted (deactivate it instead). */
class ProductAreaInUseException extends RefusedException {

	ProductAreaInUseException(String name, long tickets) {
		super("productArea.delete.inUse", name, tickets);
	}

}
