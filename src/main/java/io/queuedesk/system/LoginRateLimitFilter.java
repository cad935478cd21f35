package io.queuedesk.system;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-address limit on sign-in attempts (docs/RULES.md#accounts): at most
 * {@code maxPerMinute} POST /login (and /login/2fa, and starts of a single sign-on) from
 * one client address per minute; over it the POST answers 429 without reaching
 * authentication, so no account's failure counter moves. The address is
 * {@code request.getRemoteAddr()}, which is the real client only when the server trusts
 * the proxy's forwarded headers ({@code server.forward-headers-strategy}). One token
 * bucket per address, held in a cache that is bounded in size and forgets idle addresses,
 * so a flood of addresses cannot grow it without end. Not a bean: SecurityConfig puts it
 * into the security filter chain, and only there.
 */
class LoginRateLimitFilter extends OncePerRequestFilter {

	static final int MAX_ADDRESSES = 100_000;

	private static final Duration PERIOD = Duration.ofMinutes(1);

	private final RequestMatcher limited;

	private final Cache<String, Bucket> buckets;

	private final int maxPerMinute;

	/**
	 * Sign-in: the password and the second factor ({@code /login/2fa}) share one budget,
	 * so codes cannot be guessed faster than passwords.
	 */
	LoginRateLimitFilter(int maxPerMinute) {
		this(maxPerMinute, "queuedesk.login.max-per-address-per-minute", List.of(post("/login"), post("/login/2fa"),
				// The start of a single sign-on creates a session to hold the flow's
				// state: without a limit, anyone could fill the session store.
				PathPatternRequestMatcher.withDefaults()
					.matcher(HttpMethod.GET, "/oauth2/authorization/{registrationId}")));
	}

	/**
	 * The same limit for other POSTs that an anonymous visitor could repeat to do harm,
	 * such as the forms that send account mails (a flood of them would fill someone's
	 * mailbox).
	 */
	LoginRateLimitFilter(int maxPerMinute, String setting, String... postPaths) {
		this(maxPerMinute, setting, Arrays.stream(postPaths).map(LoginRateLimitFilter::post).toList());
	}

	private LoginRateLimitFilter(int maxPerMinute, String setting, List<RequestMatcher> requests) {
		if (maxPerMinute < 1) {
			throw new IllegalArgumentException(setting + " must be at least 1");
		}
		this.maxPerMinute = maxPerMinute;
		// Its own name, so that two instances in one chain keep separate "already
		// filtered" marks.
		setBeanName(setting);
		this.limited = new OrRequestMatcher(requests);
		// An address idle for longer than the refill period has a full bucket again:
		// forgetting it is safe.
		this.buckets = Caffeine.newBuilder()
			.maximumSize(MAX_ADDRESSES)
			.expireAfterAccess(PERIOD.multipliedBy(2))
			.build();
	}

	private static RequestMatcher post(String path) {
		return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, path);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !limited.matches(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Bucket bucket = buckets.get(String.valueOf(request.getRemoteAddr()), address -> newBucket());
		if (bucket.tryConsume(1)) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(PERIOD.toSeconds()));
		response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(maxPerMinute).refillIntervally(maxPerMinute, PERIOD).build())
			.build();
	}

}
