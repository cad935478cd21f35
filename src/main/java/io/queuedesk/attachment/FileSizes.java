package io.queuedesk.attachment;

import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Sizes as people read them, in the units the file picker uses too (1 KB = 1024 B), with
 * the decimal separator of the page's language ("1.5 MB", German "1,5 MB").
 */
public final class FileSizes {

	private static final String[] UNITS = { "KB", "MB", "GB" };

	private FileSizes() {
	}

	/** In the language of the current request (English outside one). */
	public static String text(long bytes) {
		return text(bytes, LocaleContextHolder.getLocale());
	}

	public static String text(long bytes, Locale locale) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		double value = bytes;
		int unit = -1;
		while (value >= 1024 && unit < UNITS.length - 1) {
			value /= 1024;
			unit++;
		}
		if (Math.round(value * 10) >= 10240 && unit < UNITS.length - 1) {
			// Just under the next unit (1048575 B): "1.0 MB", not "1024.0 KB".
			value /= 1024;
			unit++;
		}
		return number(value, locale) + " " + UNITS[unit];
	}

	private static String number(double value, Locale locale) {
		return value == Math.rint(value) ? String.valueOf((long) value) : String.format(locale, "%.1f", value);
	}

}
