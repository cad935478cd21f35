package io.queuedesk.mail.inbound;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import io.queuedesk.attachment.UploadRefusedException;
import io.queuedesk.comment.Comment;
import io.queuedesk.comment.CommentRefusedException;
import io.queuedesk.comment.CommentService;
import io.queuedesk.mail.MailSettings;
import io.queuedesk.mail.MailThreading;
import io.queuedesk.reference.Client;
import io.queuedesk.reference.ClientService;
import io.queuedesk.reference.ProductArea;
import io.queuedesk.reference.ProductAreaService;
import io.queuedesk.system.Languages;
import io.queuedesk.system.NotFoundException;
import io.queuedesk.ticket.TicketIntake;
import io.queuedesk.user.SignedInUser;
import io.queuedesk.user.UserService;

/**
 * Turns a message that came in into a ticket or a comment, or refuses it (SPEC §10,
 * docs/RULES.md#mail-in). Both ways in (the IMAP poller and {@code POST
 * /api/inbound-mail}) hand the raw message over as a file.
 *
 * <p>
 * In order: a message over the size limit, automatic mail, mail from Queuedesk's own
 * address, and mail from unknown or deactivated senders are refused before anything else.
 * A reply (its {@code In-Reply-To}/{@code References} name one of our notifications, or
 * its subject a {@code [#id]}) becomes a public comment by the sender, quoted history and
 * signature cut ({@link ReplyText#cut}); any other mail a new ticket by the sender at the
 * bottom of the queue of the client its plus tag names, else of the default client. Files
 * of the mail become attachments of the comment or ticket.
 *
 * <p>
 * Each message is processed once by its Message-ID: one transaction claims it in the
 * {@link InboundMailLog}, acts as the sender (through the same services and permission
 * checks as the pages), and records the outcome. When acting is refused (the sender may
 * not comment on that ticket, the files are over a limit), that transaction rolls back
 * whole and a second one records the refusal. A database failure is thrown to the caller,
 * which tries again later (the mailbox keeps the message unseen; the API answers 503).
 * Nothing is ever answered to the sender.
 */
@Service
public class InboundMailProcessor {

	/** The activity entry of a ticket raised by mail ends with this. */
	static final String CHANNEL = "created by mail";

	private static final Logger log = LoggerFactory.getLogger(InboundMailProcessor.class);

	/** Reply and forward prefixes of common mail clients, in several languages. */
	private static final Pattern SUBJECT_PREFIX = Pattern.compile(
			"^(?:\\s*(?:re|fwd?|aw|wg|sv|vs|antw|tr|rif|r|doorst|odp|pd|ynt|res|enc)\\s*(?:\\[\\d{1,4}]|\\(\\d{1,4}\\))?\\s*[:：]\\s*)+",
			Pattern.CASE_INSENSITIVE);

	private static final String CUT_MARK = "\n\n[…]";

	private final InboundMailLog mailLog;

	private final MailInSettings settings;

	private final MailThreading threading;

	private final UserService users;

	private final ClientService clients;

	private final ProductAreaService productAreas;

	private final TicketIntake tickets;

	private final CommentService comments;

	private final MessageSource messages;

	private final TransactionTemplate transaction;

	private final String ownAddress;

	InboundMailProcessor(InboundMailLog mailLog, MailInSettings settings, MailSettings mailSettings,
			MailThreading threading, UserService users, ClientService clients, ProductAreaService productAreas,
			TicketIntake tickets, CommentService comments, MessageSource messages,
			PlatformTransactionManager transactions) {
		this.mailLog = mailLog;
		this.settings = settings;
		this.threading = threading;
		this.users = users;
		this.clients = clients;
		this.productAreas = productAreas;
		this.tickets = tickets;
		this.comments = comments;
		this.messages = messages;
		this.transaction = new TransactionTemplate(transactions);
		this.ownAddress = addressOf(mailSettings.mail().from());
	}

	/**
	 * Processes the raw message in {@code raw}.
	 * @param truncated the file holds only the start of a message that is larger than
	 * {@link MailInSettings#maxMessageBytes()} (it is refused as too large, by the
	 * headers alone)
	 * @return what became of it, or of the same message processed before
	 * @throws DataAccessException when the database fails (nothing was recorded; try
	 * again)
	 */
	public InboundResult process(Path raw, InboundSource source, boolean truncated) {
		InboundMessage message;
		try {
			message = InboundMessage.read(raw, !truncated);
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			log.info("Inbound mail refused: not a readable message ({})", ex.toString());
			return unreadable(raw, source);
		}
		try (message) {
			return process(message, source, truncated);
		}
	}

	private InboundResult process(InboundMessage message, InboundSource source, boolean truncated) {
		Optional<InboundMailLog.Outcome> earlier = mailLog.outcomeOf(message.messageId());
		if (earlier.isPresent() && earlier.get().status() != InboundStatus.PROCESSING) {
			return InboundResult.duplicateOf(earlier.get());
		}
		String sender = message.sender();
		RefusalReason refusal = truncated ? RefusalReason.TOO_LARGE
				: message.automatic() ? RefusalReason.AUTOMATIC : sender == null ? RefusalReason.UNKNOWN_SENDER
						: sender.equals(ownAddress) ? RefusalReason.OWN_ADDRESS : null;
		SignedInUser user = null;
		if (refusal == null) {
			user = users.principalFor(sender).orElse(null);
			refusal = user == null ? RefusalReason.UNKNOWN_SENDER
					: !user.isEnabled() ? RefusalReason.INACTIVE_SENDER : null;
		}
		if (refusal != null) {
			return refuse(message, source, refusal);
		}
		Optional<Long> ticket = threading.ticketOf(message.threadHeaders())
			.or(() -> MailThreading.ticketOfSubject(message.subject()));
		SignedInUser me = user;
		try {
			return transaction.execute(status -> {
				Optional<InboundMailLog.Claim> claim = mailLog.claim(message.messageId(), source, message.sender(),
						message.subject());
				if (claim.isEmpty()) {
					return duplicate(message);
				}
				InboundResult result = asUser(me,
						() -> ticket.isPresent() ? reply(ticket.get(), message, me) : raise(message, me));
				if (result.isAccepted()) {
					mailLog.accepted(claim.get(), result.ticketId(), result.commentId());
				}
				else {
					mailLog.refused(claim.get(), result.reason());
				}
				return result;
			});
		}
		catch (NotFoundException | CommentRefusedException ex) {
			return refuse(message, source, RefusalReason.MAY_NOT_COMMENT);
		}
		catch (UploadRefusedException ex) {
			return refuse(message, source, RefusalReason.TOO_LARGE);
		}
		catch (DataAccessException | TransactionException ex) {
			throw ex;
		}
		catch (IllegalArgumentException ex) {
			log.warn("Inbound mail {} refused: {}", message.messageId(), ex.getMessage());
			return refuse(message, source, RefusalReason.UNREADABLE);
		}
	}

	/** A reply: a public comment by the sender, without quoted history or signature. */
	private InboundResult reply(long ticketId, InboundMessage message, SignedInUser me) {
		String text = cut(ReplyText.cut(message.text()), Comment.MAX_BODY);
		var files = message.files();
		if (text.isEmpty() && files.isEmpty()) {
			return InboundResult.refused(RefusalReason.EMPTY);
		}
		long commentId = comments.add(ticketId, text, false, files, me);
		return InboundResult.accepted(ticketId, commentId);
	}

	/** Any other mail: a new ticket by the sender at the bottom of a queue. */
	private InboundResult raise(InboundMessage message, SignedInUser me) {
		Optional<Client> client = clientFor(message.recipients());
		if (client.isEmpty()) {
			return InboundResult.refused(RefusalReason.NO_CLIENT);
		}
		Optional<ProductArea> area = productAreas.findActiveByName(settings.defaultProductArea());
		if (area.isEmpty()) {
			return InboundResult.refused(RefusalReason.NO_PRODUCT_AREA);
		}
		String title = title(message.subject());
		if (title == null) {
			title = text("inbound.ticket.noSubject", me);
		}
		String description = cut(message.text(), TicketIntake.MAX_DESCRIPTION);
		if (description.isEmpty()) {
			description = text("inbound.ticket.noText", me);
		}
		long ticketId = tickets.raise(
				new TicketIntake.NewTicket(title, description, client.get().getId(), area.get().getId()),
				message.files(), CHANNEL, me);
		return InboundResult.accepted(ticketId, null);
	}

	/**
	 * The client a recipient's plus tag names ({@code support+client-a@…}), else the
	 * default client; only active ones.
	 */
	private Optional<Client> clientFor(List<String> recipients) {
		for (String recipient : recipients) {
			int at = recipient.lastIndexOf('@');
			int plus = recipient.indexOf('+');
			if (plus > 0 && plus < at - 1) {
				Optional<Client> tagged = clients.findActiveByNameOrSlug(recipient.substring(plus + 1, at));
				if (tagged.isPresent()) {
					return tagged;
				}
			}
		}
		return clients.findActiveByNameOrSlug(settings.defaultClient());
	}

	/**
	 * The subject without reply and forward prefixes, cleaned and cut to a title; null
	 * when nothing is left.
	 */
	static String title(String subject) {
		if (subject == null) {
			return null;
		}
		String title = InboundMailLog.clean(subject, subject.length());
		title = title == null ? "" : SUBJECT_PREFIX.matcher(title).replaceFirst("");
		return InboundMailLog.clean(title, TicketIntake.MAX_TITLE);
	}

	/** The text cut to {@code max} characters, marked where it was cut. */
	static String cut(String text, int max) {
		if (text.length() <= max) {
			return text;
		}
		int end = max - CUT_MARK.length();
		if (Character.isHighSurrogate(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(0, end).stripTrailing() + CUT_MARK;
	}

	private InboundResult duplicate(InboundMessage message) {
		return mailLog.outcomeOf(message.messageId())
			.map(InboundResult::duplicateOf)
			.orElseThrow(() -> new IllegalStateException("Claimed, yet no outcome: " + message.messageId()));
	}

	/**
	 * Records the refusal in a transaction of its own (the message's may have rolled
	 * back).
	 */
	private InboundResult refuse(InboundMessage message, InboundSource source, RefusalReason reason) {
		return record(message.messageId(), source, message.sender(), message.subject(), reason);
	}

	private InboundResult unreadable(Path raw, InboundSource source) {
		String messageId;
		try {
			messageId = "<" + InboundMessage.sha256(raw) + "@" + InboundMessage.MADE_UP_DOMAIN + ">";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return record(messageId, source, null, null, RefusalReason.UNREADABLE);
	}

	private InboundResult record(String messageId, InboundSource source, String sender, String subject,
			RefusalReason reason) {
		log.info("Inbound mail {} from {} refused: {}", messageId, sender, reason);
		return transaction.execute(status -> {
			Optional<InboundMailLog.Claim> claim = mailLog.claim(messageId, source, sender, subject);
			if (claim.isEmpty()) {
				return mailLog.outcomeOf(messageId).map(InboundResult::duplicateOf).orElseThrow();
			}
			mailLog.refused(claim.get(), reason);
			return InboundResult.refused(reason);
		});
	}

	/**
	 * A text the sender's ticket gets, in the sender's language (English without one):
	 * mail has no browser.
	 */
	private String text(String code, SignedInUser sender) {
		return messages.getMessage(code, null, Languages.of(sender.getLanguage()));
	}

	/** Runs the action signed in as {@code user}, as if they had sent a form. */
	private static <T> T asUser(SignedInUser user, Supplier<T> action) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	/** The address part of {@code queuedesk.mail.from}, in lower case. */
	private static String addressOf(String from) {
		try {
			return new InternetAddress(from, false).getAddress().toLowerCase(Locale.ROOT);
		}
		catch (AddressException ex) {
			return from.strip().toLowerCase(Locale.ROOT);
		}
	}

}
