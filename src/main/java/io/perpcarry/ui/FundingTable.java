package io.perpcarry.ui;

import io.perpcarry.domain.MarketSnapshot;
import io.perpcarry.domain.Opportunity;
import io.perpcarry.domain.Venue;
import io.perpcarry.strategy.Ranking;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The funding table shown by {@code funding-all}, the dashboard and the logs: text and JSON forms. */
public final class FundingTable {
    private final List<FundingTableRow> rows;

    private FundingTable(List<FundingTableRow> rows) {
        this.rows = List.copyOf(rows);
    }

    /** Rows in ranking order (eligible first, best net APR first). */
    public static FundingTable of(Ranking ranking, Collection<MarketSnapshot> snapshots) {
        Map<String, BigDecimal> lighter = new LinkedHashMap<>();
        Map<String, BigDecimal> edgex = new LinkedHashMap<>();
        for (MarketSnapshot s : snapshots) {
            (s.venue() == Venue.LIGHTER ? lighter : edgex).put(s.symbol(), s.funding().aprPercent());
        }
        Optional<Opportunity> best = ranking.best();
        List<FundingTableRow> rows = new ArrayList<>();
        for (Opportunity o : ranking.rows()) {
            rows.add(new FundingTableRow(o.symbol(), lighter.get(o.symbol()), edgex.get(o.symbol()), o,
                    best.isPresent() && best.get() == o));
        }
        return new FundingTable(rows);
    }

    public List<FundingTableRow> rows() {
        return rows;
    }

    /** Fixed-width text; {@code currentSymbol} (nullable) is marked as the held hedge. */
    public String render(int limit, String currentSymbol) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%-7s %10s %10s %10s %10s %9s %-8s %-8s %12s %8s  %s%n", "SYMBOL", "LIGHTER%", "EDGEX%",
                "GROSS%", "NET%", "BE(h)", "LONG", "SHORT", "VOL24H$", "GAP%", ""));
        int shown = 0;
        for (FundingTableRow r : rows) {
            if (shown++ >= limit) {
                out.append(String.format("... %d more%n", rows.size() - limit));
                break;
            }
            Opportunity o = r.opportunity();
            String mark = r.best() ? "★ BEST" : "";
            if (r.symbol().equals(currentSymbol)) {
                mark = (mark + " ◀ CURRENT").trim();
            }
            if (!o.eligible()) {
                mark = (mark + " excluded: " + o.excludedReason()).trim();
            }
            out.append(String.format("%-7s %10s %10s %10s %10s %9s %-8s %-8s %12s %8s  %s%n", r.symbol(),
                    num(r.lighterAprPct(), 2), num(r.edgexAprPct(), 2), num(o.grossSpreadAprPct(), 2),
                    num(o.netAprPct(), 2), num(o.breakEvenHours(), 1), venue(o.longVenue()), venue(o.shortVenue()),
                    num(o.volume24hUsd(), 0), num(o.midGapPct(), 3), mark));
        }
        return out.toString();
    }

    /** JSON-ready rows with snake_case keys; numbers as plain decimal strings' values (BigDecimal). */
    public List<Map<String, Object>> toJson() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (FundingTableRow r : rows) {
            Opportunity o = r.opportunity();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("symbol", r.symbol());
            m.put("lighter_apr_pct", r.lighterAprPct());
            m.put("edgex_apr_pct", r.edgexAprPct());
            m.put("gross_spread_apr_pct", o.grossSpreadAprPct());
            m.put("net_apr_pct", o.netAprPct());
            m.put("break_even_hours", o.breakEvenHours());
            m.put("long_venue", o.longVenue() == null ? null : o.longVenue().wireName());
            m.put("short_venue", o.shortVenue() == null ? null : o.shortVenue().wireName());
            m.put("volume_24h_usd", o.volume24hUsd());
            m.put("mid_gap_pct", o.midGapPct());
            m.put("eligible", o.eligible());
            m.put("excluded_reason", o.excludedReason());
            m.put("best", r.best());
            out.add(m);
        }
        return out;
    }

    private static String num(BigDecimal v, int scale) {
        return v == null ? "-" : v.setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String venue(Venue v) {
        return v == null ? "-" : v.wireName();
    }
}
