package io.queuedesk.user;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A user's colour mode (issue 18): follow the operating system ({@code AUTO}, stored as
 * NULL in {@code users.color_mode}), or always light or always dark. The layout renders
 * {@link #theme()} as Bootstrap's {@code data-bs-theme}; for {@code AUTO} the script
 * js/color-mode.js sets it from {@code prefers-color-scheme}.
 */
public enum ColorMode {

	AUTO("bi-circle-half"), LIGHT("bi-sun"), DARK("bi-moon-stars");

	private final String icon;

	ColorMode(String icon) {
		this.icon = icon;
	}

	/** The column's value: null for {@code AUTO}. */
	@Nullable String stored() {
		return this == AUTO ? null : name();
	}

	/**
	 * The mode of a stored value; anything but LIGHT or DARK (NULL) follows the system.
	 */
	static ColorMode fromStored(@Nullable String stored) {
		if ("LIGHT".equals(stored)) {
			return LIGHT;
		}
		return "DARK".equals(stored) ? DARK : AUTO;
	}

	/**
	 * Bootstrap's {@code data-bs-theme}, or null for {@code AUTO} (set in the browser).
	 */
	public @Nullable String theme() {
		return this == AUTO ? null : name().toLowerCase(Locale.ROOT);
	}

	/** The lower-case name, for {@code data-color-mode}. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The key of the mode's name in messages.properties. */
	public String label() {
		return "colorMode." + value();
	}

	/** The key of the mode's explanation (the button's tooltip). */
	public String hint() {
		return label() + ".hint";
	}

	/** Its Bootstrap icon. */
	public String icon() {
		return icon;
	}

}
