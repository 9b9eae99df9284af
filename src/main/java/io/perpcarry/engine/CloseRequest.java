package io.perpcarry.engine;

/** Why the hedge is being taken off; {@code stopLoss} counts it in the stats. */
public record CloseRequest(String reason, Kind kind) {
    public enum Kind { END_OF_HOLD, ROTATION, STOP_LOSS, LIQUIDATION_DISTANCE, IMBALANCE, STALE_DATA, MANUAL }

    public static CloseRequest manual(String by) {
        return new CloseRequest("close requested by " + by, Kind.MANUAL);
    }

    /** The engine's CLOSE / ROTATE decision as a close request. */
    public static CloseRequest from(EngineDecision d) {
        return new CloseRequest(d.reason(), d.action() == EngineDecision.Action.ROTATE ? Kind.ROTATION : Kind.END_OF_HOLD);
    }

    public boolean stopLoss() {
        return kind == Kind.STOP_LOSS;
    }
}
