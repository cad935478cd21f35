package io.queuedesk.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Nobody removes the last active admin (docs/RULES.md#accounts), also when two admins
 * demote or deactivate each other at the same moment. The shared test database has other
 * admins (the demo admin, admins of other tests): they are set inactive for each test and
 * restored afterwards, so that the two admins made here are the only active ones.
 */
@SpringBootTest
class LastAdminGuardTest {

	@Autowired
	UserAdminService service;

	@Autowired
	UserDetailsService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	List<Long> otherAdmins;

	long adaId;

	long bobId;

	SignedInUser ada;

	SignedInUser bob;

	@BeforeEach
	void onlyTwoActiveAdmins() {
		otherAdmins = jdbc.sql("""
				select u.id from users u join user_roles r on r.user_id = u.id
				where r.role = 'ADMIN' and u.active = true""").query(Long.class).list();
		if (!otherAdmins.isEmpty()) {
			jdbc.sql("update users set active = false where id in (:ids)").param("ids", otherAdmins).update();
		}
		String adaEmail = TestUsers.uniqueEmail("ada");
		String bobEmail = TestUsers.uniqueEmail("bob");
		adaId = TestUsers.insert(jdbc, encoder, adaEmail, "Right-pass-1", Role.ADMIN, true, true, null);
		bobId = TestUsers.insert(jdbc, encoder, bobEmail, "Right-pass-1", Role.ADMIN, true, true, null);
		ada = (SignedInUser) accounts.loadUserByUsername(adaEmail);
		bob = (SignedInUser) accounts.loadUserByUsername(bobEmail);
	}

	@AfterEach
	void restoreTheOtherAdmins() {
		SecurityContextHolder.clearContext();
		jdbc.sql("update users set active = false where id in (?, ?)").params(adaId, bobId).update();
		if (!otherAdmins.isEmpty()) {
			jdbc.sql("update users set active = true where id in (:ids)").param("ids", otherAdmins).update();
		}
	}

	/**
	 * Ada's own row is made inactive first (as if a third admin had just deactivated
	 * her), so that Bob is the last active admin while Ada still acts as one.
	 */
	@Test
	void theLastActiveAdminIsNeitherDeactivatedNorDemoted() {
		jdbc.sql("update users set active = false where id = ?").param(adaId).update();
		signIn(ada);

		assertThatThrownBy(() -> service.setActive(bobId, false, ada)).isInstanceOf(UserChangeRefusedException.class)
			.hasMessage("user.lastAdmin");
		assertThatThrownBy(() -> service.changeRoles(bobId, EnumSet.of(Role.DEVELOPER), ada))
			.isInstanceOf(UserChangeRefusedException.class)
			.hasMessage("user.lastAdmin");

		assertThat(activeAdmins()).containsExactly(bobId);
		assertThat(jdbc.sql("select count(*) from activity_log where target_user_id = ?")
			.param(bobId)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void withTwoAdminsOneMayBeDemoted() {
		signIn(ada);
		service.changeRoles(bobId, EnumSet.of(Role.DEVELOPER), ada);

		assertThat(activeAdmins()).containsExactly(adaId);
	}

	@Test
	void twoAdminsDemotingEachOtherAtOnceLeaveOneAdmin() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 6; round++) {
				boolean deactivate = round % 2 == 1;
				CountDownLatch start = new CountDownLatch(1);
				Future<Boolean> adaWon = pool.submit(demote(ada, bobId, deactivate, start));
				Future<Boolean> bobWon = pool.submit(demote(bob, adaId, deactivate, start));
				start.countDown();

				boolean a = adaWon.get(30, TimeUnit.SECONDS);
				boolean b = bobWon.get(30, TimeUnit.SECONDS);
				assertThat(a ^ b).as("exactly one of the two changes went through in round %d", round).isTrue();
				assertThat(activeAdmins()).hasSize(1);
				restoreBothAdmins();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** True when the change went through, false when it was refused as the last admin. */
	private Callable<Boolean> demote(SignedInUser actor, long target, boolean deactivate, CountDownLatch start) {
		return () -> {
			signIn(actor);
			start.await();
			try {
				if (deactivate) {
					service.setActive(target, false, actor);
				}
				else {
					service.changeRoles(target, EnumSet.of(Role.DEVELOPER), actor);
				}
				return true;
			}
			catch (UserChangeRefusedException ex) {
				assertThat(ex.code()).isEqualTo("user.lastAdmin");
				return false;
			}
			finally {
				SecurityContextHolder.clearContext();
			}
		};
	}

	private void restoreBothAdmins() {
		jdbc.sql("update users set active = true where id in (?, ?)").params(adaId, bobId).update();
		jdbc.sql("delete from user_roles where user_id in (?, ?)").params(adaId, bobId).update();
		for (long id : List.of(adaId, bobId)) {
			jdbc.sql("insert into user_roles (user_id, role) values (?, 'ADMIN')").param(id).update();
		}
	}

	private List<Long> activeAdmins() {
		return new ArrayList<>(jdbc.sql("""
				select u.id from users u join user_roles r on r.user_id = u.id
				where r.role = 'ADMIN' and u.active = true order by u.id""").query(Long.class).list());
	}

	private static void signIn(SignedInUser user) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

}
