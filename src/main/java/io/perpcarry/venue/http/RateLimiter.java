package io.perpcarry.venue.http;

import io.perpcarry.domain.Venue;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One venue's client-side request budget: a rolling-window log of what was spent. A request that would
 * overspend waits until enough of the window has rolled off (waits are counted, never silent); a 429 closes
 * the gate for the venue's Retry-After. Extra per-kind caps (Lighter's one UpdateLeverage a minute) are
 * separate rolling counts. Thread-safe: daemon routes and CLI commands in one process share one instance
 * through {@link RateLimits}.
 *
 * <p>Market-data reads ({@link #acquireRead}) may not spend the last {@link #WRITE_RESERVE} of the window and never
 * wait longer than they are told: a busy scan then fails fast with {@link VenueErrorKind#RATE_LIMITED} instead of
 * queueing ahead of, and using up the budget of, the orders and account reads that close or level a hedge.
 */
public final class RateLimiter {
    private record Spend(long atNanos, long cost) {
    }

    /** Share of each window kept for writes (orders, cancels, leverage). */
    public static final double WRITE_RESERVE = 0.2;

    private final Venue venue;
    private final RateBudget budget;
    private final LongSupplier nanoTime;
    private final VenueHttp.Sleeper sleeper;
    private final double kindScale;
    private final Deque<Spend> spent = new ArrayDeque<>();
    private final Map<String, Deque<Long>> kinds = new HashMap<>();
    private long spentTotal;
    private long closedUntilNanos = Long.MIN_VALUE;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong unitsSpent = new AtomicLong();
    private final AtomicLong waits = new AtomicLong();
    private final AtomicLong waitedMillis = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();

    public RateLimiter(Venue venue, RateBudget budget, LongSupplier nanoTime, VenueHttp.Sleeper sleeper) {
        this(venue, budget, nanoTime, sleeper, 1.0);
    }

    /** {@code kindScale} multiplies the per-kind caps as {@link RateBudget#scaled} does the budget. */
    RateLimiter(Venue venue, RateBudget budget, LongSupplier nanoTime, VenueHttp.Sleeper sleeper, double kindScale) {
        this.kindScale = kindScale;
        this.venue = venue;
        this.budget = budget;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    public RateLimiter(Venue venue, RateBudget budget) {
        this(venue, budget, 1.0);
    }

    RateLimiter(Venue venue, RateBudget budget, double kindScale) {
        this(venue, budget, System::nanoTime, d -> Thread.sleep(d.toMillis(), (int) (d.toNanosPart() % 1_000_000)),
                kindScale);
    }

    public Venue venue() {
        return venue;
    }

    public RateBudget budget() {
        return budget;
    }

    /** A write: waits until a request to {@code path} fits the whole budget, then books it. */
    public void acquire(String path) {
        acquire(path, budget.capacity(), null);
    }

    /**
     * A read: waits until a request to {@code path} fits the budget less the writes' reserve, then books it;
     * when that would take longer than {@code maxWait}, nothing is booked and RATE_LIMITED is thrown.
     */
    public void acquireRead(String path, Duration maxWait) {
        long reserve = Math.max(budget.defaultCost(), Math.round(budget.capacity() * WRITE_RESERVE));
        long readCapacity = Math.max(budget.costOf(path), budget.capacity() - reserve);
        acquire(path, readCapacity, maxWait);
    }

    private void acquire(String path, long capacity, Duration maxWait) {
        long cost = budget.costOf(path);
        requests.incrementAndGet();
        long waited = 0;
        while (true) {
            long wait;
            synchronized (this) {
                long now = nanoTime.getAsLong();
                wait = Math.max(gateWait(now), budgetWait(now, cost, capacity));
                if (wait <= 0) {
                    spent.addLast(new Spend(now, cost));
                    spentTotal += cost;
                    unitsSpent.addAndGet(cost);
                    return;
                }
            }
            if (maxWait != null && waited + wait > maxWait.toNanos()) {
                refusals.incrementAndGet();
                throw new VenueException(venue, VenueErrorKind.RATE_LIMITED, "GET " + path + " would wait "
                        + Duration.ofNanos(waited + wait).toMillis() + " ms for the " + venue
                        + " request budget (reads keep " + Math.round(WRITE_RESERVE * 100)
                        + " % for orders); not sent");
            }
            waited += wait;
            pause(wait);
        }
    }

    /**
     * Waits until one more action of {@code kind} fits {@code perWindow} per budget window (venue-documented
     * per-kind caps, e.g. Lighter's L2UpdateLeverage 1/min for Standard accounts), then books it.
     */
    public void acquireKind(String kind, int perWindowDocumented) {
        if (perWindowDocumented < 1) {
            throw new IllegalArgumentException("perWindow must be >= 1");
        }
        long perWindow = Math.max(1, Math.round(perWindowDocumented * kindScale));
        while (true) {
            long wait;
            synchronized (this) {
                long now = nanoTime.getAsLong();
                Deque<Long> log = kinds.computeIfAbsent(kind, k -> new ArrayDeque<>());
                long windowStart = now - budget.window().toNanos();
                while (!log.isEmpty() && log.peekFirst() <= windowStart) {
                    log.removeFirst();
                }
                wait = log.size() < perWindow ? 0 : log.peekFirst() - windowStart;
                if (wait <= 0) {
                    log.addLast(now);
                    return;
                }
            }
            pause(wait);
        }
    }

    /** The venue said 429: nothing goes out for {@code retryAfter} (2 s when it gave none). */
    public synchronized void rateLimited(Duration retryAfter) {
        Duration d = retryAfter == null || retryAfter.isNegative() || retryAfter.isZero() ? Duration.ofSeconds(2) : retryAfter;
        closedUntilNanos = Math.max(closedUntilNanos, nanoTime.getAsLong() + d.toNanos());
    }

    /** Requests that went through this limiter. */
    public long requests() {
        return requests.get();
    }

    /** Budget units booked since this limiter was made (never rolls off: what a sequence of calls cost). */
    public long unitsSpent() {
        return unitsSpent.get();
    }

    /** How many times a request had to wait for the budget (each pause counts once). */
    public long waits() {
        return waits.get();
    }

    /** Reads refused because the budget would have kept them waiting too long. */
    public long readsRefused() {
        return refusals.get();
    }

    /** Total time spent waiting, in milliseconds. */
    public long waitedMillis() {
        return waitedMillis.get();
    }

    /** Units spent in the current window (for headroom reports). */
    public synchronized long spentInWindow() {
        roll(nanoTime.getAsLong());
        return spentTotal;
    }

    private long gateWait(long now) {
        return closedUntilNanos == Long.MIN_VALUE ? 0 : closedUntilNanos - now;
    }

    private long budgetWait(long now, long cost, long capacity) {
        roll(now);
        if (spentTotal + cost <= capacity) {
            return 0;
        }
        long need = spentTotal + cost - capacity;
        long freed = 0;
        for (Spend s : spent) {
            freed += s.cost();
            if (freed >= need) {
                return s.atNanos() + budget.window().toNanos() - now + 1;
            }
        }
        return budget.window().toNanos(); // unreachable: a cost never exceeds the capacity
    }

    private void roll(long now) {
        long windowStart = now - budget.window().toNanos();
        while (!spent.isEmpty() && spent.peekFirst().atNanos() <= windowStart) {
            spentTotal -= spent.removeFirst().cost();
        }
    }

    private void pause(long nanos) {
        waits.incrementAndGet();
        Duration d = Duration.ofNanos(nanos);
        waitedMillis.addAndGet(Math.max(1, d.toMillis()));
        io.perpcarry.metrics.VenueMetrics.rateLimitWait(venue, d);
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VenueException(venue, VenueErrorKind.UNAVAILABLE, "interrupted while waiting for the "
                    + venue + " request budget");
        }
    }

    @Override
    public String toString() {
        return "RateLimiter[" + venue + ", " + budget.capacity() + " per " + budget.window() + ", waits " + waits() + "]";
    }
}
