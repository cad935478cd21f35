package io.queuedesk.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.queuedesk.ldap.Directory.Person;
import io.queuedesk.system.SignInUnavailableException;

/**
 * The directory client alone, without the application: a directory that does not answer
 * (down, or hanging) is "not reachable" within the timeout, never a hang; the settings
 * that cannot work stop the start; group settings match by DN or CN.
 */
class DirectoryTest {

	@Test
	void aClosedPortIsNotReachableAtOnce() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		for (LdapSettings settings : List.of(dnPattern(port, Duration.ofSeconds(5)),
				search(port, Duration.ofSeconds(5)))) {
			Instant start = Instant.now();
			assertThatThrownBy(() -> new Directory(settings).authenticate("jdoe", "secret-Password-1"))
				.isInstanceOf(SignInUnavailableException.class);
			assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
		}
	}

	@Test
	void aDirectoryThatAcceptsButNeverAnswersTimesOut() throws Exception {
		try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
			List<Socket> held = new ArrayList<>();
			Thread acceptor = new Thread(() -> {
				try {
					while (true) {
						held.add(silent.accept()); // and never a byte back
					}
				}
				catch (IOException closed) {
					// the test is over
				}
			});
			acceptor.setDaemon(true);
			acceptor.start();
			for (LdapSettings settings : List.of(dnPattern(silent.getLocalPort(), Duration.ofMillis(500)),
					search(silent.getLocalPort(), Duration.ofMillis(500)))) {
				Instant start = Instant.now();
				assertThatThrownBy(() -> new Directory(settings).authenticate("jdoe", "secret-Password-1"))
					.isInstanceOf(SignInUnavailableException.class);
				assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(4));
			}
			for (Socket socket : held) {
				socket.close();
			}
		}
	}

	@Test
	void settingsThatCannotWorkStopTheStartNamingTheVariable() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> settings("http://dc.example.com/dc=example,dc=com", "uid={0}", null, null, null))
			.withMessageContaining("QUEUEDESK_LDAP_URL");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> settings("ldap://dc.example.com/dc=example,dc=com", null, null, null, null))
			.withMessageContaining("QUEUEDESK_LDAP_USER_DN_PATTERN")
			.withMessageContaining("QUEUEDESK_LDAP_USER_SEARCH_FILTER");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> settings("ldaps://dc.example.com/dc=example,dc=com", null, "(uid={0})",
					"cn=manager,dc=example,dc=com", null))
			.withMessageContaining("QUEUEDESK_LDAP_MANAGER_PASSWORD");
		// Off: nothing else is checked.
		settings("", null, null, null, null);
	}

	@Test
	void groupSettingsMatchByFullOrRelativeDnOrByCommonNameIgnoringCase() {
		Directory directory = new Directory(dnPattern(389, Duration.ofSeconds(5)));
		Person person = new Person("uid=jdoe,ou=people,dc=example,dc=org", "jdoe@example.org", "J. Doe",
				Set.of("CN=Queuedesk Admins,OU=Groups,DC=example,DC=org"), Set.of("Queuedesk Admins"));
		assertThat(directory.isMember(person, "cn=queuedesk admins,ou=groups,dc=example,dc=org")).isTrue();
		assertThat(directory.isMember(person, "cn=Queuedesk Admins,ou=groups")).isTrue();
		assertThat(directory.isMember(person, "queuedesk admins")).isTrue();
		assertThat(directory.isMember(person, "cn=queuedesk admins,ou=other,dc=example,dc=org")).isFalse();
		assertThat(directory.isMember(person, "Queuedesk")).isFalse();
	}

	private static LdapSettings dnPattern(int port, Duration timeout) {
		return new LdapSettings("ldap://127.0.0.1:" + port + "/dc=example,dc=org", "uid={0},ou=people", null, null,
				null, null, null, null, null, null, timeout);
	}

	private static LdapSettings search(int port, Duration timeout) {
		return new LdapSettings("ldap://127.0.0.1:" + port + "/dc=example,dc=org", null, "ou=people",
				"(sAMAccountName={0})", "cn=manager,dc=example,dc=org", "manager-Secret-1", "ou=groups", null, "admins",
				null, timeout);
	}

	private static LdapSettings settings(String url, String pattern, String filter, String managerDn,
			String managerPassword) {
		return new LdapSettings(url, pattern, null, filter, managerDn, managerPassword, null, null, null, null,
				Duration.ofSeconds(5));
	}

}
