package io.perpcarry.venue;

import io.perpcarry.domain.Venue;
import java.time.Duration;
import java.util.Optional;

/**
 * A typed failure of a venue call. Messages carry the venue, the operation and the venue's own code and
 * message; never a credential.
 */
public final class VenueException extends RuntimeException {
    private final Venue venue;
    private final VenueErrorKind kind;
    private final String venueCode;
    private final Duration retryAfter;

    public VenueException(Venue venue, VenueErrorKind kind, String message, String venueCode, Duration retryAfter, Throwable cause) {
        super(venue.displayName() + " " + kind + ": " + message + (venueCode == null ? "" : " (code " + venueCode + ")"), cause);
        this.venue = venue;
        this.kind = kind;
        this.venueCode = venueCode;
        this.retryAfter = retryAfter;
    }

    public VenueException(Venue venue, VenueErrorKind kind, String message) {
        this(venue, kind, message, null, null, null);
    }

    public Venue venue() {
        return venue;
    }

    public VenueErrorKind kind() {
        return kind;
    }

    public Optional<String> venueCode() {
        return Optional.ofNullable(venueCode);
    }

    /** How long the venue asked us to wait (429), if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** True when retrying the same read may succeed. Writes are never retried on this basis alone. */
    public boolean isTransient() {
        return kind == VenueErrorKind.RATE_LIMITED || kind == VenueErrorKind.TIMEOUT || kind == VenueErrorKind.UNAVAILABLE;
    }
}
