package io.queuedesk.ticket;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.queuedesk.queue.QueueService;
import io.queuedesk.reference.ClientService;

/**
 * {@code GET /api/clients}: every client with the number of tickets in its queue; beside
 * the other session-based JSON of {@link TicketApiController}.
 */
@RestController
class ClientApiController {

	private final ClientService clients;

	private final QueueService queues;

	ClientApiController(ClientService clients, QueueService queues) {
		this.clients = clients;
		this.queues = queues;
	}

	@GetMapping(path = "/api/clients", produces = "application/json")
	List<ClientJson> clients() {
		Map<Long, Integer> sizes = queues.sizes();
		return clients.all()
			.stream()
			.map(c -> new ClientJson(c.getId(), c.getName(), sizes.getOrDefault(c.getId(), 0)))
			.toList();
	}

	record ClientJson(long id, String name, int queued) {
	}

}
