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

}
