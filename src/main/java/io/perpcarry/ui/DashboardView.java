package io.perpcarry.ui;

import io.perpcarry.domain.Venue;
import io.perpcarry.state.HeldLeg;
import io.perpcarry.state.HeldPosition;
import io.perpcarry.ui.DashboardModel.LegView;
import io.perpcarry.ui.DashboardModel.VenueView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;

/** Renders a {@link DashboardModel} as text, with ANSI colour and in-place redraw on a terminal. */
public final class DashboardView {
    private static final String CLEAR = "\033[H\033[2J";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private final boolean ansi;

    public DashboardView(boolean ansi) {
        this.ansi = ansi;
    }

    public String render(DashboardModel m, int tableRows) {
        StringBuilder out = new StringBuilder();
        if (ansi) {
            out.append(CLEAR);
        }
        m.controlLine().ifPresent(l -> out.append(red(l)).append('\n')); // a person is needed: say so first
        out.append(bold("perpcarry " + m.mode())).append("  ").append(TIME.format(m.now())).append('\n');
        String state = m.state() + (m.paused() ? " (paused)" : "");
        out.append("state ").append(m.state().equals("HALTED") ? red(state) : green(state));
        if (m.haltReason() != null) {
            out.append("  ").append(red("HALTED: " + m.haltReason() + " — a person must look, then `bin/perpcarry resume --clear-halt`"));
        }
        out.append("   cycles ").append(m.cycles()).append("   net PnL (closed cycles) ").append(usd(m.netPnlAllCycles())).append('\n');
        m.position().ifPresentOrElse(p -> position(out, m, p), () -> out.append("no hedge on\n"));
        out.append("capital:");
        for (VenueView v : m.venues().values()) {
            out.append("  ").append(v.venue().displayName()).append(' ');
            out.append(v.known() ? "equity " + usd(v.equity()) + ", available " + usd(v.available())
                    : red("UNKNOWN (" + v.error() + ")"));
        }
        out.append('\n');
        m.fundingTable().ifPresent(t -> out.append('\n').append(t.render(tableRows,
                m.position().map(HeldPosition::symbol).orElse(null))));
        return out.toString();
    }

    private void position(StringBuilder out, DashboardModel m, HeldPosition p) {
        out.append("hedge ").append(bold(p.symbol())).append(": long ").append(p.longLeg().venue().displayName())
                .append(" / short ").append(p.shortLeg().venue().displayName())
                .append("   opened ").append(TIME.format(p.openedAt()))
                .append("   hold ends in ").append(duration(Duration.between(m.now(), p.targetCloseAt()))).append('\n');
        BigDecimal total = BigDecimal.ZERO;
        boolean totalKnown = true;
        for (Venue venue : Venue.values()) {
            HeldLeg leg = p.leg(venue);
            VenueView v = m.venues().get(venue);
            out.append(String.format("  %-8s %-5s size %-12s entry %-12s", venue.displayName(), leg.side(),
                    leg.size().stripTrailingZeros().toPlainString(), leg.entryPrice().stripTrailingZeros().toPlainString()));
            if (v == null || !v.known()) {
                out.append(red("UNKNOWN: " + (v == null ? "not read" : v.error()))).append('\n');
                totalKnown = false;
                continue;
            }
            LegView now = v.leg().orElse(null);
            if (now == null) {
                out.append(red("NO POSITION on the venue")).append('\n');
                totalKnown = false;
                continue;
            }
            BigDecimal pnl = now.unrealizedPnl() == null ? BigDecimal.ZERO : now.unrealizedPnl();
            BigDecimal funding = v.fundingThisHedge() == null ? BigDecimal.ZERO : v.fundingThisHedge();
            total = total.add(pnl).add(funding);
            out.append("uPnL ").append(signed(pnl)).append("  funding ").append(signed(funding));
            if (now.liquidationPrice() != null) {
                out.append("  liq ").append(now.liquidationPrice().stripTrailingZeros().toPlainString());
            }
            if (v.nextFundingIn() != null) {
                out.append("  next funding in ").append(duration(v.nextFundingIn()));
            }
            out.append('\n');
        }
        out.append("  total    ").append(totalKnown ? signed(total) : red("UNKNOWN")).append(" (uPnL + funding)\n");
    }

    private String signed(BigDecimal v) {
        String s = usd(v);
        return v.signum() < 0 ? red(s) : green(s);
    }

    static String usd(BigDecimal v) {
        return v == null ? "-" : v.setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " USD";
    }

    static String duration(Duration d) {
        if (d.isNegative()) {
            return "now";
        }
        long s = d.getSeconds();
        return String.format("%dh%02dm%02ds", s / 3600, (s % 3600) / 60, s % 60);
    }

    private String bold(String s) {
        return ansi ? "\033[1m" + s + "\033[0m" : s;
    }

    private String green(String s) {
        return ansi ? "\033[32m" + s + "\033[0m" : s;
    }

    private String red(String s) {
        return ansi ? "\033[31m" + s + "\033[0m" : s;
    }
}
