package io.queuedesk.reference;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A client of the company; each has its own priority queue of tickets. Its row is also
 * the lock that serialises queue changes for that client.
 */
@Entity
@Table(name = "clients")
public class Client extends ReferenceItem {

	protected Client() {
	}

	public Client(String name, Instant createdAt) {
		super(name, createdAt);
	}

}
