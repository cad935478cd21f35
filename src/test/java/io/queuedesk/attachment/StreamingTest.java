package io.queuedesk.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.queuedesk.DatabaseRun;
import io.queuedesk.QueuedeskApplication;
import io.queuedesk.system.AppProcess;
import io.queuedesk.system.HttpSessionClient;
import io.queuedesk.system.ScratchDatabase;

/**
 * Issue 14: files are streamed in and out, never held whole in the heap. The application
 * runs as a process of its own with the production settings and a small heap (on the
 * embedded H2 file, or in the PostgreSQL run on a database of its own) and gets real
 * multipart uploads over HTTP, whose bodies this test generates as they are sent (it
 * holds no file either); downloads are hashed as they arrive.
 * {@code -XX:+ExitOnOutOfMemoryError} ends the process at the first
 * {@link OutOfMemoryError}, even one the application would catch (the thumbnail maker
 * does), so a file held whole anywhere fails the test.
 */
class StreamingTest {

	/**
	 * A small heap for the application. It starts and serves its pages from 56 MiB (48
	 * MiB: out of memory while starting); a large upload on H2 needs some 25 MiB more for
	 * H2's page cache (bounded: 16 MiB by default, filled with chunk pages), so at 64 MiB
	 * only with {@code CACHE_SIZE=4096}. 96 MiB runs the production settings unchanged.
	 */
	static final int SMALL_HEAP_MB = 96;

	/**
	 * Twice the small heap: no layer may buffer it whole (three times made the test take
	 * two minutes on a busy machine).
	 */
	static final long LARGE_FILE_BYTES = 2L * SMALL_HEAP_MB * 1024 * 1024;

	private static final long TEN_MIB = 10L * 1024 * 1024;

	private static final int PARALLEL = 8;

	private static final String ADMIN = "stream-admin@test.example";

	private static final String PASSWORD = "Stream-P@55word";

	private static final Pattern TICKET = Pattern.compile("/tickets/(\\d+)$");

	@TempDir
	Path directory;

	@Test
	@Timeout(value = 240, unit = TimeUnit.SECONDS)
	void aFileTwiceTheHeapGoesInAndOutWhole() throws Exception {
		List<String> settings = prepare("_stream_large");
		settings.add("--queuedesk.attachments.max-bytes=" + (LARGE_FILE_BYTES / (1024 * 1024) + 1) + "MB");
		settings.add("--queuedesk.attachments.max-files=1");
		try (AppProcess app = AppProcess.start(directory, "small-heap", jvmFlags(SMALL_HEAP_MB), settings)) {
			Browser admin = new Browser(app);
			long ticket = admin.newTicket("Larger than the heap");

			long start = System.nanoTime();
			String sent = admin.upload(ticket, "large.bin", LARGE_FILE_BYTES, 14);
			long uploaded = System.nanoTime();
			Map<String, Long> files = admin.files(ticket);
			assertThat(files).as("the ticket's files").containsOnlyKeys("large.bin");
			Download got = admin.download(files.get("large.bin"));
			System.out.printf(
					"[queuedesk] streaming test: %d MiB through a %d MiB heap: upload %.1f s, download %.1f s%n",
					LARGE_FILE_BYTES >> 20, SMALL_HEAP_MB, (uploaded - start) / 1e9,
					(System.nanoTime() - uploaded) / 1e9);

			assertThat(got.size()).as("bytes downloaded").isEqualTo(LARGE_FILE_BYTES);
			assertThat(got.sha256()).as("SHA-256 of the download").isEqualTo(sent);
			assertThat(got.etag()).as("ETag: the stored SHA-256").isEqualTo("\"" + sent + "\"");
			assertThat(admin.get("/tickets/" + ticket).statusCode()).as("the ticket page afterwards").isEqualTo(200);
			assertThat(app.logTail()).doesNotContain("OutOfMemoryError");
		}
	}

	@Test
	@Timeout(value = 240, unit = TimeUnit.SECONDS)
	void eightParallelUploadsAndDownloadsOfTenMiBAt256MiB() throws Exception {
		List<String> settings = prepare("_stream_parallel");
		try (AppProcess app = AppProcess.start(directory, "parallel", jvmFlags(256), settings)) {
			Browser admin = new Browser(app);
			long ticket = admin.newTicket("Eight at once");

			List<Callable<String>> uploads = new ArrayList<>();
			for (int i = 0; i < PARALLEL; i++) {
				int seed = i;
				uploads.add(() -> admin.upload(ticket, "part-" + seed + ".bin", TEN_MIB, seed));
			}
			List<String> sent = all(uploads);
			Map<String, Long> files = admin.files(ticket);
			assertThat(files).as("the ticket's files").hasSize(PARALLEL);

			List<Callable<Download>> downloads = new ArrayList<>();
			for (int i = 0; i < PARALLEL; i++) {
				long id = files.get("part-" + i + ".bin");
				downloads.add(() -> admin.download(id));
			}
			List<Download> got = all(downloads);
			for (int i = 0; i < PARALLEL; i++) {
				assertThat(got.get(i).size()).as("bytes of part %d", i).isEqualTo(TEN_MIB);
				assertThat(got.get(i).sha256()).as("SHA-256 of part %d", i).isEqualTo(sent.get(i));
			}
			assertThat(app.logTail()).doesNotContain("OutOfMemoryError");
		}
	}

	/** Flags of the application's JVM: the heap given, and death at the first OOM. */
	private static List<String> jvmFlags(int heapMb) {
		return List.of("-Xmx" + heapMb + "m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
				"-XX:+ExitOnOutOfMemoryError");
	}

	/**
	 * An empty database with the admin, a client and a product area; returns the settings
	 * that point the application at it.
	 */
	private List<String> prepare(String suffix) throws Exception {
		ScratchDatabase database = DatabaseRun.isServerRun() ? ScratchDatabase.server(suffix)
				: ScratchDatabase.embeddedDefault(directory);
		List<String> settings = new ArrayList<>(database.settings());
		List<String> createAdmin = new ArrayList<>(List.of("create-user", "--email=" + ADMIN, "--password=" + PASSWORD,
				"--role=ADMIN", "--queuedesk.demo-data=false"));
		createAdmin.addAll(settings);
		assertThat(QueuedeskApplication.runCommand(createAdmin.toArray(String[]::new))).as("create-user").isZero();
		try (SingleConnectionDataSource dataSource = database.dataSource()) {
			JdbcClient jdbc = JdbcClient.create(dataSource);
			for (String table : List.of("clients", "product_areas")) {
				jdbc.sql("insert into " + table + " (name, active, created_at, version) values (?, true, ?, 0)")
					.params("Streaming " + table, Timestamp.from(Instant.now()))
					.update();
			}
		}
		return settings;
	}

	private static <T> List<T> all(List<Callable<T>> tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
		try {
			List<T> results = new ArrayList<>();
			for (Future<T> done : pool.invokeAll(tasks, 3, TimeUnit.MINUTES)) {
				results.add(done.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	record Download(long size, String sha256, String etag) {
	}

	/**
	 * A signed-in admin with its own cookies (session and CSRF), sending what a browser
	 * sends.
	 */
	private static final class Browser {

		private final String base;

		private final HttpClient http;

		private final String csrf;

		Browser(AppProcess app) throws Exception {
			this.base = "http://localhost:" + app.port;
			this.http = HttpClient.newBuilder()
				.cookieHandler(new CookieManager())
				.followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			HttpResponse<String> login = form("/login", "/login", "username", ADMIN, "password", PASSWORD);
			assertThat(login.statusCode()).as("sign-in").isEqualTo(302);
			assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
			this.csrf = HttpSessionClient.csrfToken(get("/account/password").body());
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		long newTicket(String title) throws Exception {
			String clientId = option(get("/tickets/new").body(), "clientId");
			String areaId = option(get("/tickets/new").body(), "productAreaId");
			HttpResponse<String> created = form("/tickets/new", "/tickets/new", "title", title, "description",
					"Files larger than they should be", "clientId", clientId, "productAreaId", areaId);
			Matcher id = TICKET.matcher(created.headers().firstValue("Location").orElse(""));
			assertThat(created.statusCode()).as("new ticket").isEqualTo(302);
			assertThat(id.find()).as("ticket id in %s", created.headers().map()).isTrue();
			return Long.parseLong(id.group(1));
		}

		/**
		 * Posts one file of {@code size} pseudo-random bytes (from {@code seed}) to the
		 * ticket, generated while it is sent; returns the SHA-256 of what was sent.
		 */
		String upload(long ticket, String name, long size, long seed) throws Exception {
			String boundary = "----queuedesk-stream-" + seed;
			byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + name
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8);
			byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/tickets/" + ticket + "/attachments"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.header("X-XSRF-TOKEN", csrf)
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers
					.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
							new SequenceInputStream(new java.io.ByteArrayInputStream(head),
									new DigestInputStream(new RandomBytes(size, seed), sha256)),
							new java.io.ByteArrayInputStream(tail))), head.length + size + tail.length))
				.build();
			HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as("upload of %s", name).isEqualTo(302);
			String location = answer.headers().firstValue("Location").orElse("");
			assertThat(location).as("upload of %s", name).endsWith("/tickets/" + ticket + "#files");
			String page = get(location.replace("#files", "")).body();
			assertThat(page).as("the page after the upload of %s", name).doesNotContain("alert-danger");
			return HexFormat.of().formatHex(sha256.digest());
		}

		/** The ticket's files by name, from the JSON API. */
		Map<String, Long> files(long ticket) throws Exception {
			HttpResponse<String> json = http.send(HttpRequest.newBuilder(URI.create(base + "/api/tickets/" + ticket))
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(json.statusCode()).isEqualTo(200);
			Matcher file = Pattern.compile("\\{\"id\":(\\d+),\"name\":\"([^\"]+)\",\"size\"").matcher(json.body());
			Map<String, Long> files = new java.util.HashMap<>();
			while (file.find()) {
				files.put(file.group(2), Long.parseLong(file.group(1)));
			}
			return files;
		}

		/** Downloads the file, hashing and counting its bytes as they come. */
		Download download(long id) throws Exception {
			HttpResponse<InputStream> answer = http.send(
					HttpRequest.newBuilder(URI.create(base + "/attachments/" + id + "?download=true")).build(),
					HttpResponse.BodyHandlers.ofInputStream());
			assertThat(answer.statusCode()).as("download of %d", id).isEqualTo(200);
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			long size = 0;
			byte[] buffer = new byte[64 * 1024];
			try (InputStream in = answer.body()) {
				for (int n; (n = in.read(buffer)) > 0;) {
					sha256.update(buffer, 0, n);
					size += n;
				}
			}
			return new Download(size, HexFormat.of().formatHex(sha256.digest()),
					answer.headers().firstValue("ETag").orElse(""));
		}

		private HttpResponse<String> form(String pagePath, String actionPath, String... fields)
				throws IOException, InterruptedException {
			StringBuilder body = new StringBuilder("_csrf=")
				.append(encode(HttpSessionClient.csrfToken(get(pagePath).body())));
			for (int i = 0; i + 1 < fields.length; i += 2) {
				body.append('&').append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
			}
			return http.send(HttpRequest.newBuilder(URI.create(base + actionPath))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body.toString()))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		/** The value of the first real option of a select on the page. */
		private static String option(String html, String select) {
			Matcher options = Pattern.compile("name=\"" + select + "\"[\\s\\S]*?<option value=\"(\\d+)\"")
				.matcher(html);
			assertThat(options.find()).as("an option of %s", select).isTrue();
			return options.group(1);
		}

		private static String encode(String value) {
			return URLEncoder.encode(value, StandardCharsets.UTF_8);
		}

	}

	/**
	 * {@code size} pseudo-random bytes from a seed, made as they are read: the test holds
	 * no file.
	 */
	static final class RandomBytes extends InputStream {

		private final SplittableRandom random;

		private long left;

		RandomBytes(long size, long seed) {
			this.random = new SplittableRandom(seed);
			this.left = size;
		}

		@Override
		public int read() {
			if (left == 0) {
				return -1;
			}
			left--;
			return random.nextInt(256);
		}

		@Override
		public int read(byte[] b, int off, int len) {
			if (left == 0) {
				return -1;
			}
			int n = (int) Math.min(len, left);
			for (int i = 0; i < n; i += 8) {
				long bits = random.nextLong();
				for (int j = i; j < Math.min(n, i + 8); j++) {
					b[off + j] = (byte) bits;
					bits >>>= 8;
				}
			}
			left -= n;
			return n;
		}

	}

}
