package io.perpcarry.state;

/**
 * Where the rotation cycle stands. {@code IDLE -> ANALYZING -> OPENING -> HOLDING -> CLOSING -> WAITING -> IDLE};
 * {@code HALTED} is left only by a person (JMX resume after checking the venues, or an emergency close).
 */
public enum BotState {
    IDLE,
    ANALYZING,
    /** Orders of a hedge may be in flight: positions are unknown until read back. */
    OPENING,
    HOLDING,
    /** Reduce-only orders may be in flight. */
    CLOSING,
    WAITING,
    HALTED;

    /** States in which the venues may hold something of ours. */
    public boolean mayHoldPositions() {
        return this == OPENING || this == HOLDING || this == CLOSING || this == HALTED;
    }
}
