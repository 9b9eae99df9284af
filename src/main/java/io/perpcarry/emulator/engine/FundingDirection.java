package io.perpcarry.emulator.engine;

/** Whether an account paid or received a funding payment. */
public enum FundingDirection {
    PAID,
    RECEIVED
}
