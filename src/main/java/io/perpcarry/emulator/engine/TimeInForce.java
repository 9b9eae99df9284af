package io.perpcarry.emulator.engine;

/**
 * IOC: fill what crosses now, cancel the rest. GTT: fill what crosses, rest the remainder until
 * {@code expiry} (no expiry = good till cancel, EdgeX GOOD_TIL_CANCEL). POST_ONLY: rest only, reject if it
 * would cross. FOK: fill completely now or reject (EdgeX FILL_OR_KILL).
 */
public enum TimeInForce {
    IOC,
    GTT,
    POST_ONLY,
    FOK
}
