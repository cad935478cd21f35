package io.queuedesk.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A TCP proxy on a local port in front of a database server, for outage tests:
 * {@link #cut()} refuses new connections and kills the open ones (the server stopped),
 * {@link #blackHole()} accepts connections but lets no byte through in either direction
 * (a dead network path, where not even a refusal comes back), {@link #restore()} forwards
 * again. Plain sockets, two threads per connection.
 */
final class TcpProxy implements AutoCloseable {

	private enum Mode {

		FORWARD, REFUSE, BLACK_HOLE

	}

	private final String targetHost;

	private final int targetPort;

	private final int port;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile Mode mode = Mode.FORWARD;

	private volatile ServerSocket server;

	/**
	 * A proxy in front of the PostgreSQL or MariaDB server of the test run's
	 * {@code spring.datasource.url}, which is registered pointing at the proxy, so that
	 * the test can cut the application's database connections.
	 */
	static TcpProxy inFrontOfServer(DynamicPropertyRegistry registry) throws IOException {
		String url = System.getProperty("spring.datasource.url");
		Matcher hostPort = Pattern.compile("jdbc:(?:postgresql|mariadb)://([^:/]+)(?::(\\d+))?/").matcher(url);
		if (!hostPort.find()) {
			throw new IllegalStateException("Not a PostgreSQL or MariaDB URL: " + url);
		}
		int defaultPort = url.startsWith("jdbc:mariadb:") ? 3306 : 5432;
		TcpProxy proxy = new TcpProxy(hostPort.group(1),
				hostPort.group(2) == null ? defaultPort : Integer.parseInt(hostPort.group(2)));
		String proxied = url.substring(0, hostPort.start(1)) + "127.0.0.1:" + proxy.port() + "/"
				+ url.substring(hostPort.end());
		registry.add("spring.datasource.url", () -> proxied);
		return proxy;
	}

	TcpProxy(String targetHost, int targetPort) throws IOException {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		this.server = listen(0);
		this.port = server.getLocalPort();
		startAccepting(server);
	}

	int port() {
		return port;
	}

	/** The database server stopped: new connections are refused, open ones are reset. */
	synchronized void cut() throws IOException {
		mode = Mode.REFUSE;
		server.close();
		closeAll();
	}

	/**
	 * The network path died: connections open (the kernel accepts) but nothing ever
	 * answers.
	 */
	synchronized void blackHole() {
		mode = Mode.BLACK_HOLE;
	}

	/**
	 * The database is back. Connections opened during a black hole are dropped, as they
	 * would time out.
	 */
	synchronized void restore() throws IOException {
		Mode before = mode;
		mode = Mode.FORWARD;
		if (before == Mode.REFUSE) {
			server = listen(port);
			startAccepting(server);
		}
		else if (before == Mode.BLACK_HOLE) {
			closeAll();
		}
	}

	@Override
	public synchronized void close() throws IOException {
		mode = Mode.REFUSE;
		server.close();
		closeAll();
	}

	private static ServerSocket listen(int port) throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
		return socket;
	}

	private void startAccepting(ServerSocket listening) {
		daemon("proxy-accept-" + port, () -> {
			while (!listening.isClosed()) {
				Socket client;
				try {
					client = listening.accept();
				}
				catch (IOException ex) {
					return;
				}
				sockets.add(client);
				if (mode == Mode.BLACK_HOLE) {
					continue; // held open, never answered
				}
				try {
					Socket upstream = new Socket(targetHost, targetPort);
					sockets.add(upstream);
					pump(client, upstream);
					pump(upstream, client);
				}
				catch (IOException ex) {
					quietlyClose(client);
				}
			}
		});
	}

	/**
	 * Copies bytes from one socket to the other while forwarding; in a black hole they
	 * vanish.
	 */
	private void pump(Socket from, Socket to) {
		daemon("proxy-pump-" + port, () -> {
			byte[] buffer = new byte[16384];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) != -1) {
					if (mode == Mode.FORWARD) {
						out.write(buffer, 0, read);
						out.flush();
					}
				}
			}
			catch (IOException ex) {
				// one side closed or was cut
			}
			finally {
				quietlyClose(from);
				quietlyClose(to);
			}
		});
	}

	private void closeAll() {
		for (Socket socket : sockets) {
			quietlyClose(socket);
		}
		sockets.clear();
	}

	private static void quietlyClose(Socket socket) {
		try {
			socket.setSoLinger(true, 0); // a reset, as from a stopped server
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	private static void daemon(String name, Runnable task) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		thread.start();
	}

}
