package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Two requests of one session that set the same new attribute at once (parallel uploads
 * from one browser, each leaving a flash message) each save their copy of the session:
 * the second copy's attribute was a second INSERT of the same key, a
 * DuplicateKeyException and a 500. Now the second write wins.
 */
@SpringBootTest
class SessionAttributeUpsertTest {

	@Autowired
	FindByIndexNameSessionRepository<? extends Session> sessions;

	@Test
	void twoCopiesOfOneSessionMayBothAddTheSameAttribute() {
		addTwice(sessions);
	}

	private static <S extends Session> void addTwice(FindByIndexNameSessionRepository<S> sessions) {
		S session = sessions.createSession();
		sessions.save(session);
		S first = sessions.findById(session.getId());
		S second = sessions.findById(session.getId());
		assertThat(first).isNotSameAs(second);
		first.setAttribute("flash", "first");
		second.setAttribute("flash", "second");
		sessions.save(first);
		sessions.save(second);
		assertThat(sessions.findById(session.getId()).<String>getAttribute("flash")).isEqualTo("second");
		sessions.deleteById(session.getId());
	}

}
