package io.queuedesk.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * File names as stored and shown ({@link FileNames#clean}): no path, no control or format
 * characters, NFC, at most 255 characters with the extension kept, never empty, never a
 * half of a surrogate pair.
 */
class FileNamesTest {

	@Test
	void pathsAreStripped() {
		assertThat(FileNames.clean("C:\\Users\\ada\\Desktop\\shot.png")).isEqualTo("shot.png");
		assertThat(FileNames.clean("/home/ada/report.pdf")).isEqualTo("report.pdf");
		assertThat(FileNames.clean("../../etc/passwd")).isEqualTo("passwd");
		assertThat(FileNames.clean("a/b\\c/d.txt")).isEqualTo("d.txt");
	}

	@Test
	void controlAndFormatCharactersAreRemoved() {
		assertThat(FileNames.clean("re\u0000po\u0007rt\u001b\u007f.pdf")).isEqualTo("report.pdf");
		assertThat(FileNames.clean("line\r\nbreak\t.txt")).isEqualTo("linebreak.txt");
		// A right-to-left override that would show "exe.png" as "gnp.exe".
		assertThat(FileNames.clean("invoice\u202Egnp.exe")).isEqualTo("invoicegnp.exe");
		assertThat(FileNames.clean("zero\u200Bwidth\uFEFF.txt")).isEqualTo("zerowidth.txt");
		assertThat(FileNames.clean("lone\uD800surrogate.txt")).isEqualTo("lonesurrogate.txt");
		assertThat(FileNames.clean("private\uE000use.txt")).isEqualTo("privateuse.txt");
	}

	@Test
	void otherWhitespaceBecomesASpaceAndTheEndsAreTrimmed() {
		assertThat(FileNames.clean("  two\u2003words\u2028here.txt \u3000")).isEqualTo("two words here.txt");
		// A no-break space is no whitespace to Java: kept as it is.
		assertThat(FileNames.clean("no\u00A0break.txt")).isEqualTo("no\u00A0break.txt");
	}

	@Test
	void namesAreNfcNormalised() {
		String decomposed = "Cafe\u0301 Zu\u0308rich.txt";
		assertThat(FileNames.clean(decomposed)).isEqualTo("Caf\u00E9 Z\u00FCrich.txt");
		assertThat(FileNames.clean("\u00E9t\u00E9.pdf")).isEqualTo("\u00E9t\u00E9.pdf");
	}

	@Test
	void ordinaryNamesOfAnyScriptStayAsTheyAre() {
		for (String name : new String[] { "Screenshot 2026-11-30 at 10.15.03.png", "Отчёт.docx", "报告.pdf", "تقرير.xlsx",
				"a😀b.png", "👩‍💻 notes.txt", ".gitignore" }) {
			assertThat(FileNames.clean(name)).isEqualTo(name);
		}
	}

	@Test
	void joinersAreKeptInsideAWordOnly() {
		assertThat(FileNames.clean("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645.txt"))
			.isEqualTo("\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645.txt");
		assertThat(FileNames.clean("\u200Dstart\u200C end.txt\u200D")).isEqualTo("start end.txt");
		assertThat(FileNames.clean("a\u200D\u200Db.txt")).isEqualTo("a\u200Db.txt");
		assertThat(FileNames.clean("a\u200D\u202Eb.txt")).isEqualTo("ab.txt");
		assertThat(FileNames.clean("\u200D\u200C")).isEqualTo("file");
		// Never left dangling where a long name is cut.
		String cut = FileNames.clean("x".repeat(250) + "\u200D" + "y".repeat(20) + ".pdf");
		assertThat(cut).isEqualTo("x".repeat(250) + ".pdf");
	}

	@Test
	void longNamesAreCutKeepingTheExtension() {
		String cut = FileNames.clean("a".repeat(300) + ".pdf");
		assertThat(cut).hasSize(FileNames.MAX_LENGTH).startsWith("aaaa").endsWith("a.pdf");

		String exact = "b".repeat(251) + ".txt";
		assertThat(FileNames.clean(exact)).isEqualTo(exact);

		// An "extension" of more than 16 characters is part of the name: cut plainly.
		String noExtension = FileNames.clean("c".repeat(300) + ".thisisnotanextension");
		assertThat(noExtension).hasSize(FileNames.MAX_LENGTH).isEqualTo("c".repeat(FileNames.MAX_LENGTH));
	}

	@Test
	void cuttingNeverSplitsASurrogatePair() {
		// Emoji are two chars each; the cut falls once on the high half, once on the low.
		for (String prefix : new String[] { "", "a" }) {
			String cut = FileNames.clean(prefix + "😀".repeat(200) + ".png");
			assertThat(cut.length()).isLessThanOrEqualTo(FileNames.MAX_LENGTH);
			assertThat(cut).startsWith(prefix + "😀").endsWith("😀.png");
			assertWellFormed(cut);
		}
		String noExtension = FileNames.clean("😀".repeat(200));
		assertThat(noExtension.length()).isLessThanOrEqualTo(FileNames.MAX_LENGTH);
		assertWellFormed(noExtension);
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "   ", "\u0000", "\u200B\u202E", ".", "..", "/", "C:\\", "dir/", "dir\\.." })
	void namesAreNeverEmpty(String name) {
		assertThat(FileNames.clean(name)).isEqualTo("file");
	}

	private static void assertWellFormed(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				assertThat(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))).as("pair at %d", i)
					.isTrue();
				i++;
			}
			else {
				assertThat(Character.isLowSurrogate(c)).as("lone low surrogate at %d", i).isFalse();
			}
		}
	}

}
