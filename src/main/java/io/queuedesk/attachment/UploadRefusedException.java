package io.queuedesk.attachment;

import io.queuedesk.system.RefusedException;

/**
 * An upload over a limit, or a file that cannot be read. Thrown before anything is
 * stored, or inside the caller's transaction, so that nothing of the upload is kept.
 */
public class UploadRefusedException extends RefusedException {

	public UploadRefusedException(String code, Object... args) {
		super(code, args);
	}

}
