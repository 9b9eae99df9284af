package io.perpcarry.app.trading;

/** A bad value from the operator (symbol, size, option); the message names it. Exit 2, nothing sent. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
