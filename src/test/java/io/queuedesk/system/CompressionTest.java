package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Pages go compressed to clients that accept gzip, and plain to those that do not. Real
 * HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CompressionTest {

	@LocalServerPort
	int port;

	@Test
	void pagesAreGzippedForClientsThatAcceptIt() throws Exception {
		HttpResponse<byte[]> gzipped = get("/login", "gzip");
		HttpResponse<byte[]> plain = get("/login", null);

		assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
		assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
		String unzipped = new String(new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes(),
				StandardCharsets.UTF_8);
		assertThat(unzipped).contains("name=\"username\"");
		assertThat(gzipped.body().length).isLessThan(plain.body().length / 2);
	}

	private HttpResponse<byte[]> get(String path, String acceptEncoding) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
		if (acceptEncoding != null) {
			request.header("Accept-Encoding", acceptEncoding);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

}
