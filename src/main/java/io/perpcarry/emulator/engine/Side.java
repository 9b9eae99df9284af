package io.perpcarry.emulator.engine;

/** Order side. A BUY adds to a long (or reduces a short); its sign is +1. */
public enum Side {
    BUY,
    SELL;

    public int sign() {
        return this == BUY ? 1 : -1;
    }

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
