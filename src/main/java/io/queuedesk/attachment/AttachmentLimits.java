package io.queuedesk.attachment;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The upload limits, checked before anything is stored, and shown by the file picker
 * ({@code templates/fragments/files.html} reads this bean as {@code @attachmentLimits}).
 * The servlet container enforces a looser bound as well (see {@link MultipartLimits}), so
 * that an upload far over the limit is refused before it is read, while one just over it
 * gets this check's message next to the field, with the rest of the form kept.
 */
@Component("attachmentLimits")
public class AttachmentLimits {

	private final AttachmentSettings settings;

	AttachmentLimits(AttachmentSettings settings) {
		this.settings = settings;
	}

	public long maxBytes() {
		return settings.maxBytes().toBytes();
	}

	public int maxFiles() {
		return settings.maxFiles();
	}

	/** The per-file limit as people read it: "10 MB". */
	public String maxSizeText() {
		return FileSizes.text(maxBytes());
	}

	/**
	 * Refuses an upload with more files than allowed, or any file over the size limit
	 * (the message names the file).
	 */
	public void check(List<Upload> uploads) {
		if (uploads.size() > maxFiles()) {
			throw new UploadRefusedException("attachment.tooMany", maxFiles());
		}
		for (Upload upload : uploads) {
			if (upload.size() > maxBytes()) {
				throw new UploadRefusedException("attachment.tooLarge", FileNames.clean(upload.name()), maxSizeText());
			}
		}
	}

}
