package io.queuedesk.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * The application's clock ({@link ClockConfig}): the system clock, except on a thread
 * that replays past events. The demo data writes its history through the services, which
 * take the time from this clock, "at" the moments the story says (docs/RULES.md, demo
 * data), so its activity entries, comments and tickets carry the times of the last days.
 * The set time is confined to the replaying thread: every other thread (requests, the
 * mail worker) reads the real time meanwhile.
 */
public final class ReplayClock extends Clock {

	private static final ThreadLocal<Instant> REPLAYED = new ThreadLocal<>();

	private final Clock system;

	ReplayClock(Clock system) {
		this.system = system;
	}

	/**
	 * Runs {@code action} on this thread with the clock at {@code instant}, which must
	 * lie in the past (a replay never writes a time after the real one); the clock is
	 * back at the real time afterwards, also when the action throws.
	 */
	public <T> T at(Instant instant, Supplier<T> action) {
		if (!instant.isBefore(system.instant())) {
			throw new IllegalArgumentException("A replay runs in the past, not at " + instant);
		}
		Instant outer = REPLAYED.get();
		REPLAYED.set(instant);
		try {
			return action.get();
		}
		finally {
			if (outer == null) {
				REPLAYED.remove();
			}
			else {
				REPLAYED.set(outer);
			}
		}
	}

	@Override
	public Instant instant() {
		Instant replayed = REPLAYED.get();
		return replayed == null ? system.instant() : replayed;
	}

	@Override
	public long millis() {
		return instant().toEpochMilli();
	}

	@Override
	public ZoneId getZone() {
		return system.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new ReplayClock(system.withZone(zone));
	}

	@Override
	public String toString() {
		return "ReplayClock[" + system + "]";
	}

}
