package io.perpcarry.emulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * Reads and validates a scenario JSON file. All problems are collected and reported together, each naming
 * its field; nothing silently falls back to a default except the documented optional fields.
 */
public final class ScenarioLoader {
    public static final Path DEMO_PATH = Path.of("config", "demo", "scenario.json");

    private ScenarioLoader() {
    }

    /** @throws ScenarioException when the file is missing, not JSON, or invalid */
    public static Scenario load(Path file) {
        throw new UnsupportedOperationException("not yet");
    }

    /** @param source names the text in error messages (a file name) */
    public static Scenario parse(String json, String source) {
        throw new UnsupportedOperationException("not yet");
    }

    public static Scenario fromJson(JsonNode root, String source) {
        throw new UnsupportedOperationException("not yet");
    }
}
