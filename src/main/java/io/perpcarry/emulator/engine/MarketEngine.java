package io.perpcarry.emulator.engine;

import io.perpcarry.emulator.VenueId;
import io.perpcarry.emulator.scenario.Scenario;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

/**
 * The one simulated market under both venue emulators. Plain Java, no I/O, deterministic: simulation time
 * advances in fixed scenario steps ({@link Scenario#step()}) from the clock's instant at construction, so the
 * same scenario, start instant and sequence of calls give the same prices, rates and fills whatever the wall
 * clock does between calls.
 *
 * <p>Each step: scripted shocks, the index price walk, funding ticks, funding settlements (Lighter hourly on
 * the hour, EdgeX every fundingRateIntervalMin from 00:00 UTC), resting orders that the venue's book moved
 * through, expiries, liquidations. Thread-safe (one lock); listeners run after the lock is released.
 */
public final class MarketEngine {

    public MarketEngine(Scenario scenario, Clock clock) {
        throw new UnsupportedOperationException("not yet");
    }

    public Scenario scenario() {
        throw new UnsupportedOperationException("not yet");
    }

    public Clock clock() {
        throw new UnsupportedOperationException("not yet");
    }

    public Exchange venue(VenueId venue) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Runs every whole step up to {@code now}; earlier instants are ignored (time never goes back). */
    public void syncTo(Instant now) {
        throw new UnsupportedOperationException("not yet");
    }

    /** {@code syncTo(clock().instant())}; wire layers may call it on a timer to drive WebSocket pushes. */
    public void sync() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Simulation time reached so far (a whole number of steps after the start). */
    public Instant simulationTime() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The shared index price of a market. */
    public BigDecimal indexPrice(String symbol) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Moves the index price to {@code price}; the walk continues from there. */
    public void setMid(String symbol, BigDecimal price) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Moves the index price by {@code pct} percent (-5 = down 5 %). */
    public void shock(String symbol, BigDecimal pct) {
        throw new UnsupportedOperationException("not yet");
    }

    /** A frozen book keeps its levels and mark while the index walks on (resting orders are not filled). */
    public void freezeBook(VenueId venue, String symbol, boolean frozen) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Overrides the funding estimate (native unit); the market's funding path continues from it. */
    public void setFundingRate(VenueId venue, String symbol, BigDecimal rate) {
        throw new UnsupportedOperationException("not yet");
    }

    public void addListener(EngineListener listener) {
        throw new UnsupportedOperationException("not yet");
    }

    public void removeListener(EngineListener listener) {
        throw new UnsupportedOperationException("not yet");
    }
}
