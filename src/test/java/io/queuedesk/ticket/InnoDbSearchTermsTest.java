package io.queuedesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class InnoDbSearchTermsTest {

	@Test
	void everyWordIsARequiredPrefix() {
		assertThat(InnoDbSearchTerms.of(List.of("Alpha", "INVOICE"))).isEqualTo("+alpha* +invoice*");
	}

	@Test
	void operatorsOfBooleanModeNeverReachTheQuery() {
		assertThat(InnoDbSearchTerms.of(List.of("-export", "+\"page\"", "(a*", "~tilde>", "@x<y")))
			.isEqualTo("+export* +page* +tilde*");
	}

	@Test
	void punctuationCutsAWordIntoTheTokensInnoDbIndexes() {
		assertThat(InnoDbSearchTerms.of(List.of("x.y@mail.example.com", "foo_bar")))
			.isEqualTo("+mail* +example* +com* +foo_bar*");
	}

	@Test
	void tokensTooShortForTheIndexAreLeftOut() {
		assertThat(InnoDbSearchTerms.of(List.of("QA", "team", "é"))).isEqualTo("+team*");
		assertThat(InnoDbSearchTerms.of(List.of("%", "_", "ab"))).isEmpty();
	}

	@Test
	void lettersOfAnyScriptAreTokens() {
		assertThat(InnoDbSearchTerms.of(List.of("Übersicht", "日本語"))).isEqualTo("+übersicht* +日本語*");
	}

}
