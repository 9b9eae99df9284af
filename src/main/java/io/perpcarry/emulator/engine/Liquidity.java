package io.perpcarry.emulator.engine;

/** Whether a fill took liquidity from the book or was a resting order that got hit. */
public enum Liquidity {
    TAKER,
    MAKER
}
