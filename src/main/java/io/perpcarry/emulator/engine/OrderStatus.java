package io.perpcarry.emulator.engine;

/** Lifecycle of an order that was accepted (rejected orders never get an {@link Order}). */
public enum OrderStatus {
    /** Resting, possibly partly filled. */
    OPEN,
    FILLED,
    /** Ended without filling completely; see {@link CancelReason}. */
    CANCELED
}
