package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perpcarry.emulator.LocalExchanges;
import io.perpcarry.emulator.ScaledClock;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** {@code record --emulator-clock}: lines are stamped on the emulators' market clock, not the wall clock. */
class RecordEmulatorClockTest {
    @Test
    void followsTheEmulatorsMarketClock() {
        try (LocalExchanges ex = EmulatorCli.start(300)) {
            Clock c = RecordCommand.emulatorClock(URI.create(ex.environment().get("LIGHTER_BASE_URL")));
            assertThat(c).isInstanceOf(ScaledClock.class);
            assertThat(((ScaledClock) c).timeScale()).isEqualTo(300.0);
            Instant market = ex.scenarioClock().instant();
            Instant mine = c.instant();
            // the same clock up to the instant it was read: well within a market minute (0.2 s of wall time)
            assertThat(Duration.between(market, mine).abs()).isLessThan(Duration.ofMinutes(1));
        }
    }

    @Test
    void anUnreachableEmulatorIsNamed() {
        assertThatThrownBy(() -> RecordCommand.emulatorClock(URI.create("http://127.0.0.1:1/")))
                .hasMessageContaining("--emulator-clock").hasMessageContaining("127.0.0.1:1/_emulator/state");
    }
}
