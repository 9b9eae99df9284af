package io.perpcarry.config;

/** {@code PERPCARRY_MODE}: demo runs against the built-in emulators, live against the configured venues. */
public enum RunMode {
    DEMO, LIVE;

    static RunMode parse(String raw) {
        if (raw == null || raw.isBlank() || raw.equalsIgnoreCase("demo")) {
            return DEMO;
        }
        if (raw.equalsIgnoreCase("live")) {
            return LIVE;
        }
        throw new ConfigException("PERPCARRY_MODE: \"" + raw + "\" is not demo | live");
    }
}
