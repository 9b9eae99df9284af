package io.perpcarry.engine;

import java.time.Duration;

/** Waits between a write and its read-back. Injectable so tests do not sleep. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration d);

    Sleeper REAL = d -> {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a venue", e);
        }
    };

    Sleeper NONE = d -> { };
}
