package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;

/**
 * The session store writes a session's last-access time at most once a minute, and still
 * reads the session from the database on every request, so an ended session is over at
 * once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SparseAccessTimeSessionsTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theAccessTimeMovesOnlyOnceItIsAnIntervalOld() {
		Instant start = Instant.parse("2026-01-01T08:00:00Z");
		MapSession stored = new MapSession();
		stored.setLastAccessedTime(start);
		var session = new SparseAccessTimeSessions.StoredSession<>(stored, Duration.ofMinutes(1));

		session.setLastAccessedTime(start.plusSeconds(59));
		assertThat(session.getLastAccessedTime()).isEqualTo(start);

		session.setLastAccessedTime(start.plusSeconds(60));
		assertThat(session.getLastAccessedTime()).isEqualTo(start.plusSeconds(60));
	}

	@Test
	void aPageViewDoesNotWriteTheSessionRow() throws Exception {
		HttpSessionClient browser = new HttpSessionClient(port);
		assertThat(browser.signIn("developer1@example.com", "P@55word").statusCode()).isEqualTo(302);
		String id = browser.sessionCookie().orElseThrow().getValue();
		String sessionId = new String(Base64.getDecoder().decode(id));
		long stamped = lastAccess(sessionId);

		assertThat(browser.get("/account/password").statusCode()).isEqualTo(200);
		assertThat(browser.get("/my/tickets").statusCode()).isEqualTo(200);

		assertThat(lastAccess(sessionId)).isEqualTo(stamped);
	}

	@Test
	void aSessionDeletedFromTheDatabaseEndsAtOnce() throws Exception {
		HttpSessionClient browser = new HttpSessionClient(port);
		assertThat(browser.signIn("developer2@example.com", "P@55word").statusCode()).isEqualTo(302);
		assertThat(browser.get("/account/password").statusCode()).isEqualTo(200);
		String sessionId = new String(Base64.getDecoder().decode(browser.sessionCookie().orElseThrow().getValue()));

		// As another instance would, e.g. on sign-out or deactivation there.
		jdbc.sql("delete from SPRING_SESSION where session_id = ?").param(sessionId).update();

		HttpResponse<String> after = browser.get("/account/password");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location")).get().asString().endsWith("/login");
	}

	/**
	 * Spring Session's filter asks for the requested session again at the end of a
	 * request whose page was committed early; within one request that is answered from
	 * memory (no database connection needed once the page is out), outside a request and
	 * after a deletion never.
	 */
	@Test
	void aSessionIsReadOncePerRequest() throws Exception {
		CountingStore store = new CountingStore();
		MapSession stored = new MapSession();
		store.sessions.put(stored.getId(), stored);
		var sessions = new SparseAccessTimeSessions<>(store, Duration.ofMinutes(1));
		String id = stored.getId();

		sessions.findById(id);
		sessions.findById(id);
		assertThat(store.reads).as("outside a request: the store every time").hasValue(2);

		new SparseAccessTimeSessions.OneReadPerRequest().doFilter(new MockHttpServletRequest(),
				new MockHttpServletResponse(), (request, response) -> {
					var first = sessions.findById(id);
					assertThat(sessions.findById(id)).isSameAs(first);
					assertThat(store.reads).hasValue(3);

					sessions.deleteById(id);
					assertThat(sessions.findById(id)).as("deleted: forgotten").isNull();
					assertThat(store.reads).hasValue(4);
				});

		store.sessions.put(id, stored);
		sessions.findById(id);
		assertThat(store.reads).as("the next request reads the store again").hasValue(5);
	}

	/** A session store in memory that counts its reads. */
	static final class CountingStore implements FindByIndexNameSessionRepository<MapSession> {

		final Map<String, MapSession> sessions = new HashMap<>();

		final AtomicInteger reads = new AtomicInteger();

		@Override
		public MapSession createSession() {
			return new MapSession();
		}

		@Override
		public void save(MapSession session) {
			sessions.put(session.getId(), session);
		}

		@Override
		public MapSession findById(String id) {
			reads.incrementAndGet();
			return sessions.get(id);
		}

		@Override
		public void deleteById(String id) {
			sessions.remove(id);
		}

		@Override
		public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return Map.of();
		}

	}

	private long lastAccess(String sessionId) {
		return jdbc.sql("select last_access_time from SPRING_SESSION where session_id = ?")
			.param(sessionId)
			.query(Long.class)
			.single();
	}

}
