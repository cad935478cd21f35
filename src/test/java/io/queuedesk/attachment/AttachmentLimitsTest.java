package io.queuedesk.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The exact limits, checked before anything is stored: at most max-files files, none
 * larger than max-bytes (the message names the file, cleaned, and the limit).
 */
class AttachmentLimitsTest {

	final AttachmentLimits limits = new AttachmentLimits(new AttachmentSettings(DataSize.ofKilobytes(64), 3));

	@Test
	void theLimitsAsTheFormShowsThem() {
		assertThat(limits.maxBytes()).isEqualTo(65536);
		assertThat(limits.maxFiles()).isEqualTo(3);
		assertThat(limits.maxSizeText()).isEqualTo("64 KB");
	}

	@Test
	void upToMaxFilesOfUpToMaxBytesPass() {
		assertThatCode(() -> limits.check(List.of())).doesNotThrowAnyException();
		assertThatCode(() -> limits.check(uploads(3, 65536))).doesNotThrowAnyException();
		assertThatCode(() -> limits.check(List.of(upload("empty.txt", 0)))).doesNotThrowAnyException();
	}

	@Test
	void oneFileTooManyIsRefused() {
		UploadRefusedException refused = catchThrowableOfType(UploadRefusedException.class,
				() -> limits.check(uploads(4, 10)));
		assertThat(refused.code()).isEqualTo("attachment.tooMany");
		assertThat(refused.args()).containsExactly(3);
	}

	@Test
	void oneByteTooManyIsRefusedNamingTheFile() {
		List<Upload> uploads = List.of(upload("fine.txt", 65536), upload("C:\\Users\\ada\\big\u0000.bin", 65537));
		UploadRefusedException refused = catchThrowableOfType(UploadRefusedException.class,
				() -> limits.check(uploads));
		assertThat(refused.code()).isEqualTo("attachment.tooLarge");
		assertThat(refused.args()).containsExactly("big.bin", "64 KB");
	}

	@Test
	void theCountIsCheckedBeforeTheSizes() {
		List<Upload> uploads = new ArrayList<>(uploads(3, 10));
		uploads.add(upload("huge.bin", 10_000_000));
		assertThat(catchThrowableOfType(UploadRefusedException.class, () -> limits.check(uploads)).code())
			.isEqualTo("attachment.tooMany");
	}

	@Test
	void emptyFileInputsAreNoUploads() {
		org.springframework.mock.web.MockMultipartFile empty = new org.springframework.mock.web.MockMultipartFile(
				"files", "", "application/octet-stream", new byte[0]);
		org.springframework.mock.web.MockMultipartFile file = new org.springframework.mock.web.MockMultipartFile(
				"files", "a.txt", "text/plain", new byte[] { 'a' });
		assertThat(Upload.of(null)).isEmpty();
		assertThat(Upload.of(List.of(empty))).isEmpty();
		assertThat(Upload.of(List.of(empty, file))).singleElement().satisfies(upload -> {
			assertThat(upload.name()).isEqualTo("a.txt");
			assertThat(upload.size()).isEqualTo(1);
		});
	}

	private static List<Upload> uploads(int count, long size) {
		List<Upload> uploads = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			uploads.add(upload("file-" + i + ".bin", size));
		}
		return uploads;
	}

	private static Upload upload(String name, long size) {
		return new Upload(name, size, () -> {
			throw new AssertionError("the limits never read the bytes");
		});
	}

}
