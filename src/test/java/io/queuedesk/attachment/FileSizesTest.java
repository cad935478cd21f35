package io.queuedesk.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sizes as people read them, in the file picker's units (1 KB = 1024 B). */
class FileSizesTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			0            | 0 B
			1            | 1 B
			1023         | 1023 B
			1024         | 1 KB
			1536         | 1.5 KB
			65536        | 64 KB
			65537        | 64.0 KB
			1047552      | 1023 KB
			1048575      | 1.0 MB
			1048576      | 1 MB
			1572864      | 1.5 MB
			10485760     | 10 MB
			10485761     | 10.0 MB
			1073741824   | 1 GB
			5497558138880 | 5120 GB
			""")
	void text(long bytes, String text) {
		assertThat(FileSizes.text(bytes, Locale.ENGLISH)).isEqualTo(text);
	}

	/** German writes a decimal comma (issue 18). */
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			1023         | 1023 B
			1536         | 1,5 KB
			1048575      | 1,0 MB
			10485760     | 10 MB
			""")
	void german(long bytes, String text) {
		assertThat(FileSizes.text(bytes, Locale.GERMAN)).isEqualTo(text);
	}

}
