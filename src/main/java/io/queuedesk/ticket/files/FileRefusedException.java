package io.queuedesk.ticket.files;

import io.queuedesk.system.RefusedException;

/** Adding or deleting a file of a visible ticket was refused; nothing changed. */
class FileRefusedException extends RefusedException {

	FileRefusedException(String code, Object... args) {
		super(code, args);
	}

}
