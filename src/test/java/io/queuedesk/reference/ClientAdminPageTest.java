package io.queuedesk.reference;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * /admin/clients against the real database: create, rename, deactivate and delete
 * clients.
 */
class ClientAdminPageTest extends ReferenceAdminPageTests {

	ClientAdminPageTest() {
		super(ReferenceKind.CLIENT, "/admin/clients", "Client", "clients");
	}

	@Override
	String inUseText(String name, long tickets) {
		return "Client " + name + " can't be deleted: it has tickets (" + tickets + "). Deactivate it instead.";
	}

	@Override
	long raiseTicket(long clientId) throws Exception {
		return raiseTicket(clientId, insert("product_areas", "Area for client test"));
	}

	@Override
	void stillUsable(long clientId) throws Exception {
		mvc.perform(get("/queues/{id}", clientId).with(admin())).andExpect(status().isOk());
	}

}
