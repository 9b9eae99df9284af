package io.perpcarry.app;

import io.perpcarry.domain.Position;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.AccountState;
import io.perpcarry.venue.FundingPayment;
import io.perpcarry.venue.OpenOrder;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What {@code status} found on both venues. A venue whose account could not be read is UNKNOWN: its positions are
 * not "none", and the report is incomplete (non-zero exit). Pure data + rendering, so it is unit-tested without
 * venues.
 *
 * @param accounts  per venue, the account read; absent when it failed (see {@code errors})
 * @param orders    per venue, the open orders; absent when they could not be read
 * @param funding   per venue, funding payments since {@code fundingHours} ago; absent when not read
 * @param marks     current mid per venue and symbol, for liquidation distance (missing = unknown)
 * @param errors    per venue, what could not be read and why
 */
record StatusReport(Map<Venue, AccountState> accounts, Map<Venue, List<OpenOrder>> orders,
                    Map<Venue, List<FundingPayment>> funding, Map<Venue, Map<String, BigDecimal>> marks,
                    Map<Venue, List<String>> errors, int fundingHours) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    boolean complete() {
        return errors.values().stream().allMatch(List::isEmpty);
    }

    /** Both legs' state for one symbol held on either venue. */
    record Hedge(String symbol, BigDecimal lighterSize, BigDecimal edgexSize) {
        /** HEDGED: opposite sides on the two venues; else UNHEDGED (one venue) or SAME_SIDE; UNKNOWN if a venue is. */
        String status(boolean venueUnknown) {
            if (lighterSize.signum() != 0 && edgexSize.signum() != 0) {
                return lighterSize.signum() != edgexSize.signum() ? "HEDGED" : "SAME_SIDE";
            }
            return venueUnknown ? "UNKNOWN" : "UNHEDGED";
        }

        /** Smaller leg / larger leg: 1 is a perfect hedge. Null when a leg is missing. */
        BigDecimal sizeRatio() {
            BigDecimal a = lighterSize.abs();
            BigDecimal b = edgexSize.abs();
            if (a.signum() == 0 || b.signum() == 0) {
                return null;
            }
            return a.min(b).divide(a.max(b), 6, RoundingMode.HALF_EVEN);
        }

        /** Base units left uncovered: the sum of the signed legs. */
        BigDecimal netExposure() {
            return lighterSize.add(edgexSize);
        }
    }

    List<Hedge> hedges() {
        Map<String, BigDecimal[]> by = new TreeMap<>();
        accounts.forEach((v, a) -> a.positions().stream().filter(p -> !p.isFlat()).forEach(p -> {
            BigDecimal[] legs = by.computeIfAbsent(p.symbol(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            legs[v == Venue.LIGHTER ? 0 : 1] = legs[v == Venue.LIGHTER ? 0 : 1].add(p.signedSize());
        }));
        List<Hedge> out = new ArrayList<>();
        by.forEach((s, l) -> out.add(new Hedge(s, l[0], l[1])));
        return out;
    }

    List<Position> positions() {
        List<Position> out = new ArrayList<>();
        for (Venue v : Venue.values()) {
            Optional.ofNullable(accounts.get(v)).ifPresent(a -> a.positions().stream().filter(p -> !p.isFlat()).forEach(out::add));
        }
        return out;
    }

    /** Funding received (positive) or paid on one leg over the window; null when not read. */
    BigDecimal fundingFor(Venue v, String symbol) {
        List<FundingPayment> l = funding.get(v);
        if (l == null) {
            return null;
        }
        return l.stream().filter(p -> p.symbol().equals(symbol)).map(FundingPayment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal mark(Position p) {
        return marks.getOrDefault(p.venue(), Map.of()).get(p.symbol());
    }

    /** |mark − liquidation| / mark in percent; null when either is unknown. */
    BigDecimal liquidationDistancePct(Position p) {
        BigDecimal mark = mark(p);
        if (mark == null || p.liquidationPrice() == null || mark.signum() <= 0) {
            return null;
        }
        return mark.subtract(p.liquidationPrice()).abs().divide(mark, MathContext.DECIMAL64).multiply(HUNDRED)
                .setScale(2, RoundingMode.HALF_EVEN);
    }

    private boolean unknown(Venue v) {
        return !accounts.containsKey(v);
    }

    String render() {
        StringBuilder b = new StringBuilder();
        for (Venue v : Venue.values()) {
            AccountState a = accounts.get(v);
            if (a == null) {
                b.append(String.format("%-8s UNKNOWN: %s%n", v.displayName(), String.join("; ", errors.getOrDefault(v, List.of()))));
            } else {
                b.append(String.format("%-8s equity %s USD, available %s USD%n", v.displayName(), usd(a.equity()),
                        usd(a.availableBalance())));
            }
        }
        b.append("\nPOSITIONS\n");
        List<Position> ps = positions();
        if (ps.isEmpty()) {
            b.append(accounts.size() == Venue.values().length ? "  none on either venue\n"
                    : "  none on the venues that could be read; UNKNOWN on the others\n");
        } else {
            b.append(String.format("  %-8s %-6s %14s %12s %12s %12s %12s %9s %12s%n", "VENUE", "SYMBOL", "SIZE", "ENTRY",
                    "MARK", "UPNL$", "LIQ", "LIQDIST%", "FUNDING$"));
            for (Position p : ps) {
                b.append(String.format("  %-8s %-6s %14s %12s %12s %12s %12s %9s %12s%n", p.venue().wireName(), p.symbol(),
                        p.signedSize().toPlainString(), num(p.entryPrice()), num(mark(p)), num(p.unrealizedPnl()),
                        num(p.liquidationPrice()), num(liquidationDistancePct(p)), num(fundingFor(p.venue(), p.symbol()))));
            }
        }
        List<Hedge> hs = hedges();
        if (!hs.isEmpty()) {
            b.append("\nHEDGES\n");
            for (Hedge h : hs) {
                boolean venueUnknown = unknown(h.lighterSize().signum() == 0 ? Venue.LIGHTER : Venue.EDGEX);
                BigDecimal ratio = h.sizeRatio();
                b.append(String.format("  %-6s %-9s lighter %s / edgex %s, size ratio %s, net exposure %s %s%n", h.symbol(),
                        h.status(venueUnknown), h.lighterSize().toPlainString(), h.edgexSize().toPlainString(),
                        ratio == null ? "-" : ratio.stripTrailingZeros().toPlainString(), h.netExposure().toPlainString(),
                        h.symbol()));
            }
        }
        b.append("\nOPEN ORDERS\n");
        for (Venue v : Venue.values()) {
            List<OpenOrder> os = orders.get(v);
            if (os == null) {
                b.append(String.format("  %-8s UNKNOWN%n", v.wireName()));
                continue;
            }
            if (os.isEmpty()) {
                b.append(String.format("  %-8s none%n", v.wireName()));
            }
            for (OpenOrder o : os) {
                b.append(String.format("  %-8s %-6s %-4s %s @ %s id %s%s%n", v.wireName(), o.symbol(), o.side(),
                        o.remainingSize().toPlainString(), o.price().toPlainString(), o.orderId(),
                        o.reduceOnly() ? " reduce-only" : ""));
            }
        }
        b.append("\nfunding received over the last ").append(fundingHours).append(" h:");
        for (Venue v : Venue.values()) {
            List<FundingPayment> l = funding.get(v);
            b.append(' ').append(v.wireName()).append(' ')
                    .append(l == null ? "UNKNOWN" : usd(l.stream().map(FundingPayment::amount).reduce(BigDecimal.ZERO, BigDecimal::add)));
        }
        b.append('\n');
        if (!complete()) {
            b.append("INCOMPLETE: ");
            List<String> all = new ArrayList<>();
            errors.forEach((v, es) -> es.forEach(e -> all.add(e)));
            b.append(String.join("; ", all)).append('\n');
        }
        return b.toString();
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("complete", complete());
        List<Map<String, Object>> venues = new ArrayList<>();
        for (Venue v : Venue.values()) {
            AccountState a = accounts.get(v);
            Map<String, Object> vm = new LinkedHashMap<>();
            vm.put("venue", v.wireName());
            vm.put("status", a == null ? "UNKNOWN" : "OK");
            vm.put("equity", a == null ? null : a.equity());
            vm.put("available", a == null ? null : a.availableBalance());
            vm.put("open_orders_known", orders.containsKey(v));
            vm.put("funding_received", funding.containsKey(v)
                    ? funding.get(v).stream().map(FundingPayment::amount).reduce(BigDecimal.ZERO, BigDecimal::add) : null);
            vm.put("errors", errors.getOrDefault(v, List.of()));
            venues.add(vm);
        }
        m.put("venues", venues);
        List<Map<String, Object>> ps = new ArrayList<>();
        for (Position p : positions()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("venue", p.venue().wireName());
            pm.put("symbol", p.symbol());
            pm.put("size", p.signedSize());
            pm.put("entry_price", p.entryPrice());
            pm.put("mark_price", mark(p));
            pm.put("unrealized_pnl", p.unrealizedPnl());
            pm.put("liquidation_price", p.liquidationPrice());
            pm.put("liquidation_distance_pct", liquidationDistancePct(p));
            pm.put("funding_received", fundingFor(p.venue(), p.symbol()));
            ps.add(pm);
        }
        m.put("positions", ps);
        List<Map<String, Object>> hs = new ArrayList<>();
        for (Hedge h : hedges()) {
            Map<String, Object> hm = new LinkedHashMap<>();
            hm.put("symbol", h.symbol());
            hm.put("status", h.status(unknown(h.lighterSize().signum() == 0 ? Venue.LIGHTER : Venue.EDGEX)));
            hm.put("lighter_size", h.lighterSize());
            hm.put("edgex_size", h.edgexSize());
            hm.put("size_ratio", h.sizeRatio());
            hm.put("net_exposure", h.netExposure());
            hs.add(hm);
        }
        m.put("hedges", hs);
        List<Map<String, Object>> os = new ArrayList<>();
        for (Venue v : Venue.values()) {
            for (OpenOrder o : orders.getOrDefault(v, List.of())) {
                Map<String, Object> om = new LinkedHashMap<>();
                om.put("venue", v.wireName());
                om.put("symbol", o.symbol());
                om.put("id", o.orderId());
                om.put("client_order_id", o.clientOrderId());
                om.put("side", o.side().name());
                om.put("price", o.price());
                om.put("remaining_size", o.remainingSize());
                om.put("reduce_only", o.reduceOnly());
                os.add(om);
            }
        }
        m.put("open_orders", os);
        m.put("funding_window_hours", fundingHours);
        return m;
    }

    static Map<Venue, List<String>> noErrors() {
        return new EnumMap<>(Venue.class);
    }

    private static String usd(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String num(BigDecimal v) {
        return v == null ? "-" : v.stripTrailingZeros().toPlainString();
    }

    static TreeSet<String> symbolsHeld(Map<Venue, AccountState> accounts) {
        TreeSet<String> s = new TreeSet<>();
        accounts.values().forEach(a -> a.positions().stream().filter(p -> !p.isFlat()).forEach(p -> s.add(p.symbol())));
        return s;
    }
}
