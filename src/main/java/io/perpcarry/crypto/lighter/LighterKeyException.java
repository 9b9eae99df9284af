package io.perpcarry.crypto.lighter;

/** A Lighter API private key could not be used. Messages never contain key material. */
public final class LighterKeyException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public LighterKeyException(String message) {
        super(message);
    }
}
