package io.perpcarry.emulator.engine;

import java.util.List;

/**
 * Outcome of {@link Exchange#submit}: accepted with an {@link Order} (its final or resting state) and the
 * fills it produced, or rejected with a reason and a human message (and no state change).
 */
public record OrderResult(boolean accepted, Order order, List<Fill> fills, RejectReason rejectReason, String message) {
    public OrderResult {
        fills = List.copyOf(fills);
    }

    public static OrderResult accepted(Order order, List<Fill> fills) {
        return new OrderResult(true, order, fills, null, null);
    }

    public static OrderResult rejected(RejectReason reason, String message) {
        return new OrderResult(false, null, List.of(), reason, message);
    }
}
