package io.queuedesk.system;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * The languages the app speaks (issue 18): English, the default, and German. A page's
 * language is the signed-in user's choice ({@code users.language}), else the best
 * supported one of the browser's {@code Accept-Language}, else English.
 * <p>
 * The user's choice is read from the session, never from the database: module
 * {@code user} puts it there at sign-in (from the principal, loaded anyway) and
 * {@code account} when the user changes it ({@link #remember}). A mail has no browser: it
 * is written in its recipient's language ({@link #of}).
 * <p>
 * To add a language: its tag here, {@code messages_xx.properties} with every key, the
 * option on the preferences page follows from this list.
 * <p>
 * A {@link WebMvcConfigurer}, so that {@code @WebMvcTest} slices resolve languages like
 * the app.
 */
@Configuration(proxyBeanMethods = false)
public class Languages implements WebMvcConfigurer {

	/** The language tags offered, the default first. */
	public static final List<String> SUPPORTED = List.of("en", "de");

	public static final Locale DEFAULT = Locale.ENGLISH;

	/**
	 * Session attribute holding the signed-in user's language tag, or an empty string for
	 * the browser's choice.
	 */
	static final String SESSION_ATTRIBUTE = Languages.class.getName() + ".LANGUAGE";

	/** Whether {@code tag} is a language the app offers. */
	public static boolean supported(@Nullable String tag) {
		return tag != null && SUPPORTED.contains(tag);
	}

	/** The locale of a user's stored choice, English for none: a mail's language. */
	public static Locale of(@Nullable String tag) {
		return supported(tag) ? Locale.forLanguageTag(tag) : DEFAULT;
	}

	/**
	 * Keeps the signed-in user's choice ({@code null}: the browser's) in the session, for
	 * every following request; does nothing without a request or session.
	 */
	public static void remember(@Nullable HttpServletRequest request, @Nullable String tag) {
		if (request == null) {
			return;
		}
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.setAttribute(SESSION_ATTRIBUTE, supported(tag) ? tag : "");
		}
	}

	/**
	 * The signed-in user's choice as this session knows it: the one made since the
	 * sign-in, else {@code atSignIn} (the principal's); null for the browser's.
	 */
	public static @Nullable String chosen(HttpServletRequest request, @Nullable String atSignIn) {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof String tag) {
			return supported(tag) ? tag : null;
		}
		return supported(atSignIn) ? atSignIn : null;
	}

	@Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
	LocaleResolver localeResolver() {
		return new SessionOrBrowser();
	}

	/** The user's choice kept in the session, else the browser's among the supported. */
	static final class SessionOrBrowser implements LocaleResolver {

		private final AcceptHeaderLocaleResolver browser = new AcceptHeaderLocaleResolver();

		SessionOrBrowser() {
			browser.setSupportedLocales(SUPPORTED.stream().map(Locale::forLanguageTag).toList());
			browser.setDefaultLocale(DEFAULT);
		}

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			HttpSession session = request.getSession(false);
			if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof String tag && supported(tag)) {
				return Locale.forLanguageTag(tag);
			}
			return browser.resolveLocale(request);
		}

		@Override
		public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response,
				@Nullable Locale locale) {
			remember(request, locale == null ? null : locale.getLanguage());
		}

	}

}
