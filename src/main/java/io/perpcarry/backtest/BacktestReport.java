package io.perpcarry.backtest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.domain.Venue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The backtest's result: one row per combination, as a table or JSON. Every figure is rounded the same way each time
 * (HALF_EVEN, fixed scales) and nothing depends on the wall clock: the same data and config print the same bytes.
 */
public record BacktestReport(String source, boolean books, Instant from, Instant to, Map<Venue, BigDecimal> capital,
                             CostModel cost, List<BacktestRow> rows) {
    private static final BigDecimal DAYS_PER_YEAR = BigDecimal.valueOf(365);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    public String table() {
        StringBuilder b = new StringBuilder();
        b.append("backtest of ").append(source).append(": ").append(from).append(" .. ").append(to).append(" (")
                .append(days().setScale(1, RoundingMode.HALF_EVEN).toPlainString()).append(" days), ")
                .append(books ? "fills walk the recorded books" : "funding history only: taker fees + "
                        + cost.slippageBps().toPlainString() + " bps slippage per fill")
                .append('\n');
        b.append("capital: Lighter ").append(usd(capital.get(Venue.LIGHTER))).append(" USD, EdgeX ")
                .append(usd(capital.get(Venue.EDGEX))).append(" USD; figures in USD\n\n");
        String fmt = "%-4s %6s %7s %9s %9s %8s %8s %8s %9s %8s %8s %5s %9s %7s%n";
        b.append(String.format(fmt, "#", "cycles", "in mkt", "fund L", "fund E", "fees", "slippage", "basis", "net PnL",
                "APR %", "max DD", "stops", "foresight", "capture"));
        for (int i = 0; i < rows.size(); i++) {
            BacktestRow row = rows.get(i);
            RunResult r = row.result();
            b.append(String.format(fmt, i + 1, r.cycles(), pct(inMarketFraction(r)) + "%", usd(r.funding().get(Venue.LIGHTER)),
                    usd(r.funding().get(Venue.EDGEX)), usd(r.fees()), usd(r.slippage()), usd(r.basis()), usd(r.net()),
                    pct(apr(r)), usd(r.maxDrawdown()), r.stopLosses(), usd(row.foresightNet()),
                    row.captureRatio() == null ? "n/a" : row.captureRatio().setScale(2, RoundingMode.HALF_EVEN).toPlainString()));
        }
        b.append('\n');
        for (int i = 0; i < rows.size(); i++) {
            b.append(String.format("%-4s %s%n", i + 1, rows.get(i).label()));
        }
        b.append("\nnet = funding + trading (basis - slippage) - fees; APR on the capital of both venues; capture = net / "
                + "foresight, the best net any sequence of the same actions reaches on the same data (n/a when <= 0)\n");
        return b.toString();
    }

    public ObjectNode json() {
        ObjectNode o = F.objectNode();
        o.put("source", source);
        o.put("fills", books ? "recorded books" : "cost model");
        o.put("from", from.toString());
        o.put("to", to.toString());
        o.put("days", days().setScale(4, RoundingMode.HALF_EVEN));
        ObjectNode cap = o.putObject("capital");
        capital.forEach((v, c) -> cap.put(v.wireName(), c));
        o.put("slippage_bps", cost.slippageBps());
        ArrayNode runs = o.putArray("runs");
        for (BacktestRow row : rows) {
            RunResult r = row.result();
            ObjectNode j = runs.addObject();
            ObjectNode p = j.putObject("params");
            row.params().forEach(p::put);
            j.put("cycles", r.cycles());
            j.put("time_in_market_pct", pct(inMarketFraction(r)));
            ObjectNode f = j.putObject("funding");
            r.funding().forEach((v, x) -> f.put(v.wireName(), money(x)));
            j.put("fees", money(r.fees()));
            j.put("slippage", money(r.slippage()));
            j.put("basis", money(r.basis()));
            j.put("trading", money(r.trading()));
            j.put("net_pnl", money(r.net()));
            j.put("apr_on_capital_pct", pctValue(apr(r)));
            j.put("max_drawdown", money(r.maxDrawdown()));
            j.put("stop_losses", r.stopLosses());
            j.put("rejected_opens", r.rejectedOpens());
            j.put("foresight_net_pnl", money(row.foresightNet()));
            if (row.captureRatio() == null) {
                j.putNull("capture_ratio");
            } else {
                j.put("capture_ratio", row.captureRatio());
            }
        }
        return o;
    }

    private BigDecimal days() {
        return BigDecimal.valueOf(Duration.between(from, to).getSeconds()).divide(BigDecimal.valueOf(86400), MathContext.DECIMAL64);
    }

    private static BigDecimal inMarketFraction(RunResult r) {
        if (r.period().isZero()) {
            return BigDecimal.ZERO;
        }
        return BigDecimal.valueOf(r.inMarket().getSeconds()).divide(BigDecimal.valueOf(r.period().getSeconds()), MathContext.DECIMAL64);
    }

    /** net / capital, annualised over the replayed period, as a fraction. */
    private static BigDecimal apr(RunResult r) {
        if (r.period().isZero() || r.capital().signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal years = BigDecimal.valueOf(r.period().getSeconds()).divide(BigDecimal.valueOf(86400), MathContext.DECIMAL64)
                .divide(DAYS_PER_YEAR, MathContext.DECIMAL64);
        return r.net().divide(r.capital(), MathContext.DECIMAL64).divide(years, MathContext.DECIMAL64);
    }

    private static String pct(BigDecimal fraction) {
        return pctValue(fraction).toPlainString();
    }

    private static BigDecimal pctValue(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(4, RoundingMode.HALF_EVEN);
    }

    private static String usd(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }
}
