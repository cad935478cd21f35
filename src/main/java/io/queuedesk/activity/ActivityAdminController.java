package io.queuedesk.activity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * The audit trail for admins (docs/RULES.md#activity-log): filters, pages newest first,
 * and the CSV export.
 */
@Controller
@RequestMapping("/admin/activity")
class ActivityAdminController {

	private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private final ActivityTrail trail;

	private final Clock clock;

	ActivityAdminController(ActivityTrail trail, Clock clock) {
		this.trail = trail;
		this.clock = clock;
	}

	@GetMapping
	String list(@ModelAttribute("filter") ActivityFilter filter, BindingResult result, Model model) {
		ActivityQuery query = filter.resolve(result);
		ActivitySlice page = trail.page(query, filter.afterCursor(), filter.beforeCursor(), filter.safePage());
		model.addAttribute("entries", page.entries());
		model.addAttribute("pages", page.links());
		model.addAttribute("tooDeep", page.tooDeep());
		model.addAttribute("maxOffset", ActivityTrail.MAX_OFFSET);
		model.addAttribute("actions", ActivityAction.values());
		model.addAttribute("exportLink", exportLink());
		return "activity/list";
	}

	/**
	 * The filtered entries as a CSV download, streamed. With an invalid filter nothing is
	 * exported: the page with the same parameters shows what is wrong.
	 */
	@GetMapping("/export.csv")
	void export(@ModelAttribute("filter") ActivityFilter filter, BindingResult result, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		ActivityQuery query = filter.resolve(result);
		if (result.hasErrors()) {
			String params = request.getQueryString();
			response.sendRedirect(request.getContextPath() + "/admin/activity" + (params == null ? "" : "?" + params));
			return;
		}
		String filename = "activity-" + LocalDateTime.now(clock).format(FILE_STAMP) + ".csv";
		response.setContentType("text/csv");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(filename).build().toString());
		trail.exportCsv(query, response.getWriter());
	}

	/**
	 * The export of what the page shows: the same filters, without the page number or
	 * cursor.
	 */
	private static String exportLink() {
		UriComponents uri = ServletUriComponentsBuilder.fromCurrentRequest()
			.path("/export.csv")
			.replaceQueryParam("page")
			.replaceQueryParam("after")
			.replaceQueryParam("before")
			.build();
		return uri.getQuery() == null ? uri.getPath() : uri.getPath() + "?" + uri.getQuery();
	}

}
