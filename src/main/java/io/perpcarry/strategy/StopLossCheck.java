package io.perpcarry.strategy;

import io.perpcarry.domain.Venue;

import java.math.BigDecimal;

/**
 * Verdict for one leg.
 *
 * @param lossPercent      unrealized PnL / leg notional × 100 (negative = losing); null when UNKNOWN
 * @param thresholdPercent the stop-loss percent applied (positive)
 * @param reason           operator text; explains the trigger or why the leg could not be evaluated
 */
public record StopLossCheck(Venue venue, String symbol, Status status, BigDecimal lossPercent,
                            BigDecimal thresholdPercent, String reason) {

    public enum Status {
        /** Loss within the threshold. */
        OK,
        /** Loss beyond the threshold: close the hedge. */
        TRIGGERED,
        /** The venue did not report unrealized PnL or the leg is flat: nothing to judge. */
        UNKNOWN
    }

    public boolean triggered() {
        return status == Status.TRIGGERED;
    }
}
