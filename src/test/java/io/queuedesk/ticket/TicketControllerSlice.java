package io.queuedesk.ticket;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.willAnswer;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.ui.Model;

import io.queuedesk.reference.ClientService;
import io.queuedesk.system.Flash;
import io.queuedesk.attachment.AttachmentLimits;
import io.queuedesk.attachment.AttachmentSettings;
import io.queuedesk.system.SliceSecurity;
import io.queuedesk.user.Role;
import io.queuedesk.user.SignedInUser;
import io.queuedesk.user.TestUsers;

/**
 * The slice of {@link TicketController} that the tests of its new-ticket and edit forms
 * share: the controller with mocked services, and form options that list the demo's
 * clients and areas.
 */
@WebMvcTest(TicketController.class)
@Import({ SliceSecurity.class, Flash.class, AttachmentLimits.class })
@EnableConfigurationProperties(AttachmentSettings.class)
abstract class TicketControllerSlice {

	final SignedInUser admin = TestUsers.signedIn(1, "admin@test.example", "Ada", Role.ADMIN);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	TicketService tickets;

	@MockitoBean
	TicketQueries queries;

	@MockitoBean
	TicketFormOptions options;

	@MockitoBean
	ClientService clients;

	@BeforeEach
	void options() {
		willAnswer(call -> {
			TicketSliceData.formOptions(call.getArgument(0, Model.class));
			return null;
		}).given(options).forForm(any(), any());
	}

}
