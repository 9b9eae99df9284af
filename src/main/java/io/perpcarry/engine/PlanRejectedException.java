package io.perpcarry.engine;

/** The hedge cannot be planned (below a venue minimum, stale data, venue unreadable, already positioned). */
public class PlanRejectedException extends RuntimeException {
    public PlanRejectedException(String message) {
        super(message);
    }

    public PlanRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
