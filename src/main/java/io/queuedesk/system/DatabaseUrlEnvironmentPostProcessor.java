package io.queuedesk.system;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.StringUtils;

/**
 * Turns the {@code DATABASE_URL=postgres://user:pass@host:port/db} that cloud hosts set
 * (or {@code mariadb://…}, {@code mysql://…}) into Spring's datasource properties. An
 * explicit {@code SPRING_DATASOURCE_URL} wins: the derived properties rank just below the
 * system environment.
 */
public class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String SOURCE_NAME = "queuedeskDatabaseUrl";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String databaseUrl = environment.getProperty("DATABASE_URL");
		if (!StringUtils.hasText(databaseUrl) || environment.containsProperty("SPRING_DATASOURCE_URL")) {
			return;
		}
		MapPropertySource source = new MapPropertySource(SOURCE_NAME, toDatasourceProperties(databaseUrl));
		String anchor = StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME;
		if (environment.getPropertySources().contains(anchor)) {
			environment.getPropertySources().addAfter(anchor, source);
		}
		else {
			environment.getPropertySources().addLast(source);
		}
	}

	/**
	 * {@code postgres[ql]://user:pass@host[:port]/db[?query]} (or {@code mariadb://},
	 * {@code mysql://}) → url, username, password.
	 * @throws IllegalArgumentException for any other form, so a typo fails start-up
	 * loudly
	 */
	public static Map<String, Object> toDatasourceProperties(String databaseUrl) {
		URI uri;
		try {
			uri = URI.create(databaseUrl.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("DATABASE_URL is not a valid URL", ex);
		}
		String jdbcPrefix = switch (String.valueOf(uri.getScheme())) {
			case "postgres", "postgresql" -> "jdbc:postgresql://";
			// MariaDB's driver serves MySQL servers too.
			case "mariadb", "mysql" -> "jdbc:mariadb://";
			default -> throw new IllegalArgumentException(
					"DATABASE_URL must start with postgres://, postgresql://, mariadb:// or mysql://");
		};
		Authority authority = Authority.of(uri);
		if (authority.host() == null || uri.getPath() == null || uri.getPath().length() < 2) {
			throw new IllegalArgumentException("DATABASE_URL needs a host and a database name");
		}
		StringBuilder jdbc = new StringBuilder(jdbcPrefix).append(authority.host());
		if (authority.port() != null) {
			jdbc.append(':').append(authority.port());
		}
		jdbc.append(uri.getRawPath());
		if (uri.getRawQuery() != null) {
			jdbc.append('?').append(uri.getRawQuery());
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", jdbc.toString());
		String userInfo = authority.userInfo();
		if (userInfo != null) {
			int colon = userInfo.indexOf(':');
			properties.put("spring.datasource.username", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
			if (colon >= 0) {
				properties.put("spring.datasource.password", decode(userInfo.substring(colon + 1)));
			}
		}
		return properties;
	}

	/**
	 * User info, host and port of the URL. {@link URI} parses an authority whose host is
	 * not a valid internet host name (for example {@code db_1}, as Docker Compose names
	 * containers) only as a "registry" authority without host and port, so those are
	 * split here by hand.
	 */
	private record Authority(String userInfo, String host, String port) {

		static Authority of(URI uri) {
			if (uri.getHost() != null) {
				return new Authority(uri.getRawUserInfo(), uri.getHost(),
						uri.getPort() == -1 ? null : String.valueOf(uri.getPort()));
			}
			String raw = uri.getRawAuthority();
			if (raw == null || raw.isEmpty()) {
				return new Authority(null, null, null);
			}
			int at = raw.lastIndexOf('@');
			String userInfo = at < 0 ? null : raw.substring(0, at);
			String hostPort = raw.substring(at + 1);
			int colon = hostPort.lastIndexOf(':');
			String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
			String port = colon < 0 ? null : hostPort.substring(colon + 1);
			if (host.isEmpty() || (port != null && !port.matches("\\d{1,5}"))) {
				throw new IllegalArgumentException("DATABASE_URL has an invalid host or port");
			}
			return new Authority(userInfo, host, port);
		}

	}

	/**
	 * Percent-decoding only: in a URL's user info '+' is a plain plus, not a form-encoded
	 * space.
	 */
	private static String decode(String part) {
		return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

}
