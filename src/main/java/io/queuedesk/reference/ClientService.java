package io.queuedesk.reference;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to clients for the other features (forms, filters, queues). */
@Service
@Transactional(readOnly = true)
public class ClientService {

	private final ClientRepository clients;

	ClientService(ClientRepository clients) {
		this.clients = clients;
	}

	public List<Client> all() {
		return clients.findAllByOrderByNameAsc();
	}

	public List<Client> active() {
		return clients.findByActiveTrueOrderByNameAsc();
	}

	public Optional<Client> find(Long id) {
		return id == null ? Optional.empty() : clients.findById(id);
	}

	/**
	 * The active client with this name, or with this name in lower case with hyphens for
	 * spaces (its "slug", as in a plus tag: {@code support+client-a@…}), compared without
	 * regard to case. Clients are few, so they are compared here rather than by a query.
	 */
	public Optional<Client> findActiveByNameOrSlug(String nameOrSlug) {
		if (nameOrSlug == null || nameOrSlug.isBlank()) {
			return Optional.empty();
		}
		String wanted = nameOrSlug.strip();
		return active().stream()
			.filter(client -> client.getName().equalsIgnoreCase(wanted)
					|| slug(client.getName()).equalsIgnoreCase(wanted))
			.findFirst();
	}

	/** A client's name in lower case, runs of white space as one hyphen (SPEC §10). */
	private static String slug(String name) {
		return name.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", "-");
	}

}
