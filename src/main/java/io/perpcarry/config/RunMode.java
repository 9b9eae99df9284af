package io.perpcarry.config;

/**
 * {@code PERPCARRY_MODE}: demo runs against the built-in emulators, live against the configured venues, paper reads the
 * configured venues' public market data and fills orders on a simulated local account (no credentials).
 */
public enum RunMode {
    DEMO, LIVE, PAPER;

    /** {@code PERPCARRY_MODE} of {@code env}; unset is demo. */
    public static RunMode of(EnvironmentSource env) {
        return parse(env.get("PERPCARRY_MODE").orElse(null));
    }

    static RunMode parse(String raw) {
        if (raw == null || raw.isBlank() || raw.equalsIgnoreCase("demo")) {
            return DEMO;
        }
        if (raw.equalsIgnoreCase("live")) {
            return LIVE;
        }
        if (raw.equalsIgnoreCase("paper")) {
            return PAPER;
        }
        throw new ConfigException("PERPCARRY_MODE: \"" + raw + "\" is not demo | live | paper");
    }
}
