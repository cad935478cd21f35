package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.queuedesk.QueuedeskApplication;
import io.queuedesk.queue.QueueFixture;
import io.queuedesk.system.FuzzTargets.Fixture;
import io.queuedesk.system.FuzzTargets.Route;
import io.queuedesk.system.FuzzTargets.Target;
import io.queuedesk.system.FuzzTargets.Who;

/**
 * Issue 12: bad input, generated (jqwik), into every form field, query parameter and path
 * id of every route ({@link FuzzTargets}), sent over real HTTP by the role that may use
 * the route, with a valid CSRF token. Each try of a property takes one generated value
 * and puts it into every target in turn (so every parameter sees every try); a failing
 * value is shrunk and reported with the targets it broke.
 * <p>
 * The properties: no response is 5xx; a refused request wrote nothing (tickets, users,
 * clients, product areas, comments, activity entries, outbox mails and account links
 * counted before and after); an accepted one was accepted whole (a new ticket has exactly
 * the title sent and its "created" entry; every user has a role; invariant Q holds in the
 * suite's clients).
 * <p>
 * The application runs in a context of its own (jqwik is a JUnit Platform engine of its
 * own, not Jupiter's Spring extension) on a random port, on a database of its own
 * ({@link FuzzDatabase}: H2 or PostgreSQL as the run), so that what the fuzzing saves
 * shows in no other test. Each try is one request per target (~170), so the properties
 * make one try each in a normal run ({@code jqwik.tries.default=1} in
 * junit-platform.properties, ~1,100 requests in all); more with
 * {@code -Djqwik.tries.default=20}. A new value every run, from a new seed; a failing
 * seed is kept (target/.jqwik-database) and tried first the next time.
 */
@AddLifecycleHook(FuzzDatabase.SkipWithoutServer.class)
class BadInputPropertiesTest {

	/** What a browser accepts (the JSON API answers it too). */
	static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";

	static ConfigurableApplicationContext app;

	static JdbcClient jdbc;

	static QueueFixture queues;

	static Fixture fixture;

	static List<Route> routes;

	static List<Target> targets;

	static final Map<Who, RawHttp> sessions = new EnumMap<>(Who.class);

	static final Map<Who, String> tokens = new EnumMap<>(Who.class);

	static long ticketsBefore;

	static long usersBefore;

	@BeforeContainer
	static void start() throws IOException {
		// As arguments, so that they win over application.properties
		// (server.port=${PORT:8080}).
		app = new SpringApplicationBuilder(QueuedeskApplication.class).run("--server.port=0",
				"--spring.datasource.url=" + FuzzDatabase.url(),
				"--logging.level.org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver=ERROR");
		int port = Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port"));
		jdbc = app.getBean(JdbcClient.class);
		queues = new QueueFixture(jdbc, app.getBean(JdbcTemplate.class));
		ticketsBefore = jdbc.sql("select coalesce(max(id), 0) from tickets").query(Long.class).single();
		usersBefore = jdbc.sql("select coalesce(max(id), 0) from users").query(Long.class).single();
		String run = Long.toString(System.nanoTime(), 36);
		String password = "Fuzz-P@55word";
		long admin = user(run, "admin", "ADMIN,DEVELOPER", password);
		long developer = user(run, "dev", "DEVELOPER", password);
		user(run, "user", "SUBMITTER", password);
		long victim = user(run, "victim", "SUBMITTER", password);
		sessions.put(Who.ADMIN, new RawHttp(port).signIn("fuzz-admin-" + run + "@test.example", password));
		sessions.put(Who.DEVELOPER, new RawHttp(port).signIn("fuzz-dev-" + run + "@test.example", password));
		sessions.put(Who.SUBMITTER, new RawHttp(port).signIn("fuzz-user-" + run + "@test.example", password));
		sessions.put(Who.VISITOR, new RawHttp(port));
		for (Who who : Who.values()) {
			tokens.put(who, sessions.get(who).token(who == Who.VISITOR ? "/login" : "/account/password"));
		}
		RawHttp as = sessions.get(Who.ADMIN);
		String token = tokens.get(Who.ADMIN);
		long clientA = reference(as, token, "clients", "Fuzz client A " + run);
		long clientB = reference(as, token, "clients", "Fuzz client B " + run);
		long area = reference(as, token, "product-areas", "Fuzz area " + run);
		long ticket = ticket(as, token, clientA, area, "Fuzz ticket " + run);
		long workflowTicket = ticket(as, token, clientA, area, "Fuzz workflow " + run);
		long deletable = ticket(as, token, clientB, area, "Fuzz deletable " + run);
		as.post("/tickets/" + ticket + "/comments", token, Map.of("body", "Fuzz comment " + run));
		long comment = jdbc.sql("select max(id) from comments where ticket_id = ?")
			.param(ticket)
			.query(Long.class)
			.single();
		long submittersTicket = ticket(sessions.get(Who.SUBMITTER), tokens.get(Who.SUBMITTER), clientA, area,
				"Fuzz raised " + run);
		fixture = new Fixture(run, admin, developer, victim, clientA, clientB, area, ticket, workflowTicket, deletable,
				comment, submittersTicket);
		routes = FuzzTargets.routes(fixture,
				id -> jdbc.sql("select version from tickets where id = ?").param(id).query(Long.class).single());
		targets = FuzzTargets.targets(routes);
	}

	@AfterContainer
	static void stop() {
		if (app != null) {
			app.close();
		}
	}

	// --- the properties: one kind of bad value each
	// --------------------------------------------

	@Property(shrinking = ShrinkingMode.OFF)
	void numbersOutOfEveryRange(@ForAll("numbers") String value) throws IOException {
		everyTargetTakes(value, true);
	}

	@Property(shrinking = ShrinkingMode.OFF)
	void valuesOfTheWrongType(@ForAll("wrongTypes") String value) throws IOException {
		everyTargetTakes(value, true);
	}

	@Property(shrinking = ShrinkingMode.OFF)
	void overLongValues(@ForAll("overLong") String value) throws IOException {
		everyTargetTakes(value, true);
	}

	/**
	 * Control and invisible characters other than NUL (which has a property of its own).
	 */
	@Property(shrinking = ShrinkingMode.OFF)
	void controlCharacters(@ForAll("controlCharacters") String value) throws IOException {
		everyTargetTakes(value, true);
	}

	/**
	 * NUL in any value. On PostgreSQL text with NUL cannot be stored or compared
	 * ("invalid byte sequence for encoding UTF8: 0x00"): this property fails there until
	 * text fields refuse NUL (issue 12, point 3).
	 */
	@Property(shrinking = ShrinkingMode.OFF)
	void nulCharacters(@ForAll("nul") String value) throws IOException {
		everyTargetTakes(value, true);
	}

	/**
	 * Bad percent-encoding written into the query string or form body as it is (not
	 * encoded again). Without %00: NUL is {@link #nulCharacters}' part.
	 */
	@Property(shrinking = ShrinkingMode.OFF)
	void badPercentEncoding(@ForAll("badEncoding") String raw) throws IOException {
		everyTargetTakes(raw, false);
	}

	/**
	 * Bodies that are not the form they claim to be, to every POST route, with the token
	 * in the header: every one of the listed kinds in each run.
	 */
	@Property(generation = GenerationMode.EXHAUSTIVE, shrinking = ShrinkingMode.OFF)
	void malformedBodies(@ForAll("malformedBodies") Body body) throws IOException {
		everyPostTakes(body);
	}

	/** Random bytes as a multipart body. */
	@Property(tries = 3, shrinking = ShrinkingMode.OFF)
	void randomMultipartBodies(@ForAll("randomMultipart") Body body) throws IOException {
		everyPostTakes(body);
	}

	// --- the generators
	// ----------------------------------------------------------------------------

	/**
	 * Never a plausible id (1 .. 10^9): a bad value must not land on someone else's data.
	 */
	@Provide
	Arbitrary<String> numbers() {
		return Arbitraries.oneOf(
				Arbitraries.of("0", "-0", "-1", "2147483647", "2147483648", "-2147483648", "-2147483649",
						"9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e10", "1.5", "-1.5",
						"NaN", "Infinity", "0x7fffffff", "+2147483648", " 2147483647 "),
				Arbitraries.longs().between(1_000_000_000L, Long.MAX_VALUE).map(String::valueOf),
				Arbitraries.longs().between(Long.MIN_VALUE, -1).map(String::valueOf),
				Arbitraries.bigIntegers()
					.between(BigInteger.TWO.pow(63), BigInteger.TEN.pow(40))
					.map(BigInteger::toString));
	}

	@Provide
	Arbitrary<String> wrongTypes() {
		return Arbitraries.oneOf(
				Arbitraries.of("abc", "", " ", "null", "[]", "{}", "2026-13-45", "31/12/2030", "99999-01-01",
						"+999999999-12-31", "yes please", "TRUE!", "ADMIN,DEVELOPER", "GOD", "top ", "__proto__",
						"' or '1'='1", "${7*7}", "*{title}", "<script>x</script>", "../../etc/passwd", "a:b:c",
						"2026-01-01T10:00:00Z", "\t", "..."),
				Arbitraries.strings().alpha().numeric().withChars("-_.:;,!?/@").ofMinLength(1).ofMaxLength(30));
	}

	@Provide
	Arbitrary<String> overLong() {
		Arbitrary<String> unit = Arbitraries.of("x", "9", "é", "\uD83D\uDE00", "a b ", "%");
		return Arbitraries.integers().between(10_000, 100_000).flatMap(n -> unit.map(u -> u.repeat(n / u.length())));
	}

	@Provide
	Arbitrary<String> controlCharacters() {
		Arbitrary<Character> control = Arbitraries.of('\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u000e',
				'\u001b', '\u001f', '\u007f', '\u0085', '\u200b', '\u200e', '\u2028', '\u2029', '\u202e', '\ufeff',
				'\ufffe', '\r', '\n', '\t');
		return Arbitraries.oneOf(
				Arbitraries.strings()
					.withChars("abc ")
					.withCharRange('\u0001', '\u001f')
					.ofMinLength(1)
					.ofMaxLength(20),
				control.list().ofMinSize(1).ofMaxSize(8).map(cs -> "Fuzz " + join(cs) + " text"),
				control.list().ofMinSize(1).ofMaxSize(8).map(BadInputPropertiesTest::join));
	}

	@Provide
	Arbitrary<String> nul() {
		return Arbitraries.oneOf(Arbitraries.of("\u0000", "a\u0000b", "\u0000\u0000", "1\u0000", "true\u0000"),
				Arbitraries.strings().alpha().ofMaxLength(10).map(s -> s + "\u0000" + s));
	}

	@Provide
	Arbitrary<String> badEncoding() {
		return Arbitraries
			.oneOf(Arbitraries.of("%", "%z", "%zz", "%8", "%G1", "a%%b", "%u0041", "%C0%AF", "%FF%FE", "%ED%A0%80",
					"%E2%82", "%F0%9F%98", "x%0Ay", "%0D%0ALocation:%20http://evil.example", "+%2"),
					Arbitraries.strings().withChars("%0123456789ABCDEFzG+").ofMinLength(1).ofMaxLength(12))
			// %00 is NUL, which nulCharacters() covers.
			.filter(raw -> !raw.contains("%00"));
	}

	/** A request body with its content type. */
	record Body(String name, String contentType, byte[] bytes) {

		@Override
		public String toString() {
			return name;
		}

	}

	@Provide
	Arbitrary<Body> malformedBodies() {
		byte[] form = "title=x&body=y&name=z".getBytes(StandardCharsets.UTF_8);
		return Arbitraries.of(new Body("multipart without boundary", "multipart/form-data", form),
				new Body("multipart with an empty boundary", "multipart/form-data; boundary=", form),
				new Body("multipart with a boundary never used", "multipart/form-data; boundary=zz", form),
				new Body("multipart cut off", "multipart/form-data; boundary=zz",
						"--zz\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nabc"
							.getBytes(StandardCharsets.UTF_8)),
				new Body("multipart part without name", "multipart/form-data; boundary=zz",
						"--zz\r\nContent-Type: text/plain\r\n\r\nabc\r\n--zz--\r\n".getBytes(StandardCharsets.UTF_8)),
				new Body("JSON", "application/json",
						"{\"title\": [1, 2], \"clientId\": {}}".getBytes(StandardCharsets.UTF_8)),
				new Body("plain text", "text/plain", form),
				new Body("form with a bad charset", "application/x-www-form-urlencoded; charset=no-such-charset", form),
				new Body("form of ampersands", "application/x-www-form-urlencoded",
						"&&&==&=&a==b".getBytes(StandardCharsets.UTF_8)),
				new Body("5,000 parameters", "application/x-www-form-urlencoded",
						"p=1&".repeat(5_000).getBytes(StandardCharsets.UTF_8)),
				new Body("form not in UTF-8", "application/x-www-form-urlencoded",
						new byte[] { 't', 'i', 't', 'l', 'e', '=', (byte) 0xff, (byte) 0xfe, (byte) 0xc0 }));
	}

	@Provide
	Arbitrary<Body> randomMultipart() {
		return Arbitraries.bytes()
			.array(byte[].class)
			.ofMinSize(1)
			.ofMaxSize(300)
			.map(bytes -> new Body("random bytes as multipart", "multipart/form-data; boundary=b", bytes));
	}

	// --- sending and checking
	// ---------------------------------------------------------------------

	private void everyPostTakes(Body body) throws IOException {
		List<String> failures = new ArrayList<>();
		for (Route route : FuzzTargets.posts(routes)) {
			resetFixture();
			Counts before = counts();
			RawHttp.Response response = sessions.get(route.who())
				.send("POST", route.path(route.id() == null ? "" : route.id()), Map.of("Content-Type",
						body.contentType(), "X-XSRF-TOKEN", tokens.get(route.who()), "Accept", BROWSER), body.bytes());
			check(new Target(route, "(body: " + body.name() + ")"), response, before, null, failures);
		}
		assertThat(failures).as("requests that failed with %s", body.name()).isEmpty();
	}

	/**
	 * Sends {@code value} as each target in turn (URL-encoded, or as it is when
	 * {@code encode} is false) and collects what went wrong.
	 */
	private void everyTargetTakes(String value, boolean encode) throws IOException {
		String sent = encode ? RawHttp.encode(value) : value;
		List<String> failures = new ArrayList<>();
		for (Target target : targets) {
			Route route = target.route();
			boolean post = route.method().equals("POST");
			if (post) {
				resetFixture();
			}
			Map<String, String> fields = route.base().get();
			String path = route.path(route.id() == null ? "" : route.id());
			if (target.parameter() == null) {
				path = route.path(sent);
			}
			StringJoiner query = new StringJoiner("&");
			if (route.method().equals("POST")) {
				query.add("_csrf=" + RawHttp.encode(tokens.get(route.who())));
			}
			fields.forEach((name, v) -> {
				if (!name.equals(target.parameter())) {
					query.add(RawHttp.encode(name) + "=" + RawHttp.encode(v));
				}
			});
			if (target.parameter() != null) {
				query.add(RawHttp.encode(target.parameter()) + "=" + sent);
			}
			RawHttp session = sessions.get(route.who());
			Counts before = post ? counts() : null;
			RawHttp.Response response;
			if (!post) {
				response = session.send("GET", path + "?" + query, Map.of("Accept", BROWSER), null);
			}
			else {
				response = session.send("POST", path,
						Map.of("Accept", BROWSER, "Content-Type", "application/x-www-form-urlencoded"),
						query.toString().getBytes(StandardCharsets.UTF_8));
			}
			String expectedTitle = route.path().equals("/tickets/new")
					&& !(!encode && "title".equals(target.parameter()))
							? ("title".equals(target.parameter()) ? value : fields.get("title")) : null;
			check(target, response, before, expectedTitle, failures);
		}
		assertThat(failures).as("targets that failed with %s", shown(value)).isEmpty();
	}

	private void check(Target target, RawHttp.Response response, Counts before, String expectedTitle,
			List<String> failures) {
		if (response.status() >= 500) {
			failures.add(target + ": " + response.status());
			return;
		}
		if (!target.route().method().equals("POST")) {
			return;
		}
		Counts after = counts();
		boolean refused = !response.isRedirect();
		if (refused && target.route().tellsRefusal() && !after.equals(before)) {
			failures.add(target + ": refused with " + response.status() + " but wrote " + before + " -> " + after);
		}
		if (!after.equals(before)) {
			String whole = acceptedWhole(before, after, expectedTitle);
			if (whole != null) {
				failures.add(target + ": " + whole);
			}
		}
	}

	/** What was saved only in part after an accepted request, or null. */
	private String acceptedWhole(Counts before, Counts after, String expectedTitle) {
		if (after.tickets() > before.tickets()) {
			if (expectedTitle != null && after.tickets() == before.tickets() + 1) {
				String title = jdbc.sql("select title from tickets where id = (select max(id) from tickets)")
					.query(String.class)
					.single();
				String normalized = expectedTitle.replace("\r\n", "\n").replace('\r', '\n').strip();
				if (!title.equals(normalized)) {
					return "ticket saved with title " + shown(title) + " instead of " + shown(normalized);
				}
			}
		}
		long withoutEntry = jdbc
			.sql("select count(*) from tickets t where t.id > ? and not exists (select 1 from"
					+ " activity_log a where a.ticket_id = t.id and a.action = 'TICKET_CREATED')")
			.param(ticketsBefore)
			.query(Long.class)
			.single();
		if (withoutEntry > 0) {
			return withoutEntry + " ticket(s) without their 'created' entry";
		}
		long withoutRole = jdbc
			.sql("select count(*) from users u where u.id > ? and not exists (select 1 from"
					+ " user_roles r where r.user_id = u.id)")
			.param(usersBefore)
			.query(Long.class)
			.single();
		if (withoutRole > 0) {
			return withoutRole + " user(s) without a role";
		}
		try {
			queues.assertInvariantQ(fixture.clientA());
			queues.assertInvariantQ(fixture.clientB());
		}
		catch (AssertionError broken) {
			return "invariant Q broken: " + broken.getMessage();
		}
		return null;
	}

	record Counts(long tickets, long users, long clients, long areas, long comments, long activity, long mails,
			long links) {
	}

	private static Counts counts() {
		return jdbc.sql("""
				select (select count(*) from tickets), (select count(*) from users), (select count(*) from clients),
				  (select count(*) from product_areas), (select count(*) from comments),
				  (select count(*) from activity_log), (select count(*) from mail_outbox),
				  (select count(*) from account_tokens)
				""")
			.query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6), rs.getLong(7), rs.getLong(8)))
			.single();
	}

	/**
	 * Bad values may have switched the suite's own client, area or user off: each target
	 * starts from the same state.
	 */
	private static void resetFixture() {
		jdbc.sql("update clients set active = true where id in (?, ?)")
			.params(fixture.clientA(), fixture.clientB())
			.update();
		jdbc.sql("update product_areas set active = true where id = ?").param(fixture.area()).update();
		jdbc.sql("update users set active = true where id = ?").param(fixture.victim()).update();
	}

	// --- the fixture
	// ----------------------------------------------------------------------------

	private static long user(String run, String name, String roles, String password) {
		String email = "fuzz-" + name + "-" + run + "@test.example";
		int exit = app.getBean(CommandRunner.class)
			.run("create-user", "--email=" + email, "--password=" + password, "--role=" + roles, "--name=Fuzz " + name);
		assertThat(exit).as("create-user " + email).isZero();
		return jdbc.sql("select id from users where email = ?").param(email).query(Long.class).single();
	}

	private static long reference(RawHttp as, String token, String kind, String name) throws IOException {
		assertThat(as.post("/admin/" + kind, token, Map.of("name", name)).status()).isEqualTo(302);
		String table = kind.equals("clients") ? "clients" : "product_areas";
		return jdbc.sql("select id from " + table + " where name = ?").param(name).query(Long.class).single();
	}

	private static long ticket(RawHttp as, String token, long client, long area, String title) throws IOException {
		RawHttp.Response created = as.post("/tickets/new", token, Map.of("title", title, "description", "Fuzz target",
				"clientId", String.valueOf(client), "productAreaId", String.valueOf(area)));
		assertThat(created.header("Location")).as(created.toString()).get().asString().contains("/tickets/");
		return jdbc.sql("select id from tickets where title = ?").param(title).query(Long.class).single();
	}

	private static String join(List<Character> characters) {
		StringBuilder text = new StringBuilder();
		characters.forEach(text::append);
		return text.toString();
	}

	/** A value as the report shows it: control characters as \\uXXXX, long ones cut. */
	static String shown(String value) {
		StringBuilder text = new StringBuilder();
		value.codePoints().limit(60).forEach(c -> {
			if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x200b || c == 0x200e || c == 0x2028
					|| c == 0x2029 || c == 0x202e || c == 0xfeff || c == 0xfffe) {
				text.append(String.format("\\u%04x", c));
			}
			else {
				text.appendCodePoint(c);
			}
		});
		return "\"" + text + (value.length() > 60 ? "…\" (" + value.length() + " chars)" : "\"");
	}

}
