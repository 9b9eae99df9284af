package io.perpcarry.emulator.engine;

/** Thrown by engine calls other than {@code submit} (which returns a rejected {@link OrderResult} instead). */
public final class EngineRejection extends RuntimeException {
    private final RejectReason reason;

    public EngineRejection(RejectReason reason, String message) {
        super(reason + ": " + message);
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
