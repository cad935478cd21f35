package io.queuedesk.mail.inbound;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The corpus of replies under
 * {@code src/test/resources/io/queuedesk/mail/inbound/replies}: each body is
 * {@code NAME.txt} (a text/plain part) or {@code NAME.html} (a text/html part), with
 * {@code NAME.expected.txt}, what {@link ReplyText#cut} should leave of it (after
 * {@link HtmlText#toText} for HTML), and for HTML {@code NAME.text.txt}, the whole text
 * {@link HtmlText#toText} should make of it.
 */
final class Replies {

	private Replies() {
	}

	/** The file names of all bodies, text and HTML. */
	static Stream<String> bodies() {
		try (Stream<Path> files = Files.list(directory())) {
			List<String> names = files.map(file -> file.getFileName().toString())
				.filter(name -> !name.endsWith(".expected.txt") && !name.endsWith(".text.txt"))
				.sorted()
				.toList();
			return names.stream();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Stream<String> htmlBodies() {
		return bodies().filter(Replies::html);
	}

	static boolean html(String name) {
		return name.endsWith(".html");
	}

	static String base(String name) {
		return name.substring(0, name.lastIndexOf('.'));
	}

	/** The file's text as it is (line breaks included). */
	static String read(String name) {
		try {
			return Files.readString(directory().resolve(name), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An expected-output file without the line breaks an editor may leave at its end. */
	static String expected(String name) {
		return read(name).replaceFirst("\n+$", "");
	}

	private static Path directory() {
		try {
			return Path.of(Replies.class.getResource("replies").toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
