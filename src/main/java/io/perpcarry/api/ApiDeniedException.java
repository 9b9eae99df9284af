package io.perpcarry.api;

/** An API call refused before anything was done: 401 (no or wrong token) or 403 (cross-origin). */
public final class ApiDeniedException extends RuntimeException {
    private final int status;

    public ApiDeniedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int getStatus() {
        return status;
    }
}
