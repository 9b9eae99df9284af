package io.perpcarry.engine;

import io.perpcarry.domain.Opportunity;
import java.util.Optional;

/**
 * What {@link RotationEngine#onRanking} decided. OPEN carries the opportunity and the cycle it opens; ROTATE and
 * CLOSE ask the close route to take the hedge off (ROTATE names what ranked best; after the wait between cycles
 * the next scan opens it from fresh prices).
 */
public record EngineDecision(Action action, Optional<Opportunity> opportunity, long cycleId, String reason) {

    public enum Action { OPEN, HOLD, ROTATE, CLOSE, WAIT }

    public static EngineDecision open(Opportunity o, long cycleId, String reason) {
        return new EngineDecision(Action.OPEN, Optional.of(o), cycleId, reason);
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
