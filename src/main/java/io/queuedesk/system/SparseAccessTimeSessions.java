package io.queuedesk.system;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The session store, writing a session's last-access time at most once per
 * {@code interval}. Spring Session stamps the time on every request, and the JDBC store
 * turns that stamp into an UPDATE and a commit per page view, though nothing else
 * changed. A session lasts 8 hours without a request, so a stamp a minute old loses
 * nothing: the session may end up to a minute early.
 * <p>
 * Everything else goes straight to the store on every request: sessions are read from the
 * database each time (never cached here), so a session ended on one instance (sign-out,
 * deactivation, role change) ends at once on every instance; attribute changes, a new
 * session id and new sessions are written as before.
 * <p>
 * Read once per request, though: Spring Session's filter looks the requested session up a
 * second time at the very end of a request whose response was committed before it (any
 * page larger than the response buffer, the session having been saved on that commit),
 * only to learn the session id it already knows. That second SELECT needed a pool
 * connection after the page had gone out: under load it timed out, the exception hit an
 * already committed 200 (no 503 possible any more), Tomcat logged its stack trace,
 * appended its /error page to the page and closed the connection. Within one request
 * ({@link OneReadPerRequest}) a session found once is therefore answered from memory; a
 * deleted session (sign-out) is forgotten at once, and the next request reads the store
 * again.
 */
final class SparseAccessTimeSessions<S extends Session>
		implements FindByIndexNameSessionRepository<SparseAccessTimeSessions.StoredSession<S>> {

	/** The sessions found during the current request, by id; null outside a request. */
	private static final ThreadLocal<@Nullable Map<String, StoredSession<?>>> FOUND_IN_THIS_REQUEST = new ThreadLocal<>();

	/**
	 * The lookup that failed during the current request (the database unreachable or
	 * busy), if any: Spring Session tries again when asked again within the request, and
	 * each try waited for the pool's timeout once more (a page took two or three of them
	 * to answer its 503).
	 */
	private static final ThreadLocal<@Nullable RuntimeException> FAILED_IN_THIS_REQUEST = new ThreadLocal<>();

	private final FindByIndexNameSessionRepository<S> store;

	private final Duration interval;

	SparseAccessTimeSessions(FindByIndexNameSessionRepository<S> store, Duration interval) {
		this.store = store;
		this.interval = interval;
	}

	@Override
	public StoredSession<S> createSession() {
		return new StoredSession<>(store.createSession(), interval);
	}

	@Override
	public void save(StoredSession<S> session) {
		store.save(session.stored);
	}

	@Override
	@SuppressWarnings("unchecked")
	public @Nullable StoredSession<S> findById(String id) {
		Map<String, StoredSession<?>> found = FOUND_IN_THIS_REQUEST.get();
		if (found != null) {
			StoredSession<S> known = (StoredSession<S>) found.get(id);
			// Not once its id changed (sign-in) or it expired: then the store decides, as
			// before.
			if (known != null && known.getId().equals(id) && !known.isExpired()) {
				return known;
			}
		}
		RuntimeException failed = FAILED_IN_THIS_REQUEST.get();
		if (failed != null) {
			throw failed;
		}
		S session;
		try {
			session = store.findById(id);
		}
		catch (RuntimeException ex) {
			if (found != null) {
				FAILED_IN_THIS_REQUEST.set(ex);
			}
			throw ex;
		}
		if (session == null) {
			return null;
		}
		StoredSession<S> stored = new StoredSession<>(session, interval);
		if (found != null) {
			found.put(id, stored);
		}
		return stored;
	}

	@Override
	public void deleteById(String id) {
		Map<String, StoredSession<?>> found = FOUND_IN_THIS_REQUEST.get();
		if (found != null) {
			found.entrySet().removeIf(entry -> entry.getKey().equals(id) || entry.getValue().getId().equals(id));
		}
		store.deleteById(id);
	}

	@Override
	public Map<String, StoredSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, StoredSession<S>> sessions = new LinkedHashMap<>();
		store.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> sessions.put(id, new StoredSession<>(session, interval)));
		return sessions;
	}

	/**
	 * The span in which a session once found is not read again: one request, from just
	 * outside Spring Session's filter (so its commit at the end is included) until it has
	 * answered. Nested dispatches (error pages) share the span of their request.
	 */
	static final class OneReadPerRequest implements Filter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			if (FOUND_IN_THIS_REQUEST.get() != null) {
				chain.doFilter(request, response);
				return;
			}
			FOUND_IN_THIS_REQUEST.set(new HashMap<>());
			try {
				chain.doFilter(request, response);
			}
			finally {
				FOUND_IN_THIS_REQUEST.remove();
				FAILED_IN_THIS_REQUEST.remove();
			}
		}

	}

	/**
	 * A stored session whose last-access time moves only once it is {@code interval} old.
	 */
	static final class StoredSession<S extends Session> implements Session {

		private final S stored;

		private final Duration interval;

		StoredSession(S stored, Duration interval) {
			this.stored = stored;
			this.interval = interval;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (!lastAccessedTime.isBefore(stored.getLastAccessedTime().plus(interval))) {
				stored.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public String getId() {
			return stored.getId();
		}

		@Override
		public String changeSessionId() {
			return stored.changeSessionId();
		}

		@Override
		public <T> @Nullable T getAttribute(String attributeName) {
			return stored.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return stored.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, @Nullable Object attributeValue) {
			stored.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			stored.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return stored.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return stored.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			stored.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return stored.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return stored.isExpired();
		}

	}

}
