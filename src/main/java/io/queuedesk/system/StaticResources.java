package io.queuedesk.system;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceChainRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Static files on their own paths only ({@code spring.web.resources.add-mappings=false}
 * turns off Boot's catch-all {@code /**}). With the catch-all, the resource chain that
 * rewrites links tried every page link ({@code /tickets/123}, …) as a file in the jar on
 * every render, and a miss is not cached: half of a page's CPU. Now it sees only links
 * under these paths.
 * <p>
 * Stylesheets, scripts, Bootstrap and the icon font get content-hashed URLs
 * ({@code /css/app-<md5>.css}; links inside stylesheets are rewritten too), so browsers
 * may keep them for a year and still see a new release at once. The plain paths keep
 * working, including the version-less {@code /webjars/bootstrap/css/bootstrap.min.css}.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	private static final CacheControl HASHED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		// Version-less webjar paths are resolved by the locator (webjars-locator-lite).
		hashed(registry, "/webjars/**", "classpath:/META-INF/resources/webjars/")
			.addResolver(new LiteWebJarsResourceResolver());
		hashed(registry, "/css/**", "classpath:/static/css/");
		hashed(registry, "/favicon*", "classpath:/static/");
		hashed(registry, "/js/**", "classpath:/static/js/");
	}

	private static ResourceChainRegistration hashed(ResourceHandlerRegistry registry, String pattern, String location) {
		return registry.addResourceHandler(pattern)
			.addResourceLocations(location)
			.setCacheControl(HASHED)
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
	}

}
