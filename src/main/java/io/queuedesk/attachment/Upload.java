package io.queuedesk.attachment;

import java.util.List;

import org.springframework.core.io.InputStreamSource;
import org.springframework.web.multipart.MultipartFile;

/**
 * A file someone sends, before it is stored: its name as the sender gave it, its size,
 * and its bytes, which may be read more than once (for the type, the thumbnail and the
 * store). Multipart uploads are files on disk (Spring's file-size threshold is 0), so
 * reading them again costs no memory.
 */
public record Upload(String name, long size, InputStreamSource content) {

	/**
	 * The files of a form's {@code files} field. A file input left empty still sends a
	 * part, with no file name and no bytes: that is no file.
	 */
	public static List<Upload> of(List<MultipartFile> files) {
		if (files == null) {
			return List.of();
		}
		return files.stream()
			.filter(file -> file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank())
			.map(file -> new Upload(file.getOriginalFilename(), file.getSize(), file))
			.toList();
	}

}
