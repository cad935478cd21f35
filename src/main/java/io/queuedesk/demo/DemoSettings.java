package io.queuedesk.demo;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param demoData {@code auto}, {@code true} or {@code false}
 * ({@code queuedesk.demo-data}, default in {@code application.properties}): when
 * {@link DemoDataOnStartup} loads the demo data
 */
@Validated
@ConfigurationProperties("queuedesk")
public record DemoSettings(@NotNull @Pattern(regexp = "(?i)\\s*(auto|true|false)\\s*",
		message = "must be auto, true or false") String demoData) {
}
