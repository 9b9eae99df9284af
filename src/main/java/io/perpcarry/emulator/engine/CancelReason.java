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
    LIQUIDATION
}
