package io.perpcarry.venue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** How far a venue's clock is from ours: its server time against the midpoint of our clock around the read. */
public final class ClockSkew {
    private ClockSkew() {
    }

    /** Positive when the venue is ahead; a failed read throws as {@link VenueConnector#serverTime} does. */
    public static Duration of(VenueConnector venue, Clock ours) {
        Instant before = ours.instant();
        Instant server = venue.serverTime();
        Instant after = ours.instant();
        return Duration.between(before.plus(Duration.between(before, after).dividedBy(2)), server);
    }
}
