package io.perpcarry.crypto.lighter;

/** An auth token was refused; {@link #reason()} says why. */
public final class LighterAuthTokenException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** Not {@code deadline:accountIndex:apiKeyIndex:signatureHex} with canonical decimal fields. */
        MALFORMED,
        /** The signature does not verify under the given public key. */
        BAD_SIGNATURE,
        /** The deadline has passed. */
        EXPIRED
    }

    private final Reason reason;

    public LighterAuthTokenException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
