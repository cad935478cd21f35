package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.queuedesk.QueuedeskApplication;

/**
 * With {@code WRITE_DELAY=0} every commit leaves a chunk in the H2 file that nothing
 * rewrites: after many small commits most of the file is dead pages scattered over chunks
 * that each keep a few live ones. One housekeeping run rewrites those pages so the chunks
 * can be freed. (The test's URL sets {@code RETENTION_TIME=0}, so freed chunks are
 * dropped at once instead of after 45 s.)
 */
class EmbeddedStoreHousekeepingTest {

	@TempDir
	Path directory;

	@Test
	void rewritesTheLivePagesOfSparseChunks() throws Exception {
		String url = "jdbc:h2:file:" + directory.resolve("qd")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;RETENTION_TIME=0";
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(QueuedeskApplication.class)
			.web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + url, "--spring.datasource.username=sa", "--spring.datasource.password=",
					"--queuedesk.demo-data=false")) {
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			for (int i = 0; i < 300; i++) {
				jdbc.sql("insert into clients (name, active, created_at, version) values (?, true, ?, 0)")
					.params("Housekeeping " + i, Timestamp.from(Instant.now()))
					.update();
			}
			for (int round = 0; round < 3; round++) {
				for (int i = 0; i < 300; i += 7) {
					jdbc.sql("update clients set version = version + 1 where name = ?")
						.param("Housekeeping " + i)
						.update();
				}
			}
			DataSource dataSource = context.getBean(DataSource.class);
			int before = chunksFillRate(dataSource);

			context.getBean(EmbeddedStoreHousekeeping.class).compact();
			jdbc.sql("update clients set version = version + 1 where name = 'Housekeeping 0'").update();

			int after = chunksFillRate(dataSource);
			assertThat(before).as("live share of the chunks before")
				.isLessThan(EmbeddedStoreHousekeeping.TARGET_FILL_RATE);
			assertThat(after).as("live share of the chunks after one run (before: %d %%)", before)
				.isGreaterThan(before + 20);
		}
	}

	private static int chunksFillRate(DataSource dataSource) throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
			FileStore<?> store = session.getDatabase().getStore().getMvStore().getFileStore();
			return store.getChunksFillRate();
		}
	}

}
