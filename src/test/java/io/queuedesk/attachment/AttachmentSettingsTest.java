package io.queuedesk.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The attachment settings are validated on start (as in system/SettingsValidationTest): a
 * size of 0 bytes or over 1 GB, or more than 40 files, stops the start and names the
 * property.
 */
class AttachmentSettingsTest {

	final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class)
		.withPropertyValues("queuedesk.attachments.max-bytes=10MB", "queuedesk.attachments.max-files=10");

	@Test
	void validValuesAreBound() {
		context.run(started -> {
			assertThat(started).hasNotFailed();
			AttachmentSettings settings = started.getBean(AttachmentSettings.class);
			assertThat(settings.maxBytes()).isEqualTo(DataSize.ofMegabytes(10));
			assertThat(settings.maxFiles()).isEqualTo(10);
		});
		context.withPropertyValues("queuedesk.attachments.max-bytes=1GB", "queuedesk.attachments.max-files=40")
			.run(started -> {
				assertThat(started).hasNotFailed();
				assertThat(started.getBean(AttachmentSettings.class).maxBytes()).isEqualTo(DataSize.ofGigabytes(1));
			});
		context.withPropertyValues("queuedesk.attachments.max-bytes=1B", "queuedesk.attachments.max-files=1")
			.run(started -> assertThat(started).hasNotFailed());
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "0B", "1025MB", "2GB", "1073741825B" })
	void aSizeOfNothingOrOverAGigabyteFailsTheStart(String size) {
		context.withPropertyValues("queuedesk.attachments.max-bytes=" + size).run(started -> {
			assertThat(started).hasFailed();
			assertThat(started.getStartupFailure()).rootCause()
				.hasMessageContaining("queuedesk.attachments.max-bytes must lie between 1B and 1GB");
		});
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 41, 1000 })
	void aFileCountOutside1To40FailsTheStart(int files) {
		context.withPropertyValues("queuedesk.attachments.max-files=" + files).run(started -> {
			assertThat(started).hasFailed();
			assertThat(started.getStartupFailure()).rootCause()
				.hasMessageContaining("queuedesk.attachments")
				.hasMessageContaining("maxFiles")
				.hasMessageContaining("rejected value [" + files + "]");
		});
	}

	@Test
	void aMissingSizeFailsTheStart() {
		new ApplicationContextRunner().withUserConfiguration(Settings.class)
			.withPropertyValues("queuedesk.attachments.max-files=10")
			.run(started -> assertThat(started).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(AttachmentSettings.class)
	static class Settings {

	}

}
