package io.perpcarry.backtest;

import io.perpcarry.domain.Venue;
import java.time.Instant;

/**
 * One decision the simulated bot took: OPEN, EXTEND, CLOSE (end of hold), STOP_LOSS, END (data over), REJECTED (could
 * not open).
 *
 * @param size base size of each leg of the hedge concerned; null for REJECTED
 */
public record Decision(Instant at, String action, String symbol, Venue longVenue, java.math.BigDecimal size, String reason) {
    @Override
    public String toString() {
        return at + " " + action + " " + symbol + (longVenue == null ? "" : " long " + longVenue.displayName()) + ": " + reason;
    }
}
