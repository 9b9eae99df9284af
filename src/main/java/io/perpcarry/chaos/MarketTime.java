package io.perpcarry.chaos;

import io.perpcarry.emulator.ScaledClock;
import java.time.Clock;
import java.time.Instant;
import org.apache.camel.main.Main;

/**
 * The live daemon's engine clock. Normally the wall clock; under the chaos suite (system properties
 * {@code perpcarry.chaos.timeScale} and {@code perpcarry.chaos.marketStart}, the emulator's start instant) the
 * same accelerated market clock as the standalone emulator it trades on, continuous across restarts, and wall
 * timers short enough to follow that market. Both are built on an unskewed wall clock: the emulator's CLOCK_SKEW
 * fault moves only its venues' wire clocks, never its {@code startTime} or market time, so a skewed venue does not
 * move this clock nor the hold clock the suite judges (the bot's own clock is not the venue's, as live).
 */
public record MarketTime(Clock clock, double scale) {
    public static final String SCALE = "perpcarry.chaos.timeScale";
    public static final String START = "perpcarry.chaos.marketStart";

    public static MarketTime fromSystemProperties() {
        String scale = System.getProperty(SCALE);
        if (scale == null) {
            return new MarketTime(Clock.systemUTC(), 1.0);
        }
        return of(Clock.systemUTC(), Instant.parse(System.getProperty(START)), Double.parseDouble(scale));
    }

    /** The emulator's market clock rebuilt on {@code wall}: it showed {@code start} when {@code wall} did. */
    static MarketTime of(Clock wall, Instant start, double scale) {
        return new MarketTime(new ScaledClock(wall, start, start, scale), scale);
    }

    /** Wall-clock timers that follow an accelerated market (the same as the daemon tests use). */
    public void tune(Main main) {
        if (scale != 1.0) {
            main.addOverrideProperty("perpcarry.scan-interval-ms", System.getProperty("perpcarry.chaos.scanMs", "500"));
            main.addOverrideProperty("perpcarry.check-interval-ms", System.getProperty("perpcarry.chaos.checkMs", "500"));
            main.addOverrideProperty("perpcarry.control-poll-ms", "200");
        }
    }
}
