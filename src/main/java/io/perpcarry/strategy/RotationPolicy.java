package io.perpcarry.strategy;

import io.perpcarry.domain.Opportunity;

import java.util.Objects;
import java.util.Optional;

/**
 * End-of-hold decision from a fresh ranking.
 *
 * <ul>
 *   <li>No eligible opportunity → CLOSE, in both modes. The held hedge is judged by the same ranking as a new
 *       one (including re-entry costs); that is conservative — a hedge whose spread merely shrank is closed.</li>
 *   <li>ALWAYS → CLOSE_AND_REOPEN into the best, even when it is the same hedge.</li>
 *   <li>KEEP_IF_BEST → EXTEND_HOLD when the best is the same symbol with the same long venue; otherwise
 *       CLOSE_AND_REOPEN (a different symbol, or the same symbol with the direction flipped).</li>
 * </ul>
 */
public final class RotationPolicy {

    private final RotationMode mode;

    public RotationPolicy(RotationMode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    public RotationDecision decide(HeldHedge held, Ranking fresh) {
        Objects.requireNonNull(held, "held");
        Objects.requireNonNull(fresh, "fresh");
        Optional<Opportunity> best = fresh.best();
        if (best.isEmpty()) {
            return new RotationDecision(RotationDecision.Action.CLOSE, Optional.empty(),
                    "no eligible opportunity; closing " + describe(held) + " and staying flat");
        }
        Opportunity b = best.get();
        boolean same = b.sameHedgeAs(held.symbol(), held.longVenue());
        if (mode == RotationMode.KEEP_IF_BEST && same) {
            return new RotationDecision(RotationDecision.Action.EXTEND_HOLD, Optional.empty(),
                    describe(held) + " is still the best; extending the hold");
        }
        String why = mode == RotationMode.ALWAYS
                ? "rotation mode ALWAYS"
                : (b.symbol().equals(held.symbol()) ? "direction flipped" : b.symbol() + " now ranks best");
        return new RotationDecision(RotationDecision.Action.CLOSE_AND_REOPEN, best,
                why + "; closing " + describe(held) + ", opening " + b.symbol() + " long " + b.longVenue().displayName()
                        + " / short " + b.shortVenue().displayName());
    }

    private static String describe(HeldHedge h) {
        return h.symbol() + " long " + h.longVenue().displayName() + " / short " + h.shortVenue().displayName();
    }
}
