package io.perpcarry.venue.http;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounded retries with exponential backoff and full jitter, for idempotent reads only. A 429's own
 * Retry-After wins over the computed delay (capped at {@code maxDelay}).
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5));
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1");
        }
    }

    /** The pause before attempt {@code attempt + 1} (attempt counts from 1). */
    public Duration delayAfter(int attempt, Duration venueAsked) {
        if (venueAsked != null) {
            return venueAsked.compareTo(maxDelay) > 0 ? maxDelay : venueAsked;
        }
        long cap = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
    }
}
