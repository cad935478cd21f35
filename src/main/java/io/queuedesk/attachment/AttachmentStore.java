package io.queuedesk.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code attachments} and {@code attachment_chunks} in plain SQL. A file's
 * bytes are written and read {@link #CHUNK_BYTES} at a time, one row per chunk: memory
 * per upload or download is one chunk, whatever the file's size.
 */
@Repository
class AttachmentStore {

	/**
	 * Bytes per row: 256 KiB. Measured with 64 KiB, 256 KiB and 1 MiB on H2 and
	 * PostgreSQL (docs/PERFORMANCE.md, "Attachments"): a 10 MiB upload or download took
	 * the same time with all three, within the machine's noise, except 64 KiB downloads
	 * from PostgreSQL (1.1–1.4× slower: four times the statements); 1 MiB gained nothing
	 * and would hold four times the memory per transfer in flight. The system property
	 * exists for scripts/bench/attachments.sh only, which measures the sizes with the
	 * same jar; nothing else sets it.
	 */
	static final int CHUNK_BYTES = Integer.getInteger("queuedesk.bench.chunk-bytes", 256 * 1024);

	private static final String VIEW_COLUMNS = """
			select a.id, a.comment_id, a.internal, a.file_name, a.content_type, a.size_bytes,
			       case when a.thumbnail is null then false else true end as has_thumbnail,
			       a.uploader_id, u.display_name, a.created_at, a.ticket_id
			from attachments a left join users u on u.id = a.uploader_id
			""";

	private static final RowMapper<AttachmentView> VIEW = (rs, row) -> new AttachmentView(rs.getLong("id"),
			rs.getObject("comment_id", Long.class), rs.getBoolean("internal"), rs.getString("file_name"),
			rs.getLong("size_bytes"), rs.getString("content_type"), rs.getBoolean("has_thumbnail"),
			rs.getObject("uploader_id", Long.class), rs.getString("display_name"),
			rs.getTimestamp("created_at").toInstant());

	private final JdbcClient jdbc;

	AttachmentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the file's row, then its bytes chunk by chunk; returns the new id. */
	long insert(AttachmentTarget target, String name, String contentType, Long uploaderId, Instant now,
			InputStream content, long maxBytes) throws IOException {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into attachments (ticket_id, comment_id, internal, uploader_id, file_name, content_type,
				                         size_bytes, sha256, created_at)
				values (?, ?, ?, ?, ?, ?, 0, '', ?)
				""")
			.params(target.ticketId(), target.commentId(), target.internal(), uploaderId, name, contentType,
					Timestamp.from(now))
			.update(key, "id");
		long id = key.getKey().longValue();
		MessageDigest sha256 = sha256();
		long size = 0;
		byte[] buffer = new byte[CHUNK_BYTES];
		try (InputStream in = new DigestInputStream(content, sha256)) {
			for (int seq = 0;; seq++) {
				int filled = in.readNBytes(buffer, 0, CHUNK_BYTES);
				if (filled == 0 && seq > 0) {
					break;
				}
				size += filled;
				if (size > maxBytes) {
					// The size the sender declared was not the truth: refuse, and the
					// caller's transaction rolls the rows back.
					throw new UploadRefusedException("attachment.tooLarge", name, FileSizes.text(maxBytes));
				}
				jdbc.sql("insert into attachment_chunks (attachment_id, seq, data) values (?, ?, ?)")
					.params(id, seq, filled == CHUNK_BYTES ? buffer : Arrays.copyOf(buffer, filled))
					.update();
				if (filled < CHUNK_BYTES) {
					break;
				}
			}
		}
		jdbc.sql("update attachments set size_bytes = ?, sha256 = ? where id = ?")
			.params(size, HexFormat.of().formatHex(sha256.digest()), id)
			.update();
		return id;
	}

	void saveThumbnail(long id, byte[] thumbnail) {
		jdbc.sql("update attachments set thumbnail = ? where id = ?").params(thumbnail, id).update();
	}

	/** Every file of the ticket, oldest first; internal ones only when asked. */
	List<AttachmentView> ofTicket(long ticketId, boolean includeInternal) {
		return jdbc
			.sql(VIEW_COLUMNS + " where a.ticket_id = ?" + (includeInternal ? "" : " and a.internal = false")
					+ " order by a.id")
			.param(ticketId)
			.query(VIEW)
			.list();
	}

	/** The files of several tickets in one statement, ticket by ticket, oldest first. */
	List<TicketFile> ofTickets(Collection<Long> ticketIds, boolean includeInternal) {
		return jdbc
			.sql(VIEW_COLUMNS + " where a.ticket_id in (:ids)" + (includeInternal ? "" : " and a.internal = false")
					+ " order by a.ticket_id, a.id")
			.param("ids", ticketIds)
			.query((rs, row) -> new TicketFile(rs.getLong("ticket_id"), VIEW.mapRow(rs, row)))
			.list();
	}

	record TicketFile(long ticketId, AttachmentView file) {
	}

	private static final String STORED_COLUMNS = """
			select id, ticket_id, comment_id, internal, uploader_id, file_name, content_type, size_bytes, sha256
			from attachments
			""";

	private static final RowMapper<StoredFile> STORED = (rs, row) -> new StoredFile(rs.getLong("id"),
			rs.getLong("ticket_id"), rs.getObject("comment_id", Long.class), rs.getBoolean("internal"),
			rs.getObject("uploader_id", Long.class), rs.getString("file_name"), rs.getString("content_type"),
			rs.getLong("size_bytes"), rs.getString("sha256"));

	Optional<StoredFile> find(long id) {
		return jdbc.sql(STORED_COLUMNS + " where id = ?").param(id).query(STORED).optional();
	}

	/** The files that came with a comment, in one statement (index on comment_id). */
	List<StoredFile> ofComment(long commentId) {
		return jdbc.sql(STORED_COLUMNS + " where comment_id = ? order by id").param(commentId).query(STORED).list();
	}

	Optional<byte[]> thumbnail(long id) {
		return jdbc.sql("select thumbnail from attachments where id = ? and thumbnail is not null")
			.param(id)
			.query((rs, row) -> rs.getBytes(1))
			.optional();
	}

	/**
	 * Writes the file's bytes, one short statement per chunk: no connection or
	 * transaction is held while a slow client reads. A file deleted meanwhile ends early.
	 */
	void copy(long id, OutputStream out) throws IOException {
		for (int seq = 0;; seq++) {
			Optional<byte[]> chunk = jdbc.sql("select data from attachment_chunks where attachment_id = ? and seq = ?")
				.params(id, seq)
				.query((rs, row) -> rs.getBytes(1))
				.optional();
			if (chunk.isEmpty()) {
				return;
			}
			out.write(chunk.get());
		}
	}

	/**
	 * Deletes the file; its chunks go with it (foreign key, {@code ON DELETE CASCADE}).
	 */
	boolean delete(long id) {
		return jdbc.sql("delete from attachments where id = ?").param(id).update() > 0;
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
