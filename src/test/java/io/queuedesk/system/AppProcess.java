package io.queuedesk.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.queuedesk.QueuedeskApplication;

/**
 * The application as a process of its own, started from the test's own class path with
 * the production settings only ({@code spring.config.location} leaves out the test
 * settings), so that a test can {@code kill -9} it as a crash would, and start it again
 * the same way.
 */
public final class AppProcess implements AutoCloseable {

	/** Small JVM: the process is started twice per test on a busy machine. */
	private static final List<String> JVM_FLAGS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
			"-XX:+UseSerialGC");

	private final Process process;

	private final Path log;

	public final int port;

	private AppProcess(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/**
	 * Starts the application in {@code workDir} (where the embedded default keeps
	 * {@code ./data}) with {@code settings} ({@code --name=value}) on a free port;
	 * returns once it is ready.
	 */
	public static AppProcess start(Path workDir, String name, List<String> settings) throws Exception {
		return start(workDir, name, JVM_FLAGS, settings);
	}

	/**
	 * As {@link #start(Path, String, List)} with JVM flags of the caller's (the heap size
	 * among them) instead of the small defaults.
	 */
	public static AppProcess start(Path workDir, String name, List<String> jvmFlags, List<String> settings)
			throws Exception {
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmFlags);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), QueuedeskApplication.class.getName(),
				"--spring.config.location=classpath:/application.properties", "--server.port=" + port,
				"--queuedesk.demo-data=false", "--queuedesk.mail.worker.enabled=false",
				"--queuedesk.mail.digest-cron=-", "--spring.main.banner-mode=off", "--logging.level.root=WARN"));
		command.addAll(settings);
		Path log = workDir.resolve(name + ".log");
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		// Only the settings given here: nothing from the environment of the build.
		Map<String, String> environment = builder.environment();
		environment.keySet()
			.removeIf(key -> key.startsWith("SPRING_") || key.startsWith("QUEUEDESK_") || key.startsWith("DB_")
					|| key.equals("DATABASE_URL") || key.equals("PORT") || key.equals("JAVA_TOOL_OPTIONS"));
		AppProcess app = new AppProcess(builder.start(), log, port);
		app.awaitReady(Duration.ofSeconds(75));
		return app;
	}

	private void awaitReady(Duration limit) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest readiness = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(
						"The application exited with " + process.exitValue() + ":\n" + logTail());
			}
			try {
				if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// still starting
			}
			Thread.sleep(200);
		}
		process.destroyForcibly();
		throw new IllegalStateException("The application was not ready within " + limit + ":\n" + logTail());
	}

	/**
	 * {@code kill -9}: {@link Process#destroyForcibly()} sends SIGKILL on Linux. Nothing
	 * runs after it.
	 */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
	}

	/** A normal shutdown (SIGTERM), as an operator's stop would be. */
	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			process.waitFor(30, TimeUnit.SECONDS);
		}
	}

	public String logTail() {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
