package io.queuedesk.reference;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import io.queuedesk.system.Flash;

/** /admin/clients: the list of clients with create, rename, (de)activate and delete (admins only). */
@Controller
@RequestMapping("/admin/clients")
class ClientAdminController extends ReferenceDataController {

	private final ClientAdminService clients;

	ClientAdminController(ClientAdminService clients, Flash flash) {
		super(flash, "client", "/admin/clients", "clients/list");
		this.clients = clients;
	}

	@Override
	protected List<?> rows() {
		return clients.overview();
	}

	@Override
	protected String add(String name) {
		return clients.create(name).getName();
	}

	@Override
	protected String rename(long id, String name) {
		return clients.rename(id, name).getName();
	}

	@Override
	protected String activate(long id, boolean active) {
		return clients.setActive(id, active).getName();
	}

	@Override
	protected String remove(long id) {
		return clients.delete(id);
	}

}
