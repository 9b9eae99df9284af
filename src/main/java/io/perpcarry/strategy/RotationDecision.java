package io.perpcarry.strategy;

import io.perpcarry.domain.Opportunity;

import java.util.Optional;

/**
 * @param next   the opportunity to open after closing; present only for CLOSE_AND_REOPEN
 * @param reason operator text
 */
public record RotationDecision(Action action, Optional<Opportunity> next, String reason) {

    public enum Action {
        /** Close both legs, then open {@code next}. */
        CLOSE_AND_REOPEN,
        /** Leave the hedge on and restart the hold clock. */
        EXTEND_HOLD,
        /** Close both legs and stay flat: nothing eligible. */
        CLOSE
    }

    public RotationDecision {
        if ((action == Action.CLOSE_AND_REOPEN) != next.isPresent()) {
            throw new IllegalArgumentException("a next opportunity goes with CLOSE_AND_REOPEN only");
        }
    }
}
