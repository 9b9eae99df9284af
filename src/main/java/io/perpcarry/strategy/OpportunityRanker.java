package io.perpcarry.strategy;

import io.perpcarry.domain.CostBreakdown;
import io.perpcarry.domain.MarketSnapshot;
import io.perpcarry.domain.Opportunity;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.domain.Venue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Ranks every symbol for a Lighter/EdgeX funding carry: short the venue paying the higher hourly rate, long
 * the other.
 *
 * <p>Cost model, per leg notional N (see {@link CostBreakdown}):
 * <ul>
 *   <li>fees: 4 taker fills, N × 2 × (taker_L + taker_E);</li>
 *   <li>slippage: VWAP for N versus the venue's own mid on each leg's side, for the open (buy long venue,
 *       sell short venue) <em>and</em> the close (sell long venue, buy short venue). The close is estimated
 *       from today's books: we exit with takers too, and assuming a free exit would flatter thin markets;</li>
 *   <li>basis: N × (long mid − short mid) / average mid when that is positive (buying on the dearer venue is
 *       a cost); a favourable gap counts as zero, never as a gain: funding decides. Mids further apart than
 *       {@code max_spread_pct} exclude the market (the original bot's cross-venue filter).</li>
 * </ul>
 * Eligible also means openable: both contracts open to new positions and the target notional above both venues'
 * minimums. The funding rate used is {@link io.perpcarry.domain.FundingQuote#hourlyRate()} as the venue mapper
 * gives it: the ranker takes it as the rate paid over the hold and makes no venue-specific assumption.
 * Funding over the hold = N × (short hourly − long hourly) × hold hours, accrued continuously (EdgeX actually
 * settles every interval; for holds of a day or more the difference is a fraction of one interval).
 */
public final class OpportunityRanker {

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal HOURS_PER_YEAR = BigDecimal.valueOf(8760);

    private final RankingRules rules;
    private final PositionSizer sizer;

    public OpportunityRanker(RankingRules rules) {
        this(rules, null);
    }

    /** @param sizer the bot's sizer: a market whose venue minimums the target notional cannot meet is excluded */
    public OpportunityRanker(RankingRules rules, PositionSizer sizer) {
        this.rules = java.util.Objects.requireNonNull(rules, "rules");
        this.sizer = sizer;
    }

    public Ranking rank(Collection<MarketSnapshot> snapshots) {
        Map<String, Map<Venue, MarketSnapshot>> bySymbol = new TreeMap<>();
        for (MarketSnapshot s : snapshots) {
            MarketSnapshot previous = bySymbol.computeIfAbsent(s.symbol(), k -> new EnumMap<>(Venue.class))
                    .put(s.venue(), s);
            if (previous != null) {
                throw new IllegalArgumentException("two snapshots for " + s.spec().label());
            }
        }
        List<Opportunity> rows = new ArrayList<>();
        bySymbol.forEach((symbol, venues) -> rows.add(evaluate(symbol, venues)));
        rows.sort(ORDER);
        return new Ranking(rows);
    }

    /** Eligible first; within each group net APR descending (unknown last); then symbol for stability. */
    private static final Comparator<Opportunity> ORDER = Comparator
            .comparing((Opportunity o) -> !o.eligible())
            .thenComparing(Opportunity::netAprPct, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Opportunity::symbol);

    private Opportunity evaluate(String symbol, Map<Venue, MarketSnapshot> venues) {
        for (Venue v : Venue.values()) {
            if (!venues.containsKey(v)) {
                return Opportunity.unavailable(symbol, "no " + v.displayName() + " market");
            }
        }
        Legs legs = chooseLegs(venues.get(Venue.LIGHTER), venues.get(Venue.EDGEX));
        List<String> reasons = new ArrayList<>();
        BigDecimal n = rules.notionalUsd();

        BigDecimal hourlySpread = legs.shortLeg.funding().hourlyRate().subtract(legs.longLeg.funding().hourlyRate());
        BigDecimal grossApr = FundingMath.aprPercent(hourlySpread);
        BigDecimal volume = legs.longLeg.volume24hUsd().add(legs.shortLeg.volume24hUsd());

        BigDecimal longMid = legs.longLeg.book().mid();
        BigDecimal shortMid = legs.shortLeg.book().mid();
        BigDecimal avgMid = longMid.add(shortMid).divide(TWO);
        BigDecimal midGapFraction = shortMid.subtract(longMid).divide(avgMid, MC);

        if (volume.compareTo(rules.minCombinedVolumeUsd()) < 0) {
            reasons.add("24h volume " + Fmt.usd(volume) + " USD (both venues) < " + Fmt.usd(rules.minCombinedVolumeUsd())
                    + " USD");
        }
        BigDecimal gapPct = midGapFraction.abs().multiply(HUNDRED);
        if (gapPct.compareTo(rules.maxMidGapPct()) > 0) {
            reasons.add("mids differ by " + Fmt.fixed(gapPct, 3) + "% > " + Fmt.plain(rules.maxMidGapPct()) + "%");
        }
        for (MarketSnapshot s : List.of(venues.get(Venue.LIGHTER), venues.get(Venue.EDGEX))) {
            BigDecimal spread = s.book().spreadPct();
            if (spread.compareTo(rules.maxBookSpreadPct()) > 0) {
                reasons.add(s.venue().displayName() + " spread " + Fmt.fixed(spread, 2) + "% > "
                        + Fmt.plain(rules.maxBookSpreadPct()) + "%");
            }
            if (!s.spec().openable()) {
                reasons.add(s.spec().label() + " is closed to new positions");
            }
        }
        sizeCheck(venues, reasons);

        BigDecimal fees = n.multiply(TWO).multiply(legs.longLeg.spec().takerFeeRate().add(legs.shortLeg.spec().takerFeeRate()));
        Optional<BigDecimal> slippage = slippage(legs, reasons);
        // Funding decides: a favourable gap is never credited (it may be a stale book, and it need not converge
        // within the hold); an adverse one is paid at entry, so it is a cost.
        BigDecimal basis = n.multiply(midGapFraction).negate(MC).max(BigDecimal.ZERO);

        CostBreakdown costs = null;
        BigDecimal netApr = null;
        BigDecimal breakEven = null;
        if (slippage.isPresent()) {
            costs = new CostBreakdown(n, fees, slippage.get(), basis);
            BigDecimal holdHours = FundingMath.hours(rules.plannedHold());
            BigDecimal income = FundingMath.fundingOver(n, hourlySpread, rules.plannedHold());
            netApr = income.subtract(costs.totalUsd())
                    .divide(n, MC).multiply(HOURS_PER_YEAR).divide(holdHours, MC).multiply(HUNDRED, MC);
            breakEven = breakEvenHours(costs.totalUsd(), n.multiply(hourlySpread));
            if (netApr.compareTo(rules.minNetAprPct()) < 0) {
                reasons.add("net APR " + Fmt.fixed(netApr, 1) + "% < " + Fmt.plain(rules.minNetAprPct()) + "%");
            }
        }
        String reason = reasons.isEmpty() ? null : String.join("; ", reasons);
        return new Opportunity(symbol, legs.longLeg.venue(), legs.shortLeg.venue(), grossApr, costs, netApr,
                breakEven, volume, midGapFraction.multiply(HUNDRED), reason);
    }

    /** Sum of the four legs' book walks in USD; empty (with a reason) if a book cannot fill the notional. */
    private Optional<BigDecimal> slippage(Legs legs, List<String> reasons) {
        BigDecimal n = rules.notionalUsd();
        BigDecimal total = BigDecimal.ZERO;
        boolean known = true;
        record Walk(MarketSnapshot snap, OrderSide side) { }
        List<Walk> walks = List.of(
                new Walk(legs.longLeg, OrderSide.BUY), new Walk(legs.shortLeg, OrderSide.SELL),   // open
                new Walk(legs.longLeg, OrderSide.SELL), new Walk(legs.shortLeg, OrderSide.BUY));  // close
        for (Walk w : walks) {
            Optional<BigDecimal> frac = w.snap.book().slippageVsMid(w.side, n);
            if (frac.isEmpty()) {
                String msg = w.snap.venue().displayName() + " book too thin for a " + Fmt.usd(n) + " USD "
                        + w.side.name().toLowerCase(java.util.Locale.ROOT);
                if (!reasons.contains(msg)) {
                    reasons.add(msg);
                }
                known = false;
            } else {
                total = total.add(n.multiply(frac.get()));
            }
        }
        return known ? Optional.of(total) : Optional.empty();
    }

    /**
     * Only what can be sized is ranked: the target notional at the lower mid must clear both venues' minimums.
     * The capital actually available is checked again when the hedge is planned.
     */
    private void sizeCheck(Map<Venue, MarketSnapshot> venues, List<String> reasons) {
        if (sizer == null) {
            return;
        }
        MarketSnapshot l = venues.get(Venue.LIGHTER);
        MarketSnapshot e = venues.get(Venue.EDGEX);
        BigDecimal reference = l.book().mid().min(e.book().mid());
        BigDecimal unlimited = rules.notionalUsd().multiply(BigDecimal.valueOf(1_000_000));
        if (sizer.size(l.spec(), e.spec(), reference, unlimited, unlimited) instanceof SizingResult.BelowMinimum b) {
            reasons.add(b.message());
        }
    }

    private static BigDecimal breakEvenHours(BigDecimal totalCost, BigDecimal hourlyIncome) {
        if (totalCost.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        if (hourlyIncome.signum() == 0) {
            return null;
        }
        return totalCost.divide(hourlyIncome, MC);
    }

    private record Legs(MarketSnapshot longLeg, MarketSnapshot shortLeg) { }

    /**
     * Short the higher hourly rate. On an exact tie, short the venue with the higher mid (the basis is then
     * a gain); on a full tie, short EdgeX — arbitrary but deterministic.
     */
    private static Legs chooseLegs(MarketSnapshot lighter, MarketSnapshot edgex) {
        int byRate = lighter.funding().hourlyRate().compareTo(edgex.funding().hourlyRate());
        int cmp = byRate != 0 ? byRate : lighter.book().mid().compareTo(edgex.book().mid());
        return cmp > 0 ? new Legs(edgex, lighter) : new Legs(lighter, edgex);
    }
}
