package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The per-address limit also guards the anonymous forms that send mail (register, forgot
 * password).
 */
class AccountMailRateLimitTest {

	final LoginRateLimitFilter filter = new LoginRateLimitFilter(2, "test.limit", "/register", "/password/forgot");

	@Test
	void mailSendingPostsShareOneBucketPerAddress() throws Exception {
		assertThat(status("POST", "/register", "10.9.0.1")).isEqualTo(200);
		assertThat(status("POST", "/password/forgot", "10.9.0.1")).isEqualTo(200);
		assertThat(status("POST", "/password/forgot", "10.9.0.1")).isEqualTo(429);
		assertThat(status("POST", "/register", "10.9.0.1")).isEqualTo(429);
		assertThat(status("POST", "/register", "10.9.0.2")).isEqualTo(200);
	}

	@Test
	void pagesAndOtherPostsAreNotCounted() throws Exception {
		for (int i = 0; i < 5; i++) {
			assertThat(status("GET", "/register", "10.9.1.1")).isEqualTo(200);
			assertThat(status("POST", "/password/reset", "10.9.1.1")).isEqualTo(200);
			assertThat(status("POST", "/login", "10.9.1.1")).isEqualTo(200);
		}
		assertThat(status("POST", "/register", "10.9.1.1")).isEqualTo(200);
	}

	private int status(String method, String path, String address) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setRemoteAddr(address);
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		return response.getStatus();
	}

}
