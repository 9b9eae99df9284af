package io.perpcarry.emulator.engine;

/** LIMIT rests or fills up to its price; MARKET fills immediately (IOC) up to its worst price, if given. */
public enum OrderType {
    LIMIT,
    MARKET
}
