package io.perpcarry.app;

import io.perpcarry.emulator.ScaledClock;
import io.perpcarry.venue.VenueTime;
import java.time.Clock;

/** How the engine's clock relates to the venues' (wall) clock: the same live, accelerated in the demo. */
public final class EngineClock {
    private EngineClock() {
    }

    /** The funding-time conversion for an engine on {@code engineClock}: the emulators' market clock maps to the wall. */
    public static VenueTime venueTime(Clock engineClock) {
        return engineClock instanceof ScaledClock market ? VenueTime.of(market::toBase, market::fromBase) : VenueTime.SAME;
    }
}
