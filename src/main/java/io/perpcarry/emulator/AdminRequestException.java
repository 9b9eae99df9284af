package io.perpcarry.emulator;

/** A bad {@code /_emulator/*} request body; the message names the field. Wire layers answer HTTP 400. */
public final class AdminRequestException extends RuntimeException {
    public AdminRequestException(String message) {
        super(message);
    }
}
