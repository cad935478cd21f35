package io.queuedesk.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.queuedesk.activity.ActivityAction;
import io.queuedesk.activity.ActivityService;
import io.queuedesk.activity.ActivitySubject;
import io.queuedesk.user.SignedInUser;
import io.queuedesk.user.UserService;

/**
 * Keeps files of tickets and comments. The callers (the ticket and comment features)
 * decide who may see, add or delete a file; this service stores, lists and streams them,
 * and writes an activity entry for each file added or deleted, in the caller's
 * transaction: a file is kept together with the ticket or comment it came with, or not at
 * all.
 */
@Service
public class Attachments {

	private final AttachmentStore store;

	private final AttachmentLimits limits;

	private final ContentTypes types;

	private final Thumbnails thumbnails;

	private final ActivityService activity;

	private final Clock clock;

	Attachments(AttachmentStore store, AttachmentLimits limits, ContentTypes types, Thumbnails thumbnails,
			ActivityService activity, Clock clock) {
		this.store = store;
		this.limits = limits;
		this.types = types;
		this.thumbnails = thumbnails;
		this.activity = activity;
		this.clock = clock;
	}

	/** Refuses an upload over the limits; call it before anything else is written. */
	public void check(List<Upload> uploads) {
		limits.check(uploads);
	}

	/**
	 * Stores the files in the caller's transaction, each with its detected type, SHA-256
	 * and (for raster images) thumbnail, and records one activity entry per file; returns
	 * the new ids in upload order.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<Long> store(AttachmentTarget target, List<Upload> uploads, SignedInUser uploader) {
		limits.check(uploads);
		Instant now = Instant.now(clock);
		List<Long> ids = new ArrayList<>(uploads.size());
		for (Upload upload : uploads) {
			String name = FileNames.clean(upload.name());
			String type = types.detect(upload.content(), name);
			long id;
			try (InputStream in = upload.content().getInputStream()) {
				id = store.insert(target, name, type, uploader.getId(), now, in, limits.maxBytes());
			}
			catch (IOException ex) {
				throw new UploadRefusedException("attachment.unreadable", name);
			}
			if (ContentTypes.isRasterImage(type)) {
				thumbnails.of(upload.content()).ifPresent(bytes -> store.saveThumbnail(id, bytes));
			}
			record(ActivityAction.ATTACHMENT_ADDED, target.ticketId(), target.ticketTitle(), target.internal(),
					uploader, describe(name, upload.size(), target.commentId(), target.internal()));
			ids.add(id);
		}
		return ids;
	}

	/** The files of a ticket (its own and its comments'), oldest first. */
	@Transactional(readOnly = true)
	public List<AttachmentView> ofTicket(long ticketId, boolean includeInternal) {
		return store.ofTicket(ticketId, includeInternal);
	}

	/**
	 * The files of several tickets in one query (the JSON API's page), by ticket id;
	 * tickets without files are absent.
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<AttachmentView>> ofTickets(Collection<Long> ticketIds, boolean includeInternal) {
		Map<Long, List<AttachmentView>> byTicket = new LinkedHashMap<>();
		if (ticketIds.isEmpty()) {
			return byTicket;
		}
		for (AttachmentStore.TicketFile found : store.ofTickets(ticketIds, includeInternal)) {
			byTicket.computeIfAbsent(found.ticketId(), id -> new ArrayList<>()).add(found.file());
		}
		return byTicket;
	}

	/** The file's facts, for the owner's visibility check; empty when there is none. */
	@Transactional(readOnly = true)
	public Optional<StoredFile> find(long id) {
		return store.find(id);
	}

	@Transactional(readOnly = true)
	public Optional<byte[]> thumbnail(long id) {
		return store.thumbnail(id);
	}

	/**
	 * Streams the file's bytes to {@code out}, a chunk at a time and outside any
	 * transaction, so a slow download holds neither memory nor a database connection.
	 */
	public void copy(StoredFile file, OutputStream out) {
		try {
			store.copy(file.id(), out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Deletes the file in the caller's transaction and records it. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void delete(StoredFile file, String ticketTitle, SignedInUser actor) {
		if (store.delete(file.id())) {
			record(ActivityAction.ATTACHMENT_DELETED, file.ticketId(), ticketTitle, file.internal(), actor,
					describe(file.name(), file.size(), file.commentId(), file.internal()));
		}
	}

	/**
	 * Deletes the files of a comment that is being deleted, in the caller's transaction,
	 * each with its activity entry (the foreign key would drop them silently).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void deleteOfComment(long commentId, String ticketTitle, SignedInUser actor) {
		for (StoredFile file : store.ofComment(commentId)) {
			delete(file, ticketTitle, actor);
		}
	}

	private void record(ActivityAction action, long ticketId, String title, boolean internal, SignedInUser actor,
			String details) {
		ActivitySubject subject = ActivitySubject.ticket(ticketId, title);
		if (internal) {
			activity.recordInternal(UserService.actor(actor), action, subject, details);
		}
		else {
			activity.record(UserService.actor(actor), action, subject, details);
		}
	}

	private static String describe(String name, long size, Long commentId, boolean internal) {
		String on = commentId == null ? "" : (internal ? ", internal note #" : ", comment #") + commentId;
		return name + " (" + FileSizes.text(size, Locale.ENGLISH) + ")" + on; // the log
																				// is
																				// English
	}

}
