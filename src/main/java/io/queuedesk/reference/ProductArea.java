package io.queuedesk.reference;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** What part of the product a ticket is about (Policies, Billing, …). */
@Entity
@Table(name = "product_areas")
public class ProductArea {

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

	protected ProductArea() {
	}

	public ProductArea(String name, Instant createdAt) {
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

	/** Renames (reference-data admin); the unique constraint guards against concurrent duplicates. */
	void rename(String name) {
		this.name = name.strip();
	}

	void setActive(boolean active) {
		this.active = active;
	}

}
