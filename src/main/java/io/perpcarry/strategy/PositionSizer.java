package io.perpcarry.strategy;

import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.Venue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Sizes a hedge: one base size for both legs so the position is delta-neutral to the step.
 *
 * <p>size = floor_to_common_step(min(target notional, weaker venue's available × leverage × (1 − buffer)) / price).
 * The common step is the least common multiple of both venues' size steps, so the size is valid on each. Flooring
 * keeps us under the cap; if that lands below a venue minimum we refuse rather than round up past the cap.
 */
public final class PositionSizer {

    private final SizingRules rules;

    public PositionSizer(SizingRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * @param lighter          Lighter market spec
     * @param edgex            EdgeX market spec for the same symbol
     * @param referencePrice   price used to turn notional into size and to check min quote notional; pass a
     *                         conservative one (e.g. the lower of the two mids) so min-notional holds on both
     * @param lighterAvailable free collateral on Lighter, USD (negative treated as 0)
     * @param edgexAvailable   free collateral on EdgeX, USD (negative treated as 0)
     */
    public SizingResult size(MarketSpec lighter, MarketSpec edgex, BigDecimal referencePrice,
                             BigDecimal lighterAvailable, BigDecimal edgexAvailable) {
        requireVenue(lighter, Venue.LIGHTER);
        requireVenue(edgex, Venue.EDGEX);
        if (!lighter.symbol().equals(edgex.symbol())) {
            throw new IllegalArgumentException("cannot hedge " + lighter.label() + " with " + edgex.label());
        }
        if (referencePrice == null || referencePrice.signum() <= 0) {
            throw new IllegalArgumentException("referencePrice must be > 0, got " + referencePrice);
        }
        BigDecimal step = StepMath.lcm(lighter.sizeStep(), edgex.sizeStep());
        BigDecimal lighterPower = buyingPower(lighterAvailable);
        BigDecimal edgexPower = buyingPower(edgexAvailable);

        BigDecimal cap = rules.notionalPerPositionUsd();
        String capSource = "target notional";
        if (lighterPower.compareTo(cap) < 0 || edgexPower.compareTo(cap) < 0) {
            boolean edgexWeaker = edgexPower.compareTo(lighterPower) < 0;
            cap = edgexWeaker ? edgexPower : lighterPower;
            capSource = (edgexWeaker ? "EdgeX" : "Lighter") + " available capital";
        }
        // Exact floor: k = floor(cap / (price × step)), size = k × step.
        BigDecimal size = cap.divide(referencePrice.multiply(step), 0, RoundingMode.FLOOR).multiply(step);

        List<SizingResult.BelowMinimum> violations = new ArrayList<>();
        for (MarketSpec spec : List.of(lighter, edgex)) {
            if (size.compareTo(spec.minBaseSize()) < 0) {
                violations.add(below(spec, "min base size", spec.minBaseSize(), spec.symbol(),
                        spec.minBaseSize(), size, referencePrice, cap, capSource));
            }
            if (size.multiply(referencePrice).compareTo(spec.minQuoteNotional()) < 0) {
                violations.add(below(spec, "min quote notional", spec.minQuoteNotional(), "USD",
                        spec.minQuoteNotional().divide(referencePrice, MathContext.DECIMAL64), size, referencePrice,
                        cap, capSource));
            }
        }
        if (!violations.isEmpty()) {
            // Report the most demanding minimum: raising capital past it clears every other one too.
            return violations.stream().max(Comparator.comparing(v -> requiredSize(v, referencePrice))).orElseThrow();
        }
        if (size.signum() == 0) {
            Venue coarser = step.compareTo(edgex.sizeStep()) == 0 ? Venue.EDGEX : Venue.LIGHTER;
            return below(coarser == Venue.EDGEX ? edgex : lighter, "one size step", step, lighter.symbol(), step,
                    size, referencePrice, cap, capSource);
        }
        return new SizingResult.Sized(size, step, size.multiply(referencePrice), cap, capSource);
    }

    private BigDecimal buyingPower(BigDecimal available) {
        Objects.requireNonNull(available, "available capital is required");
        BigDecimal a = available.max(BigDecimal.ZERO);
        return a.multiply(rules.leverage()).multiply(BigDecimal.ONE.subtract(rules.marginBuffer()));
    }

    private static BigDecimal requiredSize(SizingResult.BelowMinimum v, BigDecimal price) {
        return v.unit().equals("USD") ? v.minimum().divide(price, MathContext.DECIMAL64) : v.minimum();
    }

    private static SizingResult.BelowMinimum below(MarketSpec spec, String constraint, BigDecimal minimum,
                                                   String unit, BigDecimal requiredSize, BigDecimal size,
                                                   BigDecimal price, BigDecimal cap, String capSource) {
        String message = "cannot open " + spec.symbol() + ": " + spec.venue().displayName() + " " + constraint
                + " is " + Fmt.plain(minimum) + " " + unit + " (needs " + Fmt.plain(requiredSize.round(MathContext.DECIMAL64))
                + " " + spec.symbol() + "), but the cap allows only " + Fmt.plain(size) + " " + spec.symbol()
                + " = " + Fmt.fixed(size.multiply(price), 2) + " USD (cap " + Fmt.fixed(cap, 2) + " USD set by "
                + capSource + ")";
        return new SizingResult.BelowMinimum(spec.venue(), constraint, minimum, unit, size, message);
    }

    private static void requireVenue(MarketSpec spec, Venue venue) {
        Objects.requireNonNull(spec, venue.displayName() + " spec is required");
        if (spec.venue() != venue) {
            throw new IllegalArgumentException("expected a " + venue.displayName() + " spec, got " + spec.label());
        }
    }
}
