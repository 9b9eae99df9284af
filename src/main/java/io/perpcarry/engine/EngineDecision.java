package io.perpcarry.engine;

import io.perpcarry.domain.Opportunity;
import java.util.List;
import java.util.Optional;

/**
 * What {@link RotationEngine#onRanking} decided. OPEN carries the opportunity and the cycle it opens; ROTATE and
 * CLOSE ask the close route to take the hedge off (ROTATE names what ranked best; after the wait between cycles
 * the next scan opens it from fresh prices).
 */
public record EngineDecision(Action action, Optional<Opportunity> opportunity, long cycleId, String reason,
                             List<Opportunity> fallbacks) {

    public enum Action { OPEN, HOLD, ROTATE, CLOSE, WAIT }

    public EngineDecision {
        fallbacks = List.copyOf(fallbacks);
    }

    public EngineDecision(Action action, Optional<Opportunity> opportunity, long cycleId, String reason) {
        this(action, opportunity, cycleId, reason, List.of());
    }

    public static EngineDecision open(Opportunity o, long cycleId, String reason) {
        return new EngineDecision(Action.OPEN, Optional.of(o), cycleId, reason);
    }

    /**
     * OPEN {@code o}, and if it is refused at plan time (below a venue minimum at the capital available, closed,
     * stale) the next eligible ones in rank order, within the same scan and cycle.
     */
    public static EngineDecision open(Opportunity o, List<Opportunity> fallbacks, long cycleId, String reason) {
        return new EngineDecision(Action.OPEN, Optional.of(o), cycleId, reason, fallbacks);
    }

    /** This OPEN for the next candidate, same cycle. */
    public EngineDecision fallback(int i) {
        return new EngineDecision(action, Optional.of(fallbacks.get(i)), cycleId, "fell through to "
                + fallbacks.get(i).symbol(), List.of());
    }

    public static EngineDecision of(Action a, String reason) {
        return new EngineDecision(a, Optional.empty(), 0, reason);
    }

    public static EngineDecision rotate(Opportunity next, long cycleId, String reason) {
        return new EngineDecision(Action.ROTATE, Optional.of(next), cycleId, reason);
    }

    /** For the route's choice: "OPEN", "HOLD", ... */
    public String actionName() {
        return action.name();
    }
}
