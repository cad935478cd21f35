package io.queuedesk.reference;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import io.queuedesk.system.Flash;

/**
 * /admin/product-areas: the list of product areas with create, rename, (de)activate and
 * delete (admins only).
 */
@Controller
@RequestMapping(ProductAreaAdminController.PATH)
class ProductAreaAdminController extends ReferenceDataController {

	static final String PATH = "/admin/product-areas";

	ProductAreaAdminController(ReferenceAdminService<ProductArea> areas, Flash flash) {
		super(ReferenceKind.PRODUCT_AREA, areas, flash, PATH);
	}

}
