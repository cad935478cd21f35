package io.queuedesk.reference;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * Issue 12: only the unique key means "a client (product area) with this name exists".
 * Any other refusal of the database (here a name longer than the column, which the
 * form's @Size stops first; on PostgreSQL also a NUL) goes on as the error it is, on H2
 * and PostgreSQL.
 */
@SpringBootTest
@WithUserDetails("admin@example.com")
class ReferenceAdminServiceTest {

	@Autowired
	ReferenceAdminService<Client> clients;

	@Autowired
	ReferenceAdminService<ProductArea> areas;

	@Test
	void aClientNameTheDatabaseRefusesIsNotATakenName() {
		aNameTheDatabaseRefusesIsNotATakenName(clients);
	}

	@Test
	void aProductAreaNameTheDatabaseRefusesIsNotATakenName() {
		aNameTheDatabaseRefusesIsNotATakenName(areas);
	}

	private static void aNameTheDatabaseRefusesIsNotATakenName(ReferenceAdminService<?> service) {
		String tooLong = "x".repeat(101);
		assertThatThrownBy(() -> service.create(tooLong)).isInstanceOf(DataIntegrityViolationException.class);

		long id = service.create("Refusal " + UUID.randomUUID().toString().substring(0, 8)).getId();
		assertThatThrownBy(() -> service.rename(id, tooLong)).isInstanceOf(DataIntegrityViolationException.class);
	}

}
