package io.perpcarry.strategy;

/** What to do with a hedge whose planned hold has ended. */
public enum RotationMode {
    /** Always close; reopen the best opportunity (even the same one) for a fresh hold. */
    ALWAYS,
    /** Keep the hedge for another hold if it is still the best eligible one, saving four taker fees. */
    KEEP_IF_BEST
}
