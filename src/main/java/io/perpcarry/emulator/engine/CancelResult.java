package io.perpcarry.emulator.engine;

/** Outcome of cancelling one order: the order's final state, or why nothing was cancelled. */
public record CancelResult(boolean canceled, Order order, RejectReason failure) {
    public static CancelResult canceled(Order order) {
        return new CancelResult(true, order, null);
    }

    /** {@code order} is the order's current state when it exists (e.g. already filled), else null. */
    public static CancelResult failed(Order order, RejectReason failure) {
        return new CancelResult(false, order, failure);
    }
}
