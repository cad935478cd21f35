package io.queuedesk.ticket.files;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The full application with MockMvc and a fresh {@link FileTestData} per test: what the
 * full-application attachment tests share.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class FileTestCase {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService accounts;

	FileTestData data;

	@BeforeEach
	void data() {
		data = new FileTestData(mvc, jdbc, accounts);
	}

}
