package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code queuedesk.*} settings are validated on start: a wrong value stops it and
 * names the property (a real start prints it as "Property:
 * queuedesk.login.max-per-address-per-minute … Reason: must be greater than or equal to
 * 1").
 */
class SettingsValidationTest {

	final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Settings.class)
		.withPropertyValues("queuedesk.registration.enabled=true",
				"queuedesk.account-mail.max-per-address-per-minute=5");

	@Test
	void aRateLimitBelowOneFailsTheStart() {
		context.withPropertyValues("queuedesk.login.max-per-address-per-minute=0").run(started -> {
			assertThat(started).hasFailed();
			assertThat(started.getStartupFailure()).rootCause()
				.hasMessageContaining("queuedesk")
				.hasMessageContaining("login.maxPerAddressPerMinute")
				.hasMessageContaining("rejected value [0]")
				.hasMessageContaining("must be greater than or equal to 1");
		});
	}

	@Test
	void validValuesAreBound() {
		context.withPropertyValues("queuedesk.login.max-per-address-per-minute=20").run(started -> {
			assertThat(started).hasNotFailed();
			SecuritySettings settings = started.getBean(SecuritySettings.class);
			assertThat(settings.login().maxPerAddressPerMinute()).isEqualTo(20);
			assertThat(settings.accountMail().maxPerAddressPerMinute()).isEqualTo(5);
			assertThat(settings.registration().enabled()).isTrue();
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(SecuritySettings.class)
	static class Settings {

	}

}
