package io.queuedesk.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.queuedesk.DatabaseRun;

/**
 * A test class whose application reaches PostgreSQL or MariaDB through a
 * {@link TcpProxy}, so that its tests can cut the database off ({@code proxy.cut()},
 * {@code proxy.blackHole()}); after each test the database is back. Server runs only (the
 * subclass says so): the embedded H2 has no network to lose.
 */
abstract class ServerOutageTestCase {

	static TcpProxy proxy;

	@DynamicPropertySource
	static void throughTheProxy(DynamicPropertyRegistry registry) throws Exception {
		if (DatabaseRun.isServerRun()) {
			proxy = TcpProxy.inFrontOfServer(registry);
		}
	}

	@AfterEach
	void databaseBack() throws Exception {
		proxy.restore();
	}

	@AfterAll
	static void closeProxy() throws Exception {
		if (proxy != null) {
			proxy.close();
			proxy = null;
		}
	}

}
