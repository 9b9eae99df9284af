package io.perpcarry.ui;

import io.perpcarry.domain.Venue;
import io.perpcarry.state.HeldPosition;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one dashboard frame shows, already read. A venue that could not be read carries its error
 * instead of numbers: the frame says UNKNOWN, never zero. {@code controlLine}: PAUSED/HALTED, by whom, since when, and
 * the command that lifts it (first line of the frame).
 */
public record DashboardModel(Instant now, String mode, String state, boolean paused, String haltReason,
                             Optional<HeldPosition> position, Map<Venue, VenueView> venues,
                             Optional<FundingTable> fundingTable, BigDecimal netPnlAllCycles, long cycles,
                             Optional<String> controlLine) {

    /** One venue's account as last read, or why it could not be read. */
    public record VenueView(Venue venue, BigDecimal equity, BigDecimal available, Optional<LegView> leg,
                            BigDecimal fundingThisHedge, Duration nextFundingIn, String error, Instant readAt) {
        public static VenueView unknown(Venue venue, String error, Instant at) {
            return new VenueView(venue, null, null, Optional.empty(), null, null, error, at);
        }

        public boolean known() {
            return error == null;
        }
    }

    /** The hedge leg as the venue reports it now. */
    public record LegView(BigDecimal signedSize, BigDecimal entryPrice, BigDecimal unrealizedPnl, BigDecimal liquidationPrice) {
    }
}
