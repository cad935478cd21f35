package io.queuedesk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import io.queuedesk.user.Role;
import io.queuedesk.user.SignedInUser;
import io.queuedesk.user.TestUsers;
import io.queuedesk.user.TotpCodes;

/**
 * {@code /account/2fa} (docs/RULES.md#accounts): enrolment with a QR code drawn on the
 * server and the secret as text, turning 2FA on with a code (ten recovery codes, shown
 * once), turning it off with the password; each change recorded; CSRF on both POSTs.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TwoFactorPageTest {

	private static final String PASSWORD = "Right-pass-1";

	private static final Pattern SECRET = Pattern.compile("<code id=\"totp-secret\"[^>]*>([A-Z2-7]+)</code>");

	private static final Pattern QR = Pattern.compile("<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Test
	void theEnrolmentPageShowsAQrCodeOfTheSecretAndTheSecretAsText() throws Exception {
		SignedInUser me = newUser("enrol");
		String page = page(me);

		String secret = secretOn(page);
		assertThat(secret).hasSize(32);
		String scanned = decodeQr(page);
		assertThat(scanned).isEqualTo("otpauth://totp/Queuedesk:" + me.getEmail().replace("@", "%40") + "?secret="
				+ secret + "&issuer=Queuedesk&algorithm=SHA1&digits=6&period=30");
		assertThat(page).contains("<label for=\"code\"")
			.contains("autocomplete=\"one-time-code\"")
			.contains("inputmode=\"numeric\"")
			.contains("alt=\"QR code holding the key for your authenticator app\"");
		assertThat(secretOn(page(me))).as("a reload shows the same secret").isEqualTo(secret);
		assertThat(TotpCodes.isEnabled(jdbc, me.getId())).as("not on until confirmed with a code").isFalse();
	}

	@Test
	void aWrongCodeTurnsNothingOnAndTheRightOneShowsTenRecoveryCodesOnce() throws Exception {
		SignedInUser me = newUser("enable");
		String secret = secretOn(page(me));
		String wrong = TotpCodes.atStep(secret, TotpCodes.currentStep() - 3);

		String refused = mvc.perform(post("/account/2fa/enable").with(user(me)).with(csrf()).param("code", wrong))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("That code is not right").contains("aria-invalid=\"true\"");
		assertThat(secretOn(refused)).isEqualTo(secret);
		assertThat(TotpCodes.isEnabled(jdbc, me.getId())).isFalse();

		MvcResult enabled = mvc
			.perform(post("/account/2fa/enable").with(user(me)).with(csrf()).param("code", TotpCodes.now(secret)))
			.andExpect(redirectedUrl("/account/2fa"))
			.andExpect(flash().attributeExists("recoveryCodes"))
			.andReturn();

		@SuppressWarnings("unchecked")
		List<String> codes = (List<String>) enabled.getFlashMap().get("recoveryCodes");
		assertThat(codes).hasSize(10).doesNotHaveDuplicates();
		assertThat(TotpCodes.isEnabled(jdbc, me.getId())).isTrue();
		assertThat(jdbc.sql("select count(*) from recovery_codes where user_id = ? and used_at is null")
			.param(me.getId())
			.query(Long.class)
			.single()).isEqualTo(10);
		assertThat(jdbc.sql("select code_hash from recovery_codes where user_id = ?")
			.param(me.getId())
			.query(String.class)
			.list()).as("only hashes are stored").noneMatch(codes::contains).allMatch(hash -> hash.length() == 64);
		assertThat(actions(me.getId())).containsExactly("TWO_FACTOR_ENABLED");

		// Shown on the page the redirect leads to (over real HTTP, where the flash lives
		// in
		// the session: TwoFactorLoginTest), and never again.
		String later = page(me);
		assertThat(later).doesNotContain(codes.get(0))
			.doesNotContain("totp-secret")
			.contains("10 recovery codes left")
			.contains("currentPassword");
	}

	@Test
	void turningItOffNeedsTheCurrentPassword() throws Exception {
		SignedInUser me = newUser("disable");
		TotpCodes.enable(jdbc, me.getId(), "abcd-efgh-ijkm-nopq");

		String refused = mvc
			.perform(post("/account/2fa/disable").with(user(me)).with(csrf()).param("currentPassword", "Wrong-pass-1"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).contains("The current password is wrong.");
		assertThat(TotpCodes.isEnabled(jdbc, me.getId())).isTrue();

		mvc.perform(post("/account/2fa/disable").with(user(me)).with(csrf()).param("currentPassword", PASSWORD))
			.andExpect(redirectedUrl("/account/2fa"));

		assertThat(TotpCodes.isEnabled(jdbc, me.getId())).isFalse();
		assertThat(jdbc.sql("select count(*) from recovery_codes where user_id = ?")
			.param(me.getId())
			.query(Long.class)
			.single()).isZero();
		assertThat(actions(me.getId())).containsExactly("TWO_FACTOR_DISABLED");
		assertThat(page(me)).contains("totp-secret");
	}

	@Test
	void thePostsNeedTheCsrfTokenAndTheFormsCarryIt() throws Exception {
		SignedInUser me = newUser("csrf");
		String secret = secretOn(page(me));
		mvc.perform(post("/account/2fa/enable").with(user(me)).param("code", TotpCodes.now(secret)))
			.andExpect(status().isForbidden());
		assertThat(TotpCodes.isEnabled(jdbc, me.getId())).isFalse();
		TotpCodes.enable(jdbc, newUser("csrf-on").getId());
		mvc.perform(post("/account/2fa/disable").with(user(me)).param("currentPassword", PASSWORD))
			.andExpect(status().isForbidden());
		mvc.perform(post("/account/2fa/enable").with(user(me)).with(csrf().useInvalidToken()).param("code", "123456"))
			.andExpect(status().isForbidden());
		assertThat(page(me)).contains("name=\"_csrf\"");
	}

	@Test
	void visitorsAreSentToSignIn() throws Exception {
		mvc.perform(get("/account/2fa")).andExpect(redirectedUrl("/login"));
		mvc.perform(post("/account/2fa/enable").with(csrf()).param("code", "123456"))
			.andExpect(redirectedUrl("/login"));
	}

	private SignedInUser newUser(String prefix) {
		String email = TestUsers.uniqueEmail(prefix);
		long id = TestUsers.insert(jdbc, encoder, email, PASSWORD, Role.SUBMITTER, true, true, null);
		return TestUsers.signedIn(id, email, "Test " + email, Role.SUBMITTER);
	}

	private String page(SignedInUser me) throws Exception {
		return mvc.perform(get("/account/2fa").with(user(me)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static String secretOn(String page) {
		Matcher secret = SECRET.matcher(page);
		assertThat(secret.find()).as("the secret in <code id=\"totp-secret\">").isTrue();
		return secret.group(1);
	}

	/** Reads the page's QR code back, as a phone's camera would. */
	private static String decodeQr(String page) throws Exception {
		Matcher qr = QR.matcher(page);
		assertThat(qr.find()).as("an inline PNG").isTrue();
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(qr.group(1))));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		return new QRCodeReader()
			.decode(new BinaryBitmap(
					new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
			.getText();
	}

	private List<String> actions(long id) {
		return jdbc.sql("select action from activity_log where target_user_id = ? order by id")
			.param(id)
			.query(String.class)
			.list();
	}

}
