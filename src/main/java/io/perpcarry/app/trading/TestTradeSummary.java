package io.perpcarry.app.trading;

import io.perpcarry.domain.OrderSide;
import io.perpcarry.domain.Position;
import io.perpcarry.domain.Venue;
import io.perpcarry.state.CycleResult;
import io.perpcarry.state.VenuePnl;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test trade's numbers: per leg the fill (entry price read back from the venue), slippage against the mid
 * the operator confirmed (positive = paid), fees (entry and exit, taker), and the leg skew: the gap between the two
 * legs' answers, i.e. how long the pair was one-legged at most.
 */
public record TestTradeSummary(String symbol, List<Map<String, Object>> legs, long legSkewMillis,
                               BigDecimal totalFees, BigDecimal netPnl, boolean flat) {

    public static TestTradeSummary of(OpenReport open, CycleResult closed, boolean flat) {
        OpenPreview p = open.preview();
        List<Map<String, Object>> legs = new ArrayList<>();
        BigDecimal fees = BigDecimal.ZERO;
        for (TimedLeg t : open.legs()) {
            Venue v = t.leg().venue();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("venue", v.wireName());
            m.put("side", t.leg().side().name());
            m.put("size", t.leg().size().toPlainString());
            m.put("limit_price", t.leg().limitPrice().toPlainString());
            BigDecimal mid = p.mid(v);
            m.put("mid_at_confirm", mid.stripTrailingZeros().toPlainString());
            Position pos = open.after().of(v).positions().stream().filter(x -> x.symbol().equals(p.symbol()))
                    .findFirst().orElse(null);
            if (pos != null) {
                BigDecimal fill = pos.entryPrice();
                int sign = t.leg().side() == OrderSide.BUY ? 1 : -1;
                BigDecimal bps = fill.subtract(mid).multiply(BigDecimal.valueOf(10_000L * sign))
                        .divide(mid, 2, RoundingMode.HALF_UP);
                m.put("fill_price", fill.toPlainString());
                m.put("slippage_bps", bps.toPlainString());
            }
            m.put("latency_ms", t.latencyMillis());
            if (closed != null) {
                VenuePnl pnl = closed.pnl().get(v);
                m.put("fees_usd", money(pnl.fees()));
                m.put("trading_pnl_usd", money(pnl.trading()));
                fees = fees.add(pnl.fees());
            }
            legs.add(m);
        }
        long skew = open.legs().size() == 2
                ? Math.abs(open.legs().get(0).answeredNanos() - open.legs().get(1).answeredNanos()) / 1_000_000 : -1;
        return new TestTradeSummary(p.symbol(), legs, skew, fees, closed == null ? null : closed.netPnl(), flat);
    }

    private static String money(BigDecimal v) {
        return v.round(MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("test trade " + symbol + " summary:");
        for (Map<String, Object> l : legs) {
            out.add(String.format("  %-7s %-4s %s  limit %s  fill %s  mid %s  slippage %s bps  fees %s USD  latency %s ms",
                    l.get("venue"), l.get("side"), l.get("size"), l.get("limit_price"), l.getOrDefault("fill_price", "-"),
                    l.get("mid_at_confirm"), l.getOrDefault("slippage_bps", "-"), l.getOrDefault("fees_usd", "-"),
                    l.get("latency_ms")));
        }
        out.add("  leg skew " + legSkewMillis + " ms (gap between the two legs' answers)");
        out.add("  fees " + money(totalFees) + " USD, net " + (netPnl == null ? "-" : money(netPnl))
                + " USD (exits valued at their limit prices: an upper bound on cost)");
        out.add(flat ? "  closed: verified flat on both venues" : "  NOT FLAT after close");
        return out;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", symbol);
        m.put("legs", legs);
        m.put("leg_skew_ms", legSkewMillis);
        m.put("fees_usd", money(totalFees));
        m.put("net_pnl_usd", netPnl == null ? null : money(netPnl));
        m.put("flat", flat);
        return m;
    }
}
