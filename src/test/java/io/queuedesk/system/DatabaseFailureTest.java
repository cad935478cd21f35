package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Which failures are the database's: as the drivers and HikariCP report them, however
 * Spring, Hibernate or Spring Session wrapped them. No application context.
 */
class DatabaseFailureTest {

	@Test
	void anUnreachableServerIsToldFromABusyPoolAndFromOtherErrors() {
		SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
		assertThat(DatabaseFailure.of(new CannotCreateTransactionException("Could not open JPA EntityManager",
				new SQLTransientConnectionException("Connection is not available, request timed out", "08001",
						refused))))
			.isEqualTo(DatabaseFailure.UNREACHABLE);
		assertThat(DatabaseFailure.of(new RuntimeException(new SQLException("I/O error", "08006"))))
			.isEqualTo(DatabaseFailure.UNREACHABLE);
		assertThat(DatabaseFailure.of(new SQLException("terminating connection due to administrator command", "57P01")))
			.isEqualTo(DatabaseFailure.UNREACHABLE);
		assertThat(DatabaseFailure
			.of(new SQLTransientConnectionException("Connection is not available, request timed out")))
			.as("the pool is only busy")
			.isEqualTo(DatabaseFailure.BUSY);
		assertThat(DatabaseFailure.of(new DataIntegrityViolationException("duplicate key",
				new SQLException("duplicate key value violates unique constraint", "23505"))))
			.isEqualTo(DatabaseFailure.NONE);
		assertThat(DatabaseFailure.of(new IllegalStateException("boom"))).isEqualTo(DatabaseFailure.NONE);
	}

	@Test
	void aStatementTimeoutIsBusy() {
		assertThat(DatabaseFailure.of(new QueryTimeoutException("timed out",
				new SQLException("canceling statement due to statement timeout", "57014"))))
			.isEqualTo(DatabaseFailure.BUSY);
		assertThat(DatabaseFailure.of(new RuntimeException(new SQLException("Statement was canceled", "57014"))))
			.isEqualTo(DatabaseFailure.BUSY);
	}

	/**
	 * MariaDB's lock errors: a lock wait that ran out (1205, SQLState HY000) is a race
	 * lost for JdbcTemplate and JdbcClient (409, as Hibernate translates it) and the
	 * database busy where nothing translated it (503); a deadlock (1213, 40001) is a race
	 * lost and no database failure. Other general errors stay what they were.
	 */
	@Test
	void mariaDbLockErrorsAreARaceLostNeverAnUncategorizedError() {
		SQLException timeout = new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000",
				1205);
		LockErrorTranslator translator = new LockErrorTranslator();
		assertThat(translator.translate("update", "update tickets", timeout))
			.isInstanceOf(CannotAcquireLockException.class)
			.hasCause(timeout);
		assertThat(DatabaseFailure.of(new RuntimeException(timeout))).isEqualTo(DatabaseFailure.BUSY);
		SQLException deadlock = new SQLTransactionRollbackException(
				"Deadlock found when trying to get lock; try restarting transaction", "40001", 1213);
		assertThat(translator.translate("update", "update tickets", deadlock))
			.isInstanceOf(ConcurrencyFailureException.class);
		assertThat(DatabaseFailure.of(deadlock)).isEqualTo(DatabaseFailure.NONE);
		SQLException other = new SQLException("General error", "HY000", 50000);
		assertThat(translator.translate("select", "select 1", other) instanceof ConcurrencyFailureException)
			.as("another general error")
			.isFalse();
		assertThat(DatabaseFailure.of(other)).isEqualTo(DatabaseFailure.NONE);
	}

	@Test
	void mariaDbsInterruptionsAreBusyButAKilledConnectionIsGone() {
		assertThat(DatabaseFailure.of(new RuntimeException(
				new SQLException("Query execution was interrupted (max_statement_time exceeded)", "70100", 1969))))
			.isEqualTo(DatabaseFailure.BUSY);
		assertThat(DatabaseFailure.of(new SQLException("Query execution was interrupted", "70100", 1317)))
			.isEqualTo(DatabaseFailure.BUSY);
		assertThat(DatabaseFailure.of(new SQLException("Connection was killed", "70100", 1927)))
			.isEqualTo(DatabaseFailure.UNREACHABLE);
		assertThat(DatabaseFailure.of(new SQLException("Server shutdown in progress", "08S01", 1053)))
			.isEqualTo(DatabaseFailure.UNREACHABLE);
		assertThat(DatabaseFailure.of(new SQLException("Duplicate entry 'a' for key 'uq_users_email'", "23000", 1062)))
			.isEqualTo(DatabaseFailure.NONE);
		assertThat(DatabaseFailure
			.of(new RuntimeException(new SQLException("The table 'tickets' is full", "HY000", 1114)))).as("a full disk")
			.isEqualTo(DatabaseFailure.BUSY);
		assertThat(DatabaseFailure.of(new SQLException("Some other general error", "HY000", 1105)))
			.isEqualTo(DatabaseFailure.NONE);
	}

	@Test
	void aPostgresServerShortOfDiskOrMemoryIsBusyNotAnError() {
		assertThat(DatabaseFailure.of(new RuntimeException(
				new SQLException("could not extend file \"base/16384/16385\": No space left on device", "53100"))))
			.isEqualTo(DatabaseFailure.BUSY);
		assertThat(DatabaseFailure.of(new SQLException("sorry, too many clients already", "53300")))
			.isEqualTo(DatabaseFailure.BUSY);
		assertThat(DatabaseFailure.of(new SQLException("duplicate key value", "23505")))
			.isEqualTo(DatabaseFailure.NONE);
	}

	@Test
	void anEmbeddedH2ThatClosedOnAFullDiskIsUnreachableAndItsConnectionsAreDropped() {
		SQLException writeFailed = new SQLException("General error: Writing to file failed", "HY000", 50000,
				new IllegalStateException("MVStoreException", new IOException("No space left on device")));
		SQLException closed = new SQLException("The database has been closed", "90098", 90098);
		SQLException droppedByThePool = new SQLException("Connection is closed");

		assertThat(DatabaseFailure.of(new RuntimeException(writeFailed))).isEqualTo(DatabaseFailure.UNREACHABLE);
		assertThat(DatabaseFailure.of(new RuntimeException(closed))).isEqualTo(DatabaseFailure.UNREACHABLE);
		assertThat(DatabaseFailure.of(new RuntimeException(droppedByThePool))).isEqualTo(DatabaseFailure.UNREACHABLE);
		assertThat(ClosedH2Database.closed(new RuntimeException(closed))).isTrue();
		assertThat(ClosedH2Database.closed(new RuntimeException(writeFailed))).isFalse();

		DeadConnectionEviction eviction = new DeadConnectionEviction();
		assertThat(eviction.adjudicate(closed)).isEqualTo(SQLExceptionOverride.Override.MUST_EVICT);
		assertThat(eviction.adjudicate(writeFailed)).isEqualTo(SQLExceptionOverride.Override.MUST_EVICT);
		assertThat(eviction.adjudicate(new SQLException("syntax error", "42601")))
			.isEqualTo(SQLExceptionOverride.Override.CONTINUE_EVICT);
	}

	/** Before, a statement timeout was a 500. */
	@Test
	void aStatementTimeoutUnderApiAnswers503Json() throws Exception {
		StaticListableBeanFactory none = new StaticListableBeanFactory();
		DatabaseBusyFilter filter = new DatabaseBusyFilter(none.getBeanProvider(ThymeleafViewResolver.class),
				none.getBeanProvider(DatabaseAvailability.class));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/tickets");
		MockHttpServletResponse response = new MockHttpServletResponse();

		filter.doFilter(request, response, (req, res) -> {
			throw new QueryTimeoutException("timed out", new SQLException("canceling statement", "57014"));
		});

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo(DatabaseBusyFilter.RETRY_AFTER_SECONDS);
		assertThat(response.getContentType()).contains("json");
		assertThat(response.getContentAsString()).contains("\"status\":503");
	}

}
