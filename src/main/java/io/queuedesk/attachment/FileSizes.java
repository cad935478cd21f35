package io.queuedesk.attachment;

import java.util.Locale;

/** Sizes as people read them, in the units the file picker uses too (1 KB = 1024 B). */
public final class FileSizes {

	private static final String[] UNITS = { "KB", "MB", "GB" };

	private FileSizes() {
	}

	public static String text(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		double value = bytes;
		int unit = -1;
		while (value >= 1024 && unit < UNITS.length - 1) {
			value /= 1024;
			unit++;
		}
		String number = number(value);
		if (number.equals("1024.0") && unit < UNITS.length - 1) {
			// Just under the next unit (1048575 B): "1.0 MB", not "1024.0 KB".
			number = number(value / 1024);
			unit++;
		}
		return number + " " + UNITS[unit];
	}

	private static String number(double value) {
		return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
	}

}
