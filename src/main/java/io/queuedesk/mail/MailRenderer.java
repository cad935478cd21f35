package io.queuedesk.mail;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import io.queuedesk.system.Languages;

/**
 * Renders mails from the Thymeleaf templates in {@code templates/mail}: {@code name.html}
 * for the HTML part and {@code name.txt} for the plain-text part, with texts from
 * messages.properties, in the recipient's language.
 */
@Component
class MailRenderer {

	private final SpringTemplateEngine html;

	private final SpringTemplateEngine text;

	private final MessageSource messages;

	private final String baseUrl;

	MailRenderer(MessageSource messages, MailSettings settings) {
		this.messages = messages;
		this.html = engine(messages, TemplateMode.HTML, ".html");
		this.text = engine(messages, TemplateMode.TEXT, ".txt");
		String url = settings.baseUrl().strip();
		this.baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	private static SpringTemplateEngine engine(MessageSource messages, TemplateMode mode, String suffix) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCacheable(true);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages);
		return engine;
	}

	/** The absolute link to a ticket's page. */
	String ticketLink(long ticketId) {
		return link("/tickets/" + ticketId);
	}

	/** The absolute link to a path of the app (starting with a slash). */
	String link(String path) {
		return baseUrl + path;
	}

	String message(Locale locale, String code, Object... args) {
		return messages.getMessage(code, args, locale);
	}

	String message(Locale locale, MessageSourceResolvable text) {
		return messages.getMessage(text, locale);
	}

	/** A date as the recipient's language writes it ({@code format.date}). */
	String date(Locale locale, LocalDate date) {
		return DateTimeFormatter.ofPattern(message(locale, "format.date"), locale).format(date);
	}

	/**
	 * Renders in the recipient's language: a mail has no browser, so it is the
	 * recipient's choice ({@code users.language}), else English ({@link Languages#of}).
	 */
	Rendered render(Locale locale, String template, Map<String, Object> model) {
		Context context = new Context(locale);
		context.setVariables(model);
		context.setVariable("baseUrl", baseUrl);
		return new Rendered(text.process(template, context), html.process(template, context));
	}

	record Rendered(String text, String html) {
	}

}
