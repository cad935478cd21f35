package io.queuedesk.reference;

/**
 * What differs between the kinds of reference data: their words, their table and the
 * tickets' column.
 */
enum ReferenceKind {

	CLIENT("client", "client", "clients.admin", "clients", "client_id"),

	PRODUCT_AREA("productArea", "product area", "productAreas.admin", "product_areas", "product_area_id");

	/**
	 * Prefix of the kind's messages: {@code client.created},
	 * {@code productArea.name.taken}, …
	 */
	final String messages;

	/**
	 * The kind in exception texts ("product area name taken: …", "product area 7 not
	 * found").
	 */
	final String label;

	/** Prefix of the words of the kind's admin page: {@code clients.admin.title}, … */
	final String pageMessages;

	final String table;

	/** The column of {@code tickets} that refers to an entry of this kind. */
	final String ticketColumn;

	ReferenceKind(String messages, String label, String pageMessages, String table, String ticketColumn) {
		this.messages = messages;
		this.label = label;
		this.pageMessages = pageMessages;
		this.table = table;
		this.ticketColumn = ticketColumn;
	}

}
