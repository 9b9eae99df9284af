package io.perpcarry.emulator.lighter;

/**
 * A refusal the emulator answers with Lighter's error body {@code {"code": code, "message": message}}
 * (OpenAPI {@code ResultCode}) and the given HTTP status (400 for every business error, as Lighter does).
 */
public final class LighterApiException extends RuntimeException {
    private final int httpStatus;
    private final int code;

    public LighterApiException(int httpStatus, int code, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    /** A 400 with the given code. */
    public static LighterApiException badRequest(int code, String message) {
        return new LighterApiException(400, code, message);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int code() {
        return code;
    }
}
