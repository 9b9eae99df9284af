package io.perpcarry.strategy;

import io.perpcarry.domain.Opportunity;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * End-of-hold decision from a fresh ranking.
 *
 * <ul>
 *   <li>ALWAYS → CLOSE_AND_REOPEN into the best, even when it is the same hedge; CLOSE when nothing is eligible.</li>
 *   <li>KEEP_IF_BEST judges the held hedge by its funding spread alone: it already paid its entry, and its exit is
 *       paid whether it leaves now or later, so re-entry costs are not charged to it. A candidate replaces it only
 *       when the candidate's net APR (after its own entry and exit costs, the switch's cost) beats the held spread;
 *       otherwise the hold is extended while the held spread still clears {@code min_net_apr_threshold}, and the
 *       hedge is closed when it does not (or when its funding cannot be read).</li>
 * </ul>
 */
public final class RotationPolicy {

    private final RotationMode mode;
    private final BigDecimal minNetAprPct;

    public RotationPolicy(RotationMode mode) {
        this(mode, BigDecimal.ZERO);
    }

    public RotationPolicy(RotationMode mode, BigDecimal minNetAprPct) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.minNetAprPct = Objects.requireNonNull(minNetAprPct, "minNetAprPct");
    }

    public RotationDecision decide(HeldHedge held, Ranking fresh) {
        Objects.requireNonNull(held, "held");
        Objects.requireNonNull(fresh, "fresh");
        return mode == RotationMode.ALWAYS ? always(held, fresh) : keepIfBest(held, fresh);
    }

    private RotationDecision always(HeldHedge held, Ranking fresh) {
        Optional<Opportunity> best = fresh.best();
        if (best.isEmpty()) {
            return close(held, "no eligible opportunity");
        }
        return reopen(held, best.get(), "rotation mode ALWAYS");
    }

    private RotationDecision keepIfBest(HeldHedge held, Ranking fresh) {
        Optional<BigDecimal> heldApr = heldSpreadApr(held, fresh);
        Optional<Opportunity> candidate = fresh.eligible().stream()
                .filter(o -> !o.sameHedgeAs(held.symbol(), held.longVenue())).findFirst();
        if (heldApr.isEmpty()) {
            return candidate.map(c -> reopen(held, c, "funding of " + describe(held) + " unknown"))
                    .orElseGet(() -> close(held, "no eligible opportunity and the funding of the held hedge is unknown"));
        }
        BigDecimal h = heldApr.get();
        if (candidate.isPresent() && candidate.get().netAprPct().compareTo(h) > 0) {
            Opportunity c = candidate.get();
            String why = (c.symbol().equals(held.symbol()) ? "direction flipped" : c.symbol() + " now ranks best")
                    + ": net " + Fmt.fixed(c.netAprPct(), 1) + "% after the switch's costs beats the held "
                    + Fmt.fixed(h, 1) + "% funding";
            return reopen(held, c, why);
        }
        if (h.compareTo(minNetAprPct) >= 0) {
            return new RotationDecision(RotationDecision.Action.EXTEND_HOLD, Optional.empty(),
                    describe(held) + " still earns " + Fmt.fixed(h, 1) + "% funding"
                            + candidate.map(c -> ", more than " + c.symbol() + " nets after the switch ("
                            + Fmt.fixed(c.netAprPct(), 1) + "%)").orElse("") + "; extending the hold");
        }
        return close(held, "no eligible opportunity and " + describe(held) + " earns only " + Fmt.fixed(h, 1)
                + "% < " + Fmt.plain(minNetAprPct) + "%");
    }

    /** The held hedge's gross funding spread, APR percent, in its own direction (negative when it flipped). */
    private static Optional<BigDecimal> heldSpreadApr(HeldHedge held, Ranking fresh) {
        return fresh.forSymbol(held.symbol())
                .filter(o -> o.longVenue() != null && o.grossSpreadAprPct() != null)
                .map(o -> o.longVenue() == held.longVenue() ? o.grossSpreadAprPct() : o.grossSpreadAprPct().negate());
    }

    private static RotationDecision close(HeldHedge held, String why) {
        return new RotationDecision(RotationDecision.Action.CLOSE, Optional.empty(),
                why + "; closing " + describe(held) + " and staying flat");
    }

    private static RotationDecision reopen(HeldHedge held, Opportunity b, String why) {
        return new RotationDecision(RotationDecision.Action.CLOSE_AND_REOPEN, Optional.of(b),
                why + "; closing " + describe(held) + ", opening " + b.symbol() + " long " + b.longVenue().displayName()
                        + " / short " + b.shortVenue().displayName());
    }

    private static String describe(HeldHedge h) {
        return h.symbol() + " long " + h.longVenue().displayName() + " / short " + h.shortVenue().displayName();
    }
}
