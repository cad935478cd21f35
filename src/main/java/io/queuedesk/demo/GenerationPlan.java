package io.queuedesk.demo;

/**
 * Every size of a {@code generate-data} run, derived from the ticket count N so that N =
 * 1,000,000 gives the reference data set (docs/RULES.md#scale) and small N a
 * proportionally small desk that still has a handful of each role and several clients.
 * <p>
 * Each ticket n (1..N) has a kind {@code (7n + seed) mod 20}: 0 = queued at the big
 * client, 1–4 = queued at another client, 5–19 = completed. That gives exact shares (5 %,
 * 20 %, 75 %) in every block of 20 tickets, without a per-row random draw; {@link #count}
 * counts them the same way, so the plan's figures are the generated ones.
 */
record GenerationPlan(long tickets, long seed, int admins, int developers, int submitters, int clients,
		long bigClientQueued, long queued, long completed, long rareStep, int chunk) {

	static final long MAX_TICKETS = 100_000_000;

	static final int KINDS = 20;

	static GenerationPlan of(long tickets, long seed) {
		if (tickets < 1_000 || tickets > MAX_TICKETS) {
			throw new IllegalArgumentException("--tickets must be between 1000 and " + MAX_TICKETS);
		}
		double scale = tickets / 1_000_000.0;
		int admins = (int) Math.max(3, Math.round(20 * scale));
		int developers = (int) Math.max(8, Math.round(200 * scale));
		int users = (int) Math.max(40, Math.round(21_000 * scale));
		// Clients grow with the square root: 300 at 1M, 30 at 10k; a desk has few big
		// customers.
		int clients = (int) Math.max(4, Math.round(300 * Math.sqrt(scale)));
		long big = count(tickets, seed, 0, 0);
		long queued = count(tickets, seed, 0, 4);
		// ~50 tickets with the rare word at 1M, at least 5 so small sets can be searched
		// for it too.
		long rare = Math.max(5, Math.round(50 * scale));
		return new GenerationPlan(tickets, seed, admins, developers, users - admins - developers, clients, big, queued,
				tickets - queued, tickets / rare, 100_000);
	}

	int users() {
		return admins + developers + submitters;
	}

	/**
	 * Tickets with the rare word: one in each block of {@link #rareStep} tickets, at an
	 * offset that moves with the block (so they fall on every kind, queued and
	 * completed).
	 */
	long rareTickets() {
		long count = 0;
		for (long block = 0; block * rareStep < tickets; block++) {
			if (block * rareStep + block % KINDS + 1 <= tickets) {
				count++;
			}
		}
		return count;
	}

	/** How many n in 1..tickets have a kind between {@code from} and {@code to}. */
	static long count(long tickets, long seed, int from, int to) {
		long total = 0;
		for (int n = 1; n <= KINDS; n++) {
			long kind = Math.floorMod(7L * n + seed, KINDS);
			if (kind >= from && kind <= to) {
				total += (tickets - n) / KINDS + 1;
			}
		}
		return total;
	}

}
