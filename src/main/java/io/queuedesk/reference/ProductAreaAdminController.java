package io.queuedesk.reference;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import io.queuedesk.system.Flash;

/** /admin/product-areas: the list of product areas with create, rename, (de)activate and delete (admins only). */
@Controller
@RequestMapping("/admin/product-areas")
class ProductAreaAdminController extends ReferenceDataController {

	private final ProductAreaAdminService areas;

	ProductAreaAdminController(ProductAreaAdminService areas, Flash flash) {
		super(flash, "productArea", "/admin/product-areas", "productareas/list");
		this.areas = areas;
	}

	@Override
	protected List<?> rows() {
		return areas.overview();
	}

	@Override
	protected String add(String name) {
		return areas.create(name).getName();
	}

	@Override
	protected String rename(long id, String name) {
		return areas.rename(id, name).getName();
	}

	@Override
	protected String activate(long id, boolean active) {
		return areas.setActive(id, active).getName();
	}

	@Override
	protected String remove(long id) {
		return areas.delete(id);
	}

}
