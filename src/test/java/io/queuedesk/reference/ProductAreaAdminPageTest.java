package io.queuedesk.reference;

/**
 * /admin/product-areas against the real database: create, rename, deactivate and delete
 * areas.
 */
class ProductAreaAdminPageTest extends ReferenceAdminPageTests {

	ProductAreaAdminPageTest() {
		super(ReferenceKind.PRODUCT_AREA, "/admin/product-areas", "Product area", "productAreas");
	}

	@Override
	String inUseText(String name, long tickets) {
		return "Product area " + name + " can't be deleted: tickets use it (" + tickets + "). Deactivate it instead.";
	}

	@Override
	long raiseTicket(long areaId) throws Exception {
		return raiseTicket(insert("clients", "Client for area test"), areaId);
	}

}
