package io.queuedesk.mail.inbound;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Properties;
import java.util.concurrent.ScheduledFuture;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Header;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimePart;
import jakarta.mail.search.FlagTerm;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Polls the IMAP mailbox of {@code QUEUEDESK_MAIL_IN_URL} (SPEC §10) and hands each
 * unseen message to the {@link InboundMailProcessor}; without that setting it never
 * starts and {@link #status()} says "not configured".
 *
 * <p>
 * A poll connects, opens the folder read-write and takes up to {@value #BATCH} messages
 * without the {@code \Seen} flag, oldest first. Each is read without setting
 * {@code \Seen} (peek) into a temporary file, only its headers when the server gives its
 * size as over {@link MailInSettings#maxMessageBytes()} (refused as too large), and is
 * marked {@code \Seen} once processed, whatever the outcome. When processing throws (the
 * database is down) the message stays unseen and the poll ends, so it is taken again
 * later; nothing is moved or deleted.
 *
 * <p>
 * A failed poll (mailbox unreachable, login refused, database down) never throws out: it
 * is logged once when the mailbox goes from working to failing (and once when it works
 * again), kept in the {@link MailboxStatus}, and the next poll waits twice as long as the
 * one before, from twice the poll interval up to {@link #MAX_BACKOFF} (or the interval,
 * when that is longer), until a poll goes through. Several instances may poll one
 * mailbox: the {@link InboundMailLog}'s claim of the Message-ID makes each message one
 * ticket or comment.
 *
 * <p>
 * Polls run on a thread of their own (not the scheduler of the app's {@code @Scheduled}
 * jobs, which a slow mailbox would hold up), each scheduling the next so that backoff can
 * change the pause. Stopping the context ends the running poll after its current message
 * and leaves no thread behind.
 */
@Component
public class MailboxPoller implements SmartLifecycle {

	/** The most messages one poll takes; the rest wait for the next. */
	static final int BATCH = 50;

	/** The longest pause between polls while failing (unless the interval is longer). */
	static final Duration MAX_BACKOFF = Duration.ofMinutes(15);

	static final String THREAD_PREFIX = "mailbox-poller-";

	private static final int CONNECT_TIMEOUT_MILLIS = 15_000;

	private static final int READ_TIMEOUT_MILLIS = 20_000;

	private static final int ERROR_LENGTH = 500;

	private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

	private final MailInSettings settings;

	private final InboundMailProcessor processor;

	private final Clock clock;

	/** Null when polling is not configured. */
	private final MailboxAddress address;

	private final Session session;

	private final Object lifecycle = new Object();

	private ThreadPoolTaskScheduler scheduler;

	private ScheduledFuture<?> next;

	private volatile boolean stopping;

	// The status, guarded by this.

	private Instant lastAttempt;

	private Instant lastSuccess;

	private int failures;

	private String lastError;

	private Instant nextPoll;

	private long processed;

	/**
	 * @throws IllegalArgumentException for a URL that is set but not a mailbox (the app
	 * does not start; the message holds no password)
	 */
	MailboxPoller(MailInSettings settings, InboundMailProcessor processor, Clock clock) {
		this.settings = settings;
		this.processor = processor;
		this.clock = clock;
		this.address = settings.pollingEnabled() ? MailboxAddress.parse(settings.url()) : null;
		this.session = address == null ? null : session(address.protocol());
	}

	/** Where polling stands, for /admin/mail. */
	public synchronized MailboxStatus status() {
		if (address == null) {
			return MailboxStatus.notConfigured();
		}
		return new MailboxStatus(true, address.shown(), lastAttempt, lastSuccess, failures, lastError, nextPoll,
				processed);
	}

	// --- lifecycle ------------------------------------------------------------------

	@Override
	public void start() {
		synchronized (lifecycle) {
			if (address == null || scheduler != null) {
				return;
			}
			stopping = false;
			scheduler = new ThreadPoolTaskScheduler();
			scheduler.setPoolSize(1);
			scheduler.setThreadNamePrefix(THREAD_PREFIX);
			scheduler.setWaitForTasksToCompleteOnShutdown(true);
			scheduler.setAwaitTerminationSeconds(READ_TIMEOUT_MILLIS / 1000 * 3);
			scheduler.setRemoveOnCancelPolicy(true);
			scheduler.initialize();
			// The next poll, not yet due, is dropped at shutdown rather than waited for.
			scheduler.getScheduledThreadPoolExecutor().setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
			log.info("Polling mailbox {} every {}", address.shown(), settings.poll());
			scheduleIn(settings.poll());
		}
	}

	@Override
	public void stop() {
		ThreadPoolTaskScheduler stopped;
		synchronized (lifecycle) {
			stopping = true;
			stopped = scheduler;
			scheduler = null;
			if (next != null) {
				next.cancel(false);
				next = null;
			}
		}
		if (stopped != null) {
			// Waits for a running poll, which ends after its current message.
			stopped.shutdown();
		}
		synchronized (this) {
			nextPoll = null;
		}
	}

	@Override
	public boolean isRunning() {
		synchronized (lifecycle) {
			return scheduler != null;
		}
	}

	private void scheduled() {
		try {
			pollOnce();
		}
		finally {
			// Even after an Error, polling goes on.
			Duration delay;
			synchronized (this) {
				delay = backoff(settings.poll(), failures);
			}
			scheduleIn(delay);
		}
	}

	private void scheduleIn(Duration delay) {
		synchronized (lifecycle) {
			if (stopping || scheduler == null) {
				return;
			}
			Instant at = clock.instant().plus(delay);
			try {
				next = scheduler.schedule(this::scheduled, scheduler.getClock().instant().plus(delay));
			}
			catch (TaskRejectedException ex) {
				return;
			}
			synchronized (this) {
				nextPoll = at;
			}
		}
	}

	/**
	 * The pause before the next poll after {@code failures} failed polls in a row: the
	 * interval, doubled for each failure, at most {@link #MAX_BACKOFF} (or the interval,
	 * when that is longer).
	 */
	static Duration backoff(Duration poll, int failures) {
		if (failures <= 0) {
			return poll;
		}
		Duration cap = poll.compareTo(MAX_BACKOFF) > 0 ? poll : MAX_BACKOFF;
		Duration delay = poll.multipliedBy(1L << Math.min(failures, 20));
		return delay.compareTo(cap) > 0 ? cap : delay;
	}

	// --- one poll ------------------------------------------------------------------

	/**
	 * Polls the mailbox once (the scheduled polls call this; tests call it directly).
	 * Never throws.
	 * @return the messages processed, or -1 when the poll failed (see {@link #status()})
	 */
	int pollOnce() {
		if (address == null) {
			return 0;
		}
		synchronized (this) {
			lastAttempt = clock.instant();
		}
		try {
			int done = pollMailbox();
			succeeded();
			return done;
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			failed(ex);
			return -1;
		}
	}

	private int pollMailbox() throws MessagingException, IOException {
		Store store = session.getStore(address.protocol());
		try {
			store.connect(address.host(), address.port(), address.user(), address.password());
			Folder folder = store.getFolder(address.folder());
			folder.open(Folder.READ_WRITE);
			try {
				Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
				Message[] batch = Arrays.copyOf(unseen, Math.min(unseen.length, BATCH));
				FetchProfile sizes = new FetchProfile();
				sizes.add(FetchProfile.Item.SIZE);
				folder.fetch(batch, sizes);
				int done = 0;
				for (Message message : batch) {
					if (stopping) {
						break;
					}
					if (process(message)) {
						done++;
					}
				}
				return done;
			}
			finally {
				closeQuietly(folder);
			}
		}
		finally {
			closeQuietly(store);
		}
	}

	/**
	 * Processes one message and marks it seen; false when it was expunged meanwhile.
	 * Throws when processing fails (the message stays unseen).
	 */
	private boolean process(Message message) throws MessagingException, IOException {
		Path raw = Files.createTempFile("queuedesk-imap", ".eml");
		try {
			boolean truncated;
			try {
				truncated = copy(message, raw, settings.maxMessageBytes().toBytes());
			}
			catch (MessageRemovedException ex) {
				return false;
			}
			InboundResult result;
			try {
				result = processor.process(raw, InboundSource.IMAP, truncated);
			}
			catch (ConcurrencyFailureException ex) {
				// A race lost, nothing saved, the database fine: mostly another instance
				// processing this very message, whose claim of the Message-ID this one
				// waited for past MariaDB's lock wait (10 s; PostgreSQL waits to the
				// statement timeout, a failed poll), or a deadlock. The message stays
				// unseen for that instance or the next poll; the rest of the mailbox goes
				// on.
				log.info("Mailbox message {} left unseen for now: {}", message.getMessageNumber(), ex.toString());
				return false;
			}
			catch (DataAccessException | TransactionException ex) {
				// The database: this poll ends and backs off; the message is taken later.
				throw ex;
			}
			catch (RuntimeException ex) {
				// A message the processor fails on (a defect, not the message's fault:
				// bad
				// messages are refused): it stays unseen for a fixed version, and the
				// rest
				// of the mailbox goes on, so one message cannot hold up every other.
				log.error("Mailbox message {} could not be processed; left unseen", message.getMessageNumber(), ex);
				return false;
			}
			message.setFlag(Flags.Flag.SEEN, true);
			synchronized (this) {
				processed++;
			}
			log.debug("Mailbox message {}: {}", message.getMessageNumber(), result);
			return true;
		}
		finally {
			Files.deleteIfExists(raw);
		}
	}

	/**
	 * Writes the raw message to {@code file}, or only its headers when the server gives
	 * its size as over {@code max} (a message that turns out larger is cut at {@code max}
	 * bytes); true when the file is not the whole message.
	 */
	static boolean copy(Message message, Path file, long max) throws MessagingException, IOException {
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
			if (message.getSize() > max) {
				writeHeaders(message, out);
				return true;
			}
			try {
				message.writeTo(new CappedOutputStream(out, max));
				return false;
			}
			catch (CappedOutputStream.Full ex) {
				return true;
			}
		}
	}

	private static void writeHeaders(Message message, OutputStream out) throws MessagingException, IOException {
		StringBuilder headers = new StringBuilder();
		if (message instanceof MimePart part) {
			for (Enumeration<String> lines = part.getAllHeaderLines(); lines.hasMoreElements();) {
				headers.append(lines.nextElement()).append("\r\n");
			}
		}
		else {
			for (Enumeration<Header> all = message.getAllHeaders(); all.hasMoreElements();) {
				Header header = all.nextElement();
				headers.append(header.getName()).append(": ").append(header.getValue()).append("\r\n");
			}
		}
		out.write(headers.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
	}

	// --- status --------------------------------------------------------------------

	private void succeeded() {
		boolean recovered;
		synchronized (this) {
			recovered = failures > 0;
			failures = 0;
			lastError = null;
			lastSuccess = clock.instant();
		}
		if (recovered) {
			log.info("Mailbox {} polled again", address.shown());
		}
	}

	private void failed(Exception ex) {
		String error = describe(ex);
		int count;
		synchronized (this) {
			count = ++failures;
			lastError = error;
		}
		// Once per change of state, not on every retry.
		if (count == 1) {
			log.warn("Mailbox {} not polled, retrying with growing pauses up to {}: {}", address.shown(),
					backoff(settings.poll(), Integer.MAX_VALUE), error);
		}
		else {
			log.debug("Mailbox {} still not polled ({} failures): {}", address.shown(), count, error);
		}
	}

	/** The error in one line of text, without the password. */
	String describe(Throwable ex) {
		String text = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
		text = address.withoutPassword(text).replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
		return text.length() > ERROR_LENGTH ? text.substring(0, ERROR_LENGTH) + "…" : text;
	}

	private static Session session(String protocol) {
		Properties properties = new Properties();
		properties.setProperty("mail.store.protocol", protocol);
		properties.setProperty("mail." + protocol + ".connectiontimeout", String.valueOf(CONNECT_TIMEOUT_MILLIS));
		properties.setProperty("mail." + protocol + ".timeout", String.valueOf(READ_TIMEOUT_MILLIS));
		properties.setProperty("mail." + protocol + ".writetimeout", String.valueOf(READ_TIMEOUT_MILLIS));
		// Reading a message does not set \Seen (IMAPMessage.setPeek for every message,
		// without compiling against Angus Mail): that is done once it is processed.
		properties.setProperty("mail." + protocol + ".peek", "true");
		if (protocol.equals("imaps")) {
			properties.setProperty("mail.imaps.ssl.checkserveridentity", "true");
		}
		return Session.getInstance(properties);
	}

	private static void closeQuietly(Folder folder) {
		try {
			if (folder.isOpen()) {
				folder.close(false);
			}
		}
		catch (MessagingException | RuntimeException ex) {
			log.debug("Closing the mailbox folder failed: {}", ex.toString());
		}
	}

	private static void closeQuietly(Store store) {
		try {
			store.close();
		}
		catch (MessagingException | RuntimeException ex) {
			log.debug("Closing the mailbox failed: {}", ex.toString());
		}
	}

	/**
	 * Lets {@code max} bytes through, then throws {@link Full}, which ends the download
	 * of a message larger than the server said.
	 */
	private static final class CappedOutputStream extends FilterOutputStream {

		private long left;

		CappedOutputStream(OutputStream out, long max) {
			super(out);
			this.left = max;
		}

		@Override
		public void write(int b) throws IOException {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			int taken = (int) Math.min(length, left);
			out.write(bytes, offset, taken);
			left -= taken;
			if (taken < length) {
				throw new Full();
			}
		}

		@Override
		public void close() {
			// The file's stream is closed by its owner.
		}

		static final class Full extends IOException {

			Full() {
				super("over the size limit");
			}

		}

	}

}
