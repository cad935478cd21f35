package io.queuedesk.mail;

import java.net.IDN;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The threading of outgoing mail (docs/RULES.md#email) and its way back: the
 * {@code Message-ID}s Queuedesk gives its mails, and which ticket a reply is about.
 * <ul>
 * <li>A ticket notification: {@code <qd.ticket-{ticketId}.{32 random hex}@{domain}>},
 * with {@code In-Reply-To} and {@code References} set to the ticket's root id
 * {@code <qd.ticket-{ticketId}@{domain}>} (never sent as a mail of its own), so that mail
 * clients put every notification of one ticket in one thread.</li>
 * <li>Any other mail (account mails, the digest): {@code <qd.{32 random hex}@{domain}>}.
 * </li>
 * </ul>
 * The domain is the one of {@code queuedesk.mail.from}. {@link #ticketOf} and
 * {@link #ticketOfSubject} parse strictly: only ids of this form and this domain, only
 * ticket numbers from 1 to {@link Long#MAX_VALUE} written without sign or leading zero.
 */
@Component
public class MailThreading {

	/** The domain used when {@code queuedesk.mail.from} has none that fits an id. */
	static final String FALLBACK_DOMAIN = "localhost";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern DOMAIN = Pattern.compile("[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?");

	/** Folded headers: the line breaks go, the whitespace after them separates. */
	private static final Pattern LINE_BREAKS = Pattern.compile("\\r\\n|\\r|\\n");

	/** The ids of a header in angle brackets, as RFC 5322 writes them. */
	private static final Pattern BRACKETED = Pattern.compile("<\\s*([^<>\\s]+)\\s*>");

	/**
	 * The ids of a header some client wrote without brackets: words between spaces or
	 * commas.
	 */
	private static final Pattern BARE = Pattern.compile("([^\\s,]+)");

	/** A ticket number: 1 or more, no sign, no leading zero, at most 19 digits. */
	private static final String NUMBER = "([1-9][0-9]{0,18})";

	/** {@code [#123]} in a subject; the legacy {@code [Queuedesk #123]} as well. */
	private static final Pattern SUBJECT_TAG = Pattern.compile("\\[(?:Queuedesk )?#" + NUMBER + "]",
			Pattern.CASE_INSENSITIVE);

	private final String domain;

	private final Pattern ours;

	@Autowired
	public MailThreading(MailSettings settings) {
		this(domainOf(settings.mail().from()));
	}

	/** For a given domain (tests; the inbound side may use the bean instead). */
	public MailThreading(String domain) {
		this.domain = domain.toLowerCase(Locale.ROOT);
		this.ours = Pattern.compile("qd\\.ticket-" + NUMBER + "(?:\\.[0-9a-fA-F]{16,64})?@" + Pattern.quote(domain),
				Pattern.CASE_INSENSITIVE);
	}

	/** The domain of the ids: {@code queuedesk.mail.from}'s, in ASCII and lower case. */
	public String domain() {
		return domain;
	}

	/**
	 * The domain of a sender address ({@code desk@example.com} or
	 * {@code Queuedesk <desk@example.com>}), as ASCII lower case; {@code localhost} when
	 * it has none that may stand in a Message-ID.
	 */
	static String domainOf(String from) {
		String address;
		try {
			address = new InternetAddress(from.strip()).getAddress();
		}
		catch (AddressException ex) {
			address = from.strip();
		}
		int at = address.lastIndexOf('@');
		if (at < 0) {
			return FALLBACK_DOMAIN;
		}
		String candidate;
		try {
			candidate = IDN.toASCII(address.substring(at + 1), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			return FALLBACK_DOMAIN;
		}
		return DOMAIN.matcher(candidate).matches() ? candidate : FALLBACK_DOMAIN;
	}

	/** A new Message-ID for a notification about the ticket. */
	public String messageId(long ticketId) {
		return "<qd.ticket-" + requirePositive(ticketId) + "." + random() + "@" + domain + ">";
	}

	/** A new Message-ID for a mail about no ticket. */
	public String messageId() {
		return "<qd." + random() + "@" + domain + ">";
	}

	/**
	 * The ticket's root id: the {@code In-Reply-To} and {@code References} of every
	 * notification about it.
	 */
	public String rootId(long ticketId) {
		return "<qd.ticket-" + requirePositive(ticketId) + "@" + domain + ">";
	}

	/**
	 * The ticket an {@code In-Reply-To} or {@code References} header points to: one of
	 * our ids (a notification's or a ticket's root) of our domain. A {@code References}
	 * header lists ids oldest first, so the last of ours wins. Empty for null, for other
	 * people's ids and for anything that is not an id of ours to the letter.
	 */
	public Optional<Long> ticketOf(String inReplyToOrReferences) {
		if (inReplyToOrReferences == null) {
			return Optional.empty();
		}
		String header = LINE_BREAKS.matcher(inReplyToOrReferences).replaceAll(" ");
		Matcher ids = header.indexOf('<') >= 0 ? BRACKETED.matcher(header) : BARE.matcher(header);
		Optional<Long> found = Optional.empty();
		while (ids.find()) {
			Matcher matcher = ours.matcher(ids.group(1));
			if (matcher.matches()) {
				Optional<Long> ticket = parse(matcher.group(1));
				if (ticket.isPresent()) {
					found = ticket;
				}
			}
		}
		return found;
	}

	/**
	 * The ticket a subject names by its {@code [#123]} tag, anywhere in it (after
	 * {@code Re: Fwd: AW:} and the like); the first tag wins. The
	 * {@code [Queuedesk #123]} of notifications sent before the tag was shortened counts
	 * too.
	 */
	public static Optional<Long> ticketOfSubject(String subject) {
		if (subject == null) {
			return Optional.empty();
		}
		Matcher matcher = SUBJECT_TAG.matcher(subject);
		while (matcher.find()) {
			Optional<Long> ticket = parse(matcher.group(1));
			if (ticket.isPresent()) {
				return ticket;
			}
		}
		return Optional.empty();
	}

	private static Optional<Long> parse(String digits) {
		try {
			return Optional.of(Long.parseLong(digits));
		}
		catch (NumberFormatException ex) {
			return Optional.empty(); // over Long.MAX_VALUE
		}
	}

	private static long requirePositive(long ticketId) {
		if (ticketId <= 0) {
			throw new IllegalArgumentException("Not a ticket id: " + ticketId);
		}
		return ticketId;
	}

	private static String random() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
