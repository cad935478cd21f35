package io.queuedesk.reference;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.queuedesk.system.CleanText;

/**
 * The one field of the create and rename forms of reference data (clients, product
 * areas).
 */
record NameForm(@NotBlank @CleanText @Size(max = 100) String name) {

	public static NameForm empty() {
		return new NameForm("");
	}

}
