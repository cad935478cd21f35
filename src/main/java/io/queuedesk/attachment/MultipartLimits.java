package io.queuedesk.attachment;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The servlet container's own bound on uploads, derived from the attachment limits so
 * that the two never disagree. Tomcat refuses a request over it before reading the body
 * (from its {@code Content-Length}), or as soon as one part passes it; the refusal is
 * answered with a message on the form ({@code system/UploadTooLarge}). It is looser than
 * the exact limits by {@link #SLACK}: a file just over the limit is read (to disk, never
 * to memory: the threshold is 0) and refused by {@link AttachmentLimits} with the message
 * next to the file field and everything else typed kept.
 */
@Configuration(proxyBeanMethods = false)
class MultipartLimits {

	static final DataSize SLACK = DataSize.ofMegabytes(1);

	@Bean
	MultipartConfigElement multipartConfigElement(AttachmentSettings settings) {
		long perFile = settings.maxBytes().toBytes() + SLACK.toBytes();
		MultipartConfigFactory factory = new MultipartConfigFactory();
		factory.setMaxFileSize(DataSize.ofBytes(perFile));
		factory.setMaxRequestSize(DataSize.ofBytes(perFile * settings.maxFiles() + SLACK.toBytes()));
		factory.setFileSizeThreshold(DataSize.ofBytes(0));
		return factory.createMultipartConfig();
	}

}
