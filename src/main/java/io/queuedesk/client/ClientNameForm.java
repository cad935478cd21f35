package io.queuedesk.client;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The one field of the create and rename forms on /admin/clients. */
record ClientNameForm(@NotBlank @Size(max = 100) String name) {

	static ClientNameForm empty() {
		return new ClientNameForm("");
	}

}
