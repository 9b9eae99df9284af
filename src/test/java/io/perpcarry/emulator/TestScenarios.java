package io.perpcarry.emulator;

import io.perpcarry.emulator.engine.MarketEngine;
import io.perpcarry.emulator.scenario.Scenario;
import io.perpcarry.emulator.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Scenarios and engines for emulator tests. */
public final class TestScenarios {
    /** Midnight UTC, so Lighter's hour and EdgeX's 4 h boundaries fall on whole steps from the start. */
    public static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private TestScenarios() {
    }

    public static String flatJson() {
        try (InputStream in = TestScenarios.class.getResourceAsStream("/emulator/test-scenario.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Scenario flat() {
        return ScenarioLoader.parse(flatJson(), "test-scenario.json");
    }

    public static Scenario demo() {
        return ScenarioLoader.load(ScenarioLoader.DEMO_PATH);
    }

    public static MarketEngine flatEngine(MutableClock clock) {
        return new MarketEngine(flat(), clock);
    }
}
