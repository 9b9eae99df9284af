package io.perpcarry.emulator;

/** The two perp venues the emulator imitates; both share one {@code MarketEngine}. */
public enum VenueId {
    LIGHTER,
    EDGEX
}
