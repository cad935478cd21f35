package io.queuedesk.system;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The session store, writing a session's last-access time at most once per {@code interval}.
 * Spring Session stamps the time on every request, and the JDBC store turns that stamp into an
 * UPDATE and a commit per page view, though nothing else changed. A session lasts 8 hours without
 * a request, so a stamp a minute old loses nothing: the session may end up to a minute early.
 * <p>
 * Everything else goes straight to the store on every request: sessions are read from the
 * database each time (never cached here), so a session ended on one instance (sign-out,
 * deactivation, role change) ends at once on every instance; attribute changes, a new session id
 * and new sessions are written as before.
 */
final class SparseAccessTimeSessions<S extends Session>
		implements FindByIndexNameSessionRepository<SparseAccessTimeSessions.StoredSession<S>> {

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
	public @Nullable StoredSession<S> findById(String id) {
		S session = store.findById(id);
		return (session != null) ? new StoredSession<>(session, interval) : null;
	}

	@Override
	public void deleteById(String id) {
		store.deleteById(id);
	}

	@Override
	public Map<String, StoredSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, StoredSession<S>> sessions = new LinkedHashMap<>();
		store.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> sessions.put(id, new StoredSession<>(session, interval)));
		return sessions;
	}

	/** A stored session whose last-access time moves only once it is {@code interval} old. */
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
