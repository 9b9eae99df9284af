package io.perpcarry.backtest;

import io.perpcarry.domain.Venue;
import java.time.Instant;

/** One decision the simulated bot took: OPEN, EXTEND, CLOSE (end of hold), STOP_LOSS, REJECTED (could not open). */
public record Decision(Instant at, String action, String symbol, Venue longVenue, String reason) {
    @Override
    public String toString() {
        return at + " " + action + " " + symbol + (longVenue == null ? "" : " long " + longVenue.displayName()) + ": " + reason;
    }
}
