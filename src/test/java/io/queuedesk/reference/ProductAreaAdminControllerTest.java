package io.queuedesk.reference;

import java.time.Instant;

import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * /admin/product-areas: fields, validation next to the fields, flash messages, admins
 * only.
 */
@WebMvcTest(ProductAreaAdminController.class)
class ProductAreaAdminControllerTest extends ReferenceAdminControllerTests<ProductArea> {

	@MockitoBean
	ReferenceAdminService<ProductArea> areas;

	ProductAreaAdminControllerTest() {
		super(ReferenceKind.PRODUCT_AREA, "/admin/product-areas", "Product area",
				"A product area with this name exists",
				"Product area Client A can't be deleted: tickets use it (1234). Deactivate it instead.");
	}

	@Override
	ReferenceAdminService<ProductArea> service() {
		return areas;
	}

	@Override
	ProductArea entry(String name) {
		return new ProductArea(name, Instant.now());
	}

}
