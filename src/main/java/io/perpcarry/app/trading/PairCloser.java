package io.perpcarry.app.trading;

import io.perpcarry.domain.Venue;
import io.perpcarry.engine.CloseRequest;
import io.perpcarry.engine.EngineBeans;
import io.perpcarry.engine.HedgeCloser;
import io.perpcarry.engine.LegRole;
import io.perpcarry.state.BotState;
import io.perpcarry.venue.OpenOrder;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The close path of {@code close} and of the monitor's auto-close: reduce-only on both venues in parallel, fresh
 * prices each attempt, leftover orders in the symbol cancelled, then read back and verified flat. The bot's own
 * hedge (data directory ours, HOLDING) goes through {@link HedgeCloser} so its result is recorded; anything else
 * (bot running, a position not on record) through the engine's reduce-only executor directly.
 */
public final class PairCloser {
    private final TradingDesk desk;

    public PairCloser(TradingDesk desk) {
        this.desk = desk;
    }

    /** What {@link #close} would touch: the symbol given, or every symbol positioned on either venue. */
    public List<String> targets(Inventory inv, String symbol) {
        return symbol == null ? inv.positionedSymbols() : List.of(symbol);
    }

    public CloseReport close(Inventory before, List<String> symbols, String by) {
        EngineBeans b = desk.beans();
        List<String> actions = new ArrayList<>();
        for (Venue v : Venue.values()) {
            if (!before.of(v).known()) {
                // Closing one leg of a pair while the other venue is unknown could leave it naked: refuse.
                return new CloseReport(symbols, before, before, List.of(), "nothing sent: " + v.displayName()
                        + " cannot be read (" + before.of(v).error() + "); emergency-close flattens what it can",
                        ExitCodes.FAILED);
            }
        }
        for (String sym : symbols) {
            boolean ours = desk.ownsDataDir() && b.engine.state() == BotState.HOLDING
                    && b.engine.position().map(p -> p.symbol().equals(sym)).orElse(false);
            if (ours) {
                HedgeCloser.CloseOutcome out = b.closer.close(CloseRequest.manual(by));
                actions.add("bot's hedge " + sym + ": " + out.message());
            } else {
                actions.addAll(reduceBoth(b, before, sym));
            }
        }
        Inventory after = Inventory.read(b.venues);
        List<String> left = new ArrayList<>();
        for (String sym : symbols) {
            if (!after.flat(sym)) {
                after.leftLines().stream().filter(l -> l.contains(" " + sym + " ") || l.contains("UNKNOWN"))
                        .forEach(left::add);
            }
        }
        if (left.isEmpty()) {
            return new CloseReport(symbols, before, after, actions, "FLAT: " + String.join(", ", symbols)
                    + " verified flat on both venues", ExitCodes.OK);
        }
        return new CloseReport(symbols, before, after, actions, "NOT FLAT, left: " + String.join("; ", left),
                ExitCodes.EXPOSED);
    }

    private static List<String> reduceBoth(EngineBeans b, Inventory before, String sym) {
        long cycle = System.currentTimeMillis() / 1000;
        List<CompletableFuture<String>> work = new ArrayList<>();
        for (Venue v : Venue.values()) {
            if (before.of(v).signedSize(sym).signum() != 0) {
                work.add(CompletableFuture.supplyAsync(() ->
                        b.reducer.reduceTo(v, sym, BigDecimal.ZERO, cycle, LegRole.CLOSE).describe()));
            }
        }
        List<String> lines = new ArrayList<>(work.stream().map(CompletableFuture::join).toList());
        for (Venue v : Venue.values()) {
            try {
                for (OpenOrder o : b.venues.openOrders(v)) {
                    if (o.symbol().equals(sym)) {
                        b.venues.get(v).cancelOrder(sym, o.orderId());
                        lines.add(v.displayName() + " cancelled order " + o.orderId() + " in " + sym);
                    }
                }
            } catch (VenueException e) {
                lines.add(v.displayName() + " cancelling " + sym + " orders FAILED: " + e.getMessage());
            }
        }
        return lines;
    }

}
