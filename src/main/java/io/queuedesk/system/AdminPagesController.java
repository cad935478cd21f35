package io.queuedesk.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The admin index (docs/RULES.md#pages-and-routes): every page of the Admin menu with a
 * line on what it is for. The Admin menu's link leads here, so the menu works without
 * JavaScript; the layout lists the same pages (the model's {@code navigation}).
 */
@Controller
@AdminOnly
class AdminPagesController {

	@GetMapping(AdminPages.INDEX)
	String index() {
		return "admin/pages";
	}

}
