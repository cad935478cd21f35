package io.queuedesk.attachment;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param maxBytes the largest file accepted ({@code QUEUEDESK_ATTACHMENT_MAX_BYTES})
 * @param maxFiles the most files in one upload ({@code QUEUEDESK_ATTACHMENT_MAX_FILES});
 * at most 40, because Tomcat refuses a request of more than 50 parts
 * ({@code server.tomcat.max-part-count}) and a form has a few other fields
 */
@Validated
@ConfigurationProperties("queuedesk.attachments")
public record AttachmentSettings(@NotNull DataSize maxBytes, @Min(1) @Max(40) int maxFiles) {

	/** Limits need at least one byte and at most what a servlet container accepts. */
	public AttachmentSettings {
		if (maxBytes != null && (maxBytes.toBytes() < 1 || maxBytes.toBytes() > DataSize.ofGigabytes(1).toBytes())) {
			throw new IllegalArgumentException("queuedesk.attachments.max-bytes must lie between 1B and 1GB");
		}
	}

}
