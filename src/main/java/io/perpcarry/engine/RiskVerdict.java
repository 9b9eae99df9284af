package io.perpcarry.engine;

import java.util.Optional;

/** Result of one risk pass: all clear, or a close request with its reason. */
public record RiskVerdict(Optional<CloseRequest> close, String summary) {
    public static RiskVerdict ok(String summary) {
        return new RiskVerdict(Optional.empty(), summary);
    }

    public static RiskVerdict close(CloseRequest r) {
        return new RiskVerdict(Optional.of(r), r.reason());
    }

    public boolean closeNeeded() {
        return close.isPresent();
    }

    /** The close request (the route sends it on to the closer). */
    public CloseRequest request() {
        return close.orElseThrow();
    }
}
