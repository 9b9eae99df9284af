package io.perpcarry.engine;

import io.perpcarry.domain.Venue;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What became of one order. ACCEPTED is not filled and REJECTED may still leave a position after an unknown
 * outcome was resolved: the engine always reads positions back before it believes anything.
 */
public record LegOutcome(Venue venue, long clientOrderId, Status status, Optional<BigDecimal> reportedFill,
                         String message) {
    public enum Status {
        ACCEPTED,
        REJECTED,
        /** No clear answer (timeout, lost connection, venue down mid-write); positions decide. */
        UNKNOWN
    }

    public boolean rejected() {
        return status == Status.REJECTED;
    }
}
