package io.perpcarry.domain;

import java.math.BigDecimal;
import java.util.Objects;

/** Argument checks for compact constructors; messages name the field so a bad venue payload is traceable. */
public final class Checks {
    private Checks() {
    }

    public static <T> T required(T value, String field) {
        return Objects.requireNonNull(value, field + " is required");
    }

    public static String text(String value, String field) {
        required(value, field);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    public static BigDecimal positive(BigDecimal value, String field) {
        required(value, field);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(field + " must be > 0, got " + value.toPlainString());
        }
        return value;
    }

    public static BigDecimal nonNegative(BigDecimal value, String field) {
        required(value, field);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(field + " must be >= 0, got " + value.toPlainString());
        }
        return value;
    }
}
