package io.perpcarry.venue;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The one conversion between the engine's clock and the venues' (wire) clock for funding instants. Live both are the
 * wall clock ({@link #SAME}). In the demo the engine runs on the emulators' accelerated market clock while every time
 * on the wire is wall-clock time: a settlement the market clock showed at 17:00 comes back stamped with the wall
 * instant it happened.
 */
public final class VenueTime {
    /** Live: the engine's clock is the venues'. */
    public static final VenueTime SAME = new VenueTime(UnaryOperator.identity(), UnaryOperator.identity(), true);
    /** Instants outside this span ("since the epoch", "until the end") mean "everything" and are not converted. */
    private static final Instant FIRST = Instant.EPOCH;
    private static final Instant LAST = Instant.parse("3000-01-01T00:00:00Z");
    /** Slack around converted bounds: a wire time cut to whole seconds is minutes of an accelerated market. */
    private static final Duration WIRE_SLACK = Duration.ofSeconds(1);
    /**
     * How far past its boundary (market time) a settlement may convert and still be put back on it: a market clock
     * rebuilt in another process (chaos daemon, soak, record --emulator-clock) is off by up to a few hundred ms of wall
     * time, minutes of a x1200 market. With the cut to the second (up to time-scale seconds early) it must stay below
     * the interval: 10 + 20 minutes of Lighter's hour at x1200.
     */
    private static final Duration BOUNDARY_SLACK = Duration.ofMinutes(10);

    private final UnaryOperator<Instant> toVenue;
    private final UnaryOperator<Instant> toEngine;
    private final boolean same;

    private VenueTime(UnaryOperator<Instant> toVenue, UnaryOperator<Instant> toEngine, boolean same) {
        this.toVenue = toVenue;
        this.toEngine = toEngine;
        this.same = same;
    }

    /** An engine clock that is not the venues': {@code toVenue} and {@code toEngine} invert each other. */
    public static VenueTime of(UnaryOperator<Instant> toVenue, UnaryOperator<Instant> toEngine) {
        return new VenueTime(Objects.requireNonNull(toVenue, "toVenue"), Objects.requireNonNull(toEngine, "toEngine"),
                false);
    }

    public boolean same() {
        return same;
    }

    /** The wire instant of engine instant {@code t}. */
    public Instant toVenue(Instant t) {
        return inRange(t) ? toVenue.apply(t) : t;
    }

    /** The engine instant of wire instant {@code t}. */
    public Instant toEngine(Instant t) {
        return inRange(t) ? toEngine.apply(t) : t;
    }

    /** A lower bound for a wire query from engine instant {@code t}: early enough for a wire time cut to the second. */
    Instant venueFrom(Instant t) {
        return same || !inRange(t) ? t : toVenue(t).minus(WIRE_SLACK);
    }

    /** An upper bound for a wire query from engine instant {@code t}, as {@link #venueFrom}. */
    Instant venueTo(Instant t) {
        return same || !inRange(t) ? t : toVenue(t).plus(WIRE_SLACK);
    }

    /**
     * The engine instant of a settlement stamped {@code t} on the wire. Settlements fall on the venue's boundaries of
     * {@code interval} (epoch-aligned); a wire stamp cut to the second is up to time-scale seconds of market time
     * early, so the market instant is the boundary at or just after the converted one, less {@link #BOUNDARY_SLACK} (time
     * scales below the interval in seconds less that slack: 3000 for Lighter's hour).
     */
    public Instant settlementToEngine(Instant t, Duration interval) {
        if (same || !inRange(t)) {
            return t;
        }
        long period = interval.getSeconds();
        // a stamp that converts a little past its boundary (rounding; a market clock rebuilt in another process, off
        // by milliseconds of wall time) stays on that boundary
        long seconds = toEngine(t).minus(BOUNDARY_SLACK).getEpochSecond();
        return Instant.ofEpochSecond((Math.floorDiv(seconds, period) + 1) * period);
    }

    private static boolean inRange(Instant t) {
        return t.isAfter(FIRST) && t.isBefore(LAST);
    }
}
