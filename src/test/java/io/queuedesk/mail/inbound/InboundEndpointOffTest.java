package io.queuedesk.mail.inbound;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Without {@code QUEUEDESK_MAIL_IN_TOKEN} (the default) the endpoint does not exist: 404,
 * whatever token is sent.
 */
@SpringBootTest
@AutoConfigureMockMvc
class InboundEndpointOffTest {

	@Autowired
	MockMvc mvc;

	@Test
	void withoutAConfiguredTokenTheEndpointIs404() throws Exception {
		byte[] raw = RawMail.text("user@example.com", "Nobody listens", "Hi.").bytes();
		mvc.perform(post(InboundMailController.PATH).contentType("message/rfc822").content(raw))
			.andExpect(status().isNotFound());
		mvc.perform(post(InboundMailController.PATH).contentType("message/rfc822")
			.header("Authorization", "Bearer ")
			.content(raw)).andExpect(status().isNotFound());
		mvc.perform(post(InboundMailController.PATH).contentType("message/rfc822")
			.header("Authorization", "Bearer anything")
			.content(raw)).andExpect(status().isNotFound());
	}

}
