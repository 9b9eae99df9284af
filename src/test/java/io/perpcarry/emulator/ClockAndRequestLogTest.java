package io.perpcarry.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockAndRequestLogTest {
    private static final Instant WALL = Instant.parse("2030-01-01T00:00:00Z");

    @Test
    void scaledClockRunsTimeScaleTimesFaster() {
        MutableClock wall = new MutableClock(WALL);
        ScaledClock scaled = new ScaledClock(wall, TestScenarios.START, 60);
        assertThat(scaled.instant()).isEqualTo(TestScenarios.START);
        wall.advance(Duration.ofSeconds(4));
        assertThat(scaled.instant()).isEqualTo(TestScenarios.START.plus(Duration.ofMinutes(4)));
        wall.advance(Duration.ofMillis(500));
        assertThat(scaled.instant()).isEqualTo(TestScenarios.START.plus(Duration.ofSeconds(270)));
    }

    @Test
    void clocksRefuseNonsense() {
        assertThatThrownBy(() -> new ScaledClock(new MutableClock(WALL), WALL, 0)).hasMessageContaining("timeScale");
        assertThatThrownBy(() -> new MutableClock(WALL).advance(Duration.ofSeconds(-1))).hasMessageContaining("back");
    }

    @Test
    void requestLogKeepsOrderAndIsBounded() {
        RequestLog log = new RequestLog(new MutableClock(WALL), 2);
        log.record(VenueId.LIGHTER, "POST", "/api/v1/sendTx", 14, "BUY", "1");
        log.record(VenueId.EDGEX, "GET", "/api/v1/public/meta/getMetaData", null, null, null);
        LoggedRequest third = log.record(VenueId.LIGHTER, "POST", "/api/v1/sendTx", 15, null, "1");
        assertThat(log.list()).hasSize(2).last().isEqualTo(third);
        assertThat(log.dropped()).isEqualTo(1);
        assertThat(log.list(VenueId.EDGEX)).singleElement()
                .satisfies(r -> assertThat(r.wallTime()).isEqualTo(WALL));
        assertThat(log.list().get(0).arrivalNanos()).isLessThanOrEqualTo(third.arrivalNanos());
        log.clear();
        assertThat(log.list()).isEmpty();
    }
}
