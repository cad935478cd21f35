package io.queuedesk.reference;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * An entry of reference data (a client, a product area): a unique name that admins can
 * rename, and an active flag. Inactive entries keep their tickets but cannot be chosen
 * for new ones.
 */
@MappedSuperclass
public abstract class ReferenceItem {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true)
	private String name;

	@Column(nullable = false)
	private boolean active = true;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Version
	private long version;

	protected ReferenceItem() {
	}

	protected ReferenceItem(String name, Instant createdAt) {
		this.name = name.strip();
		this.createdAt = createdAt;
	}

	public Long getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	public boolean isActive() {
		return active;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public long getVersion() {
		return version;
	}

	/**
	 * Renames (reference-data admin); the unique constraint guards against concurrent
	 * duplicates.
	 */
	void rename(String name) {
		this.name = name.strip();
	}

	void setActive(boolean active) {
		this.active = active;
	}

}
