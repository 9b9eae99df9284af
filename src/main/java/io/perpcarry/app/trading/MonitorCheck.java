package io.perpcarry.app.trading;

import io.perpcarry.domain.Position;
import io.perpcarry.domain.Venue;
import io.perpcarry.engine.Venues;
import io.perpcarry.venue.AccountState;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One pass of the liquidation monitor, read-only: margin use and liquidation distance per venue, each leg's PnL,
 * and whether the positions are still hedges (one-sided, same-side, out of balance).
 */
public final class MonitorCheck {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext MC = MathContext.DECIMAL64;

    private final Venues venues;
    private final MonitorThresholds t;

    public MonitorCheck(Venues venues, MonitorThresholds thresholds) {
        this.venues = venues;
        this.t = thresholds;
    }

    public List<MonitorFinding> run() {
        List<MonitorFinding> out = new ArrayList<>();
        Map<Venue, AccountState> accounts = new EnumMap<>(Venue.class);
        for (Venue v : Venue.values()) {
            try {
                accounts.put(v, venues.account(v));
            } catch (VenueException e) {
                out.add(new MonitorFinding(MonitorLevel.RED, null, v.displayName() + " UNKNOWN: " + e.getMessage()));
            }
        }
        accounts.values().forEach(a -> out.add(margin(a)));
        accounts.values().forEach(a -> a.positions().stream().filter(p -> !p.isFlat()).forEach(p -> out.addAll(leg(p))));
        if (accounts.size() == 2) {
            TreeSet<String> symbols = new TreeSet<>();
            accounts.values().forEach(a -> a.positions().stream().filter(p -> !p.isFlat()).forEach(p -> symbols.add(p.symbol())));
            for (String s : symbols) {
                out.add(pair(s, accounts.get(Venue.LIGHTER).position(s).orElse(null),
                        accounts.get(Venue.EDGEX).position(s).orElse(null)));
            }
        }
        return out;
    }

    private MonitorFinding margin(AccountState a) {
        String name = a.venue().displayName();
        if (a.equity().signum() <= 0) {
            boolean holds = a.positions().stream().anyMatch(p -> !p.isFlat());
            return new MonitorFinding(holds ? MonitorLevel.RED : MonitorLevel.GREEN, null, name + " equity "
                    + a.equity().toPlainString() + " USD");
        }
        BigDecimal used = a.equity().subtract(a.availableBalance()).max(BigDecimal.ZERO).multiply(HUNDRED)
                .divide(a.equity(), 1, RoundingMode.HALF_UP);
        MonitorLevel l = used.compareTo(t.marginUsedPct()) >= 0 ? MonitorLevel.RED
                : used.compareTo(t.marginUsedPct().multiply(new BigDecimal("0.8"))) >= 0 ? MonitorLevel.YELLOW
                : MonitorLevel.GREEN;
        return new MonitorFinding(l, null, name + " margin used " + used.toPlainString() + " % (red at "
                + t.marginUsedPct().toPlainString() + " %), equity " + a.equity().setScale(2, RoundingMode.HALF_UP)
                .toPlainString() + " USD");
    }

    private List<MonitorFinding> leg(Position p) {
        List<MonitorFinding> out = new ArrayList<>();
        BigDecimal mark;
        try {
            mark = venues.read(p.venue(), () -> venues.get(p.venue()).orderBook(p.symbol(), 5)).mid();
        } catch (VenueException e) {
            out.add(new MonitorFinding(MonitorLevel.RED, p.symbol(), p.label() + " mark UNKNOWN: " + e.getMessage()));
            return out;
        }
        BigDecimal pnl = p.unrealizedPnl() != null ? p.unrealizedPnl()
                : mark.subtract(p.entryPrice()).multiply(p.signedSize());
        BigDecimal pnlPct = pnl.multiply(HUNDRED).divide(p.entryNotional(), 2, RoundingMode.HALF_UP);
        MonitorLevel pl = pnlPct.compareTo(t.pnlPct()) <= 0 ? MonitorLevel.RED
                : pnlPct.compareTo(t.pnlPct().divide(BigDecimal.valueOf(2), MC)) <= 0 ? MonitorLevel.YELLOW
                : MonitorLevel.GREEN;
        String liq = "liquidation not reported";
        MonitorLevel ll = MonitorLevel.GREEN;
        if (p.liquidationPrice() != null) {
            BigDecimal dist = mark.subtract(p.liquidationPrice()).abs().multiply(HUNDRED).divide(mark, 2, RoundingMode.HALF_UP);
            ll = dist.compareTo(t.liquidationPct()) <= 0 ? MonitorLevel.RED
                    : dist.compareTo(t.liquidationPct().multiply(BigDecimal.valueOf(2))) <= 0 ? MonitorLevel.YELLOW
                    : MonitorLevel.GREEN;
            liq = "liquidation " + p.liquidationPrice().toPlainString() + " is " + dist.toPlainString() + " % away";
        }
        out.add(new MonitorFinding(MonitorLevel.worse(pl, ll), p.symbol(), p.label() + " "
                + (p.signedSize().signum() > 0 ? "LONG " : "SHORT ") + p.absSize().toPlainString() + " mark "
                + mark.stripTrailingZeros().toPlainString() + ", PnL " + pnl.setScale(2, RoundingMode.HALF_UP).toPlainString()
                + " USD (" + pnlPct.toPlainString() + " %, red at " + t.pnlPct().toPlainString() + " %), " + liq));
        return out;
    }

    private MonitorFinding pair(String s, Position lighter, Position edgex) {
        if (lighter == null || edgex == null) {
            Position only = lighter == null ? edgex : lighter;
            return new MonitorFinding(MonitorLevel.RED, s, s + " ONE-SIDED: only " + only.label() + " "
                    + only.signedSize().toPlainString() + " (no hedge on " + only.venue().other().displayName() + ")");
        }
        if (lighter.signedSize().signum() == edgex.signedSize().signum()) {
            return new MonitorFinding(MonitorLevel.RED, s, s + " SAME SIDE on both venues: Lighter "
                    + lighter.signedSize().toPlainString() + ", EdgeX " + edgex.signedSize().toPlainString());
        }
        BigDecimal larger = lighter.absSize().max(edgex.absSize());
        BigDecimal gapPct = lighter.absSize().subtract(edgex.absSize()).abs().multiply(HUNDRED)
                .divide(larger, 2, RoundingMode.HALF_UP);
        MonitorLevel l = gapPct.compareTo(t.imbalancePct()) > 0 ? MonitorLevel.RED
                : gapPct.signum() > 0 ? MonitorLevel.YELLOW : MonitorLevel.GREEN;
        return new MonitorFinding(l, s, s + " hedge Lighter " + lighter.signedSize().toPlainString() + " / EdgeX "
                + edgex.signedSize().toPlainString() + (gapPct.signum() == 0 ? ", balanced"
                : ", legs differ by " + gapPct.toPlainString() + " % (red above " + t.imbalancePct().toPlainString() + " %)"));
    }
}
