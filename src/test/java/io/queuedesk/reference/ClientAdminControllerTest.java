package io.queuedesk.reference;

import java.time.Instant;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** /admin/clients: fields, validation next to the fields, flash messages, admins only. */
@WebMvcTest(ClientAdminController.class)
class ClientAdminControllerTest extends ReferenceAdminControllerTests<Client> {

	@MockitoBean
	ReferenceAdminService<Client> clients;

	ClientAdminControllerTest() {
		super(ReferenceKind.CLIENT, "/admin/clients", "Client", "A client with this name exists",
				"Client Client A can't be deleted: it has tickets (1234). Deactivate it instead.");
	}

	@Override
	ReferenceAdminService<Client> service() {
		return clients;
	}

	@Override
	Client entry(String name) {
		return new Client(name, Instant.now());
	}

}
