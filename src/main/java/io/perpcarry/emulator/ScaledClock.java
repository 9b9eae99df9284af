package io.perpcarry.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Scenario time for the demo: starts at {@code scenarioStart} and runs {@code timeScale} times faster
 * than {@code base}, so a 4 h EdgeX funding interval passes in 4 minutes at scale 60.
 */
public final class ScaledClock extends Clock {
    private final Clock base;
    private final Instant baseStart;
    private final Instant scenarioStart;
    private final double timeScale;

    public ScaledClock(Clock base, Instant scenarioStart, double timeScale) {
        this(base, base.instant(), scenarioStart, timeScale);
    }

    /** A scenario clock that started at {@code baseStart} on {@code base} (another process's, rebuilt). */
    public ScaledClock(Clock base, Instant baseStart, Instant scenarioStart, double timeScale) {
        if (!(timeScale > 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("timeScale must be a positive finite number, was " + timeScale);
        }
        this.base = Objects.requireNonNull(base, "base");
        this.baseStart = baseStart;
        this.scenarioStart = Objects.requireNonNull(scenarioStart, "scenarioStart");
        this.timeScale = timeScale;
    }

    public double timeScale() {
        return timeScale;
    }

    /** The scenario instant this clock showed at its origin on the base clock. */
    public Instant scenarioStart() {
        return scenarioStart;
    }

    /** The clock this one runs faster than (the wall clock). */
    public Clock base() {
        return base;
    }

    /** The base (wall) instant at which this clock showed {@code scenarioInstant}: the inverse of {@link #instant()}. */
    public Instant toBase(Instant scenarioInstant) {
        long elapsedNanos = Duration.between(scenarioStart, scenarioInstant).toNanos();
        return baseStart.plusNanos(Math.round(elapsedNanos / timeScale));
    }

    /** The instant this clock showed at base (wall) instant {@code baseInstant}: the inverse of {@link #toBase}. */
    public Instant fromBase(Instant baseInstant) {
        long elapsedNanos = Duration.between(baseStart, baseInstant).toNanos();
        return scenarioStart.plusNanos(Math.round(elapsedNanos * timeScale));
    }

    @Override
    public Instant instant() {
        // double keeps sub-µs precision for months of elapsed time; rounding is monotonic
        return fromBase(base.instant());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new ScaledClock(base.withZone(zone), baseStart, scenarioStart, timeScale);
    }
}
