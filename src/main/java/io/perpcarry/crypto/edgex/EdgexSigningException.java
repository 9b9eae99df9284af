package io.perpcarry.crypto.edgex;

/**
 * Every failure of the EdgeX signing code. Messages never carry key material, API secrets or
 * passphrases: callers may log them as they are.
 */
public final class EdgexSigningException extends RuntimeException {

    /** What went wrong, so callers can react without parsing messages. */
    public enum Kind {
        /** The trading private key is malformed or outside [1, n-1]. */
        INVALID_KEY,
        /** An order, request or credential argument is missing or out of range. */
        INVALID_ARGUMENT,
        /** A derived amount cannot be represented exactly as the protocol requires. */
        UNREPRESENTABLE_AMOUNT,
        /** A signature is malformed or does not recover to a public key. */
        INVALID_SIGNATURE
    }

    private final Kind kind;

    public EdgexSigningException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static EdgexSigningException invalidArgument(String message) {
        return new EdgexSigningException(Kind.INVALID_ARGUMENT, message);
    }

    /** A typed replacement for {@code Objects.requireNonNull} on public inputs. */
    static <T> T require(T value, String name) {
        if (value == null) {
            throw invalidArgument(name + " is missing");
        }
        return value;
    }
}
