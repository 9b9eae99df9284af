package io.perpcarry.strategy;

import io.perpcarry.domain.Venue;

import java.util.Objects;

/** The hedge currently on: symbol and where the long leg is (the short is on the other venue). */
public record HeldHedge(String symbol, Venue longVenue) {
    public HeldHedge {
        Objects.requireNonNull(symbol, "symbol is required");
        Objects.requireNonNull(longVenue, "longVenue is required");
    }

    public Venue shortVenue() {
        return longVenue.other();
    }
}
