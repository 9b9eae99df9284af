package io.perpcarry.emulator;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A venue's wall clock under the CLOCK_SKEW fault: {@code base} plus the skew the {@link FaultPlan} holds for the
 * venue now (0 normally). Only wire layers read it; the market clock is built on the unskewed base, so a skew never
 * moves market time (nor what the chaos suite's daemon rebuilds of it).
 */
public final class SkewedClock extends Clock {
    private final Clock base;
    private final FaultPlan plan;
    private final VenueId venue;

    public SkewedClock(Clock base, FaultPlan plan, VenueId venue) {
        this.base = Objects.requireNonNull(base, "base");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.venue = Objects.requireNonNull(venue, "venue");
    }

    @Override
    public Instant instant() {
        return base.instant().plusMillis(plan.clockSkewMs(venue));
    }

    @Override
    public long millis() {
        return base.millis() + plan.clockSkewMs(venue);
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SkewedClock(base.withZone(zone), plan, venue);
    }
}
