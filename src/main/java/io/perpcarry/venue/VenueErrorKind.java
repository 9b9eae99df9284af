package io.perpcarry.venue;

/** Why a venue call failed, in the terms the engine acts on. */
public enum VenueErrorKind {
    /** The venue answered and refused (its code and message are kept). Not retried. */
    REJECTED,
    /** HTTP 429 or the venue's rate-limit error. Reads wait as told and retry. */
    RATE_LIMITED,
    /** No answer in time. For a write the outcome is unknown: resolve by reading back. */
    TIMEOUT,
    /** Connection refused, 5xx, stream down. */
    UNAVAILABLE,
    /** The answer could not be understood (bad JSON, missing field, wrong unit). */
    MALFORMED_RESPONSE,
    /** Credentials refused or missing. */
    AUTH,
    /** A write whose result is not known (sent, then the connection failed). Never retried blindly. */
    UNKNOWN_OUTCOME,
    /** The request was wrong before it was sent (unknown symbol, size below minimum, ...). */
    INVALID_REQUEST
}
