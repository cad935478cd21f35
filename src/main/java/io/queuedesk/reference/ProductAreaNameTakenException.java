package io.queuedesk.reference;

import io.queuedesk.system.NameTakenException;

/** Another product area already has this name (in any case). */
class ProductAreaNameTakenException extends NameTakenException {

	ProductAreaNameTakenException(String name) {
		super("product area", name);
	}

}
