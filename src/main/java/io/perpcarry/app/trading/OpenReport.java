package io.perpcarry.app.trading;

import io.perpcarry.domain.Venue;
import io.perpcarry.engine.HedgePlan;
import io.perpcarry.engine.LegReconciler;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a manual open ended, judged from the venues read back (not from the acks): an equal and opposite pair, or
 * nothing left, or what is left.
 */
public record OpenReport(OpenPreview preview, HedgePlan plan, List<TimedLeg> legs, LegReconciler.OpenResult result,
                         Inventory after, boolean pair, String message, int exitCode) {

    public static OpenReport notSent(OpenPreview p, String why) {
        return new OpenReport(p, null, List.of(), null, null, false, why, ExitCodes.FAILED);
    }

    public static OpenReport after(OpenPreview p, HedgePlan plan, List<TimedLeg> legs, LegReconciler.OpenResult r,
                                   Inventory inv) {
        String sym = p.symbol();
        boolean known = inv.of(Venue.LIGHTER).known() && inv.of(Venue.EDGEX).known();
        BigDecimal l = inv.of(p.longVenue()).signedSize(sym);
        BigDecimal s = inv.of(p.shortVenue()).signedSize(sym);
        boolean pair = known && l.signum() > 0 && s.signum() < 0 && l.compareTo(s.negate()) == 0;
        if (pair) {
            return new OpenReport(p, plan, legs, r, inv, true, "OPEN: " + sym + " long " + p.longVenue().displayName()
                    + " " + l.toPlainString() + " / short " + p.shortVenue().displayName() + " "
                    + s.negate().toPlainString() + " (equal and opposite; the bot holds it from its next start)",
                    ExitCodes.OK);
        }
        if (known && inv.flat(sym)) {
            return new OpenReport(p, plan, legs, r, inv, false, "NOT OPENED (" + r + "): nothing left in " + sym
                    + "; " + outcomes(legs), ExitCodes.FAILED);
        }
        return new OpenReport(p, plan, legs, r, inv, false, "NOT A HEDGE (" + r + "), left: "
                + String.join("; ", inv.leftLines()) + " — " + outcomes(legs), ExitCodes.EXPOSED);
    }

    private static String outcomes(List<TimedLeg> legs) {
        List<String> out = new ArrayList<>();
        for (TimedLeg t : legs) {
            out.add(t.leg().venue().displayName() + " " + t.outcome().status() + " (" + t.outcome().message() + ")");
        }
        return String.join(", ", out);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", preview.symbol());
        m.put("long_venue", preview.longVenue().wireName());
        m.put("short_venue", preview.shortVenue().wireName());
        m.put("size", preview.size().toPlainString());
        m.put("notional_usd", preview.notionalUsd().toPlainString());
        m.put("hedge_id", plan == null ? null : plan.hedgeId());
        m.put("result", result == null ? "NOT_SENT" : result.name());
        m.put("pair", pair);
        List<Map<String, Object>> ls = new ArrayList<>();
        for (TimedLeg t : legs) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("venue", t.leg().venue().wireName());
            x.put("side", t.leg().side().name());
            x.put("size", t.leg().size().toPlainString());
            x.put("limit_price", t.leg().limitPrice().toPlainString());
            x.put("client_order_id", t.leg().clientOrderId());
            x.put("outcome", t.outcome().status().name());
            x.put("message", t.outcome().message());
            x.put("latency_ms", t.latencyMillis());
            ls.add(x);
        }
        m.put("legs", ls);
        m.put("after", after == null ? null : after.toJson());
        m.put("message", message);
        return m;
    }
}
