package io.queuedesk.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The one field of the create and rename forms on /admin/product-areas. */
record ProductAreaNameForm(@NotBlank @Size(max = 100) String name) {

	static ProductAreaNameForm empty() {
		return new ProductAreaNameForm("");
	}

}
