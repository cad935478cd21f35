package io.queuedesk.ldap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.UUID;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;

/**
 * A company directory for the tests: UnboundID's in-memory LDAP server on a free port of
 * the loopback address, filled from {@code ldap/directory.ldif}, with a manager account.
 * It can be stopped and started again on the same port (the directory outage).
 */
final class TestDirectory {

	static final String BASE = "dc=example,dc=org";

	static final String MANAGER_DN = "cn=manager," + BASE;

	static final String MANAGER_PASSWORD = "manager-Secret-1";

	static final String ADMINS = "cn=admins,ou=groups," + BASE;

	static final String DEVELOPERS = "cn=developers,ou=groups," + BASE;

	private final InMemoryDirectoryServer server;

	private final int port;

	private TestDirectory(InMemoryDirectoryServer server, int port) {
		this.server = server;
		this.port = port;
	}

	/** Starts a directory with the fixture's people and groups. */
	static TestDirectory start() {
		try {
			int port = freePort();
			InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
			config.addAdditionalBindCredentials(MANAGER_DN, MANAGER_PASSWORD);
			config.setListenerConfigs(
					InMemoryListenerConfig.createLDAPConfig("test", InetAddress.getLoopbackAddress(), port, null));
			// No schema checks: the fixture writes memberOf by hand, as Active Directory
			// would show it.
			config.setSchema(null);
			InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
			try (InputStream ldif = TestDirectory.class.getResourceAsStream("/ldap/directory.ldif")) {
				server.importFromLDIF(true, new LDIFReader(ldif));
			}
			server.startListening();
			return new TestDirectory(server, port);
		}
		catch (LDAPException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	/** The URL with the base DN, as QUEUEDESK_LDAP_URL takes it. */
	String url() {
		return "ldap://127.0.0.1:" + port + "/" + BASE;
	}

	int port() {
		return port;
	}

	/** The outage: every connection closed, nothing listens on the port. */
	void stop() {
		server.shutDown(true);
	}

	void restart() {
		try {
			server.startListening();
		}
		catch (LDAPException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A person of its own for one test: unique login and mail. */
	Person addPerson(String prefix, String password) {
		String login = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		return addPerson(login, login + "@directory.example", "Person " + login, password);
	}

	Person addPerson(String login, String mail, String displayName, String password) {
		String dn = "uid=" + login + ",ou=people," + BASE;
		try {
			if (mail == null) {
				server.add("dn: " + dn, "objectClass: inetOrgPerson", "uid: " + login, "cn: " + displayName, "sn: Test",
						"userPassword: " + password);
			}
			else {
				server.add("dn: " + dn, "objectClass: inetOrgPerson", "uid: " + login, "cn: " + displayName, "sn: Test",
						"displayName: " + displayName, "mail: " + mail, "userPassword: " + password);
			}
		}
		catch (LDAPException | LDIFException ex) {
			throw new IllegalStateException(ex);
		}
		return new Person(login, mail, dn, password);
	}

	void addToGroup(String groupDn, Person person) {
		modify(groupDn, ModificationType.ADD, person);
	}

	void removeFromGroup(String groupDn, Person person) {
		modify(groupDn, ModificationType.DELETE, person);
	}

	private void modify(String groupDn, ModificationType type, Person person) {
		try {
			server.modify(groupDn, new Modification(type, "member", person.dn()));
		}
		catch (LDAPException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** As Active Directory shows groups on the person's entry. */
	void setMemberOf(Person person, String... groupDns) {
		try {
			server.modify(person.dn(), new Modification(ModificationType.REPLACE, "memberOf", groupDns));
		}
		catch (LDAPException ex) {
			throw new IllegalStateException(ex);
		}
	}

	void setPassword(Person person, String password) {
		try {
			server.modify(person.dn(), new Modification(ModificationType.REPLACE, "userPassword", password));
		}
		catch (LDAPException ex) {
			throw new IllegalStateException(ex);
		}
	}

	record Person(String login, String mail, String dn, String password) {
	}

}
