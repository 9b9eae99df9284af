package io.perpcarry.app.trading;

import io.perpcarry.domain.HedgeLeg;
import io.perpcarry.engine.LegOutcome;

/** One opening leg as sent, its outcome, and when it left and came back (System.nanoTime): the leg skew. */
public record TimedLeg(HedgeLeg leg, LegOutcome outcome, long sentNanos, long answeredNanos) {
    public long latencyMillis() {
        return (answeredNanos - sentNanos) / 1_000_000;
    }
}
