package io.perpcarry.domain;

import java.util.Locale;

/** The two perp venues the bot hedges across. */
public enum Venue {
    LIGHTER("Lighter", "lighter"),
    EDGEX("EdgeX", "edgex");

    private final String displayName;
    private final String wireName;

    Venue(String displayName, String wireName) {
        this.displayName = displayName;
        this.wireName = wireName;
    }

    /** Human name for logs and operator messages, e.g. "EdgeX". */
    public String displayName() {
        return displayName;
    }

    /** Lower-case identifier used in config files, state files and metrics, e.g. "edgex". */
    public String wireName() {
        return wireName;
    }

    /** The other venue of the pair: the hedge always lives there. */
    public Venue other() {
        return this == LIGHTER ? EDGEX : LIGHTER;
    }

    /** Parses a wire or display name, case-insensitively. */
    public static Venue fromWire(String name) {
        if (name == null) {
            throw new IllegalArgumentException("venue name is null");
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Venue v : values()) {
            if (v.wireName.equals(n)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown venue '" + name + "' (expected lighter or edgex)");
    }

    @Override
    public String toString() {
        return displayName;
    }
}
