package io.perpcarry.engine;

import io.perpcarry.domain.Venue;
import io.perpcarry.venue.OrderRequest;

/**
 * Client order ids: {@code cycleId × 10000 + role × 1000 + venue × 100 + attempt}. Deterministic, so a restarted
 * route re-derives the id it may already have sent (and the venue refuses the duplicate); numeric and below 2^48
 * for Lighter. A cycle id is the epoch second the cycle began, so ids never repeat across cycles, restarts or a
 * wiped data directory (Lighter wants them unique per account).
 */
public final class ClientOrderIds {
    /** The last cycle id this process handed out: two cycles begun in one second must not share their ids. */
    private static final java.util.concurrent.atomic.AtomicLong LAST_CYCLE_GIVEN = new java.util.concurrent.atomic.AtomicLong();

    private ClientOrderIds() {
    }

    /**
     * A new cycle id: the epoch second it begins, but above {@code floor} (the data directory's last cycle) and above
     * every id this process already handed out, so that two opens in one second (commands on other data directories
     * in the same process, tests) never reuse a client order id, which Lighter refuses whatever the order's state.
     */
    public static long newCycle(long epochSecond, long floor) {
        return LAST_CYCLE_GIVEN.updateAndGet(last -> Math.max(Math.max(epochSecond, floor), last + 1));
    }

    public static long of(long cycleId, LegRole role, Venue venue, int attempt) {
        if (cycleId <= 0) {
            throw new IllegalArgumentException("cycleId must be > 0, got " + cycleId);
        }
        if (attempt < 0 || attempt > 99) {
            throw new IllegalArgumentException("attempt must be in 0..99, got " + attempt);
        }
        long id = Math.addExact(Math.multiplyExact(cycleId, 10_000L),
                role.code * 1000L + (venue.ordinal() + 1) * 100L + attempt);
        if (id > OrderRequest.MAX_CLIENT_ORDER_ID) {
            throw new IllegalArgumentException("client order id " + id + " exceeds 2^48-1 (cycle " + cycleId + ")");
        }
        return id;
    }

    /** Cycle ids are epoch seconds: anything before 2024 or after 2100 is not one of ours. */
    private static final long FIRST_CYCLE = 1_704_067_200L;
    private static final long LAST_CYCLE = 4_102_444_800L;

    /** The cycle an id of ours belongs to; 0 for ids we did not make. */
    public static long cycleOf(long clientOrderId) {
        long role = (clientOrderId / 1000) % 10;
        long venue = (clientOrderId / 100) % 10;
        long cycle = clientOrderId / 10_000;
        boolean ours = role >= 1 && role <= LegRole.values().length && venue >= 1 && venue <= 2
                && cycle >= FIRST_CYCLE && cycle <= LAST_CYCLE;
        return ours ? cycle : 0;
    }
}
