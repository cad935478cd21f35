package io.queuedesk.account;

import jakarta.validation.constraints.NotNull;

import io.queuedesk.system.Languages;

/**
 * The preferences form: {@code language} is a tag the app offers
 * ({@link Languages#SUPPORTED}) or empty for the browser's choice.
 */
record PreferencesForm(@NotNull String language) {

	static PreferencesForm of(String language) {
		return new PreferencesForm(language == null ? "" : language);
	}

	boolean valid() {
		return language.isEmpty() || Languages.supported(language);
	}

	/** The stored value: null for the browser's choice. */
	String storedLanguage() {
		return language.isEmpty() ? null : language;
	}

}
