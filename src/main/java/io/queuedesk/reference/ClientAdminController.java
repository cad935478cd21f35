package io.queuedesk.reference;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import io.queuedesk.system.Flash;

/**
 * /admin/clients: the list of clients with create, rename, (de)activate and delete
 * (admins only).
 */
@Controller
@RequestMapping(ClientAdminController.PATH)
class ClientAdminController extends ReferenceDataController {

	static final String PATH = "/admin/clients";

	ClientAdminController(ReferenceAdminService<Client> clients, Flash flash) {
		super(ReferenceKind.CLIENT, clients, flash, PATH);
	}

}
