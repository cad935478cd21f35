package io.queuedesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class KeysetTest {

	@Test
	void aRowValueWhereTheIndexSeeksIt() {
		Keyset keyset = Keyset.of(true, List.of("a", "b"), "<", List.of(1, 2));

		assertThat(keyset.sql()).isEqualTo("(a, b) < (?, ?)");
		assertThat(keyset.values()).containsExactly(1, 2);
	}

	@Test
	void writtenOutWithARangeOnTheFirstColumnForMariaDb() {
		Keyset keyset = Keyset.of(false, List.of("a", "b"), "<", List.of(1, 2));

		assertThat(keyset.sql()).isEqualTo("a <= ? and (a < ? or (b < ?))");
		assertThat(keyset.values()).containsExactly(1, 1, 2);
	}

	@Test
	void threeColumnsWithNamedKeys() {
		Keyset keyset = Keyset.of(false, List.of("a", "b", "c"), ">", List.of(":k0", ":k1", ":k2"), List.of());

		assertThat(keyset.sql()).isEqualTo("a >= :k0 and (a > :k0 or (b >= :k1 and (b > :k1 or (c > :k2))))");
		assertThat(keyset.values()).isEmpty();
	}

}
