package io.perpcarry.emulator.engine;

/** Why an accepted order ended before filling completely. */
public enum CancelReason {
    USER,
    /** IOC / MARKET remainder. */
    IMMEDIATE_REMAINDER,
    EXPIRED,
    /** Reduce-only order whose position was closed or flipped by something else. */
    REDUCE_ONLY,
    /** The account was liquidated. */
    LIQUIDATION,
    /**
     * Acknowledged, then refused at execution for lack of margin (Lighter {@code canceled-margin-not-allowed},
     * EdgeX {@code MARGIN_NOT_ENOUGH}): a refusal that arrives as a cancel event, after the ack.
     */
    MARGIN_NOT_ALLOWED,
    /** Acknowledged, then refused at execution for another reason (Lighter {@code canceled-invalid-balance}). */
    REFUSED_AT_EXECUTION
}
