package io.queuedesk.reference;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** What part of the product a ticket is about (Policies, Billing, …). */
@Entity
@Table(name = "product_areas")
public class ProductArea extends ReferenceItem {

	protected ProductArea() {
	}

	public ProductArea(String name, Instant createdAt) {
		super(name, createdAt);
	}

}
