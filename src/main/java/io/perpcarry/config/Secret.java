package io.perpcarry.config;

import java.util.Objects;

/**
 * A credential. Its text is reachable only through {@link #reveal()}, which signers call; {@code toString},
 * logs, exceptions and the dashboard see a mask.
 */
public final class Secret {
    public static final String MASK = "********";
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value);
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
