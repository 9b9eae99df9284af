package io.perpcarry.app.trading;

import io.perpcarry.domain.Position;
import io.perpcarry.domain.Venue;
import io.perpcarry.engine.Venues;
import io.perpcarry.venue.OpenOrder;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every open position and order on both venues, read now. A venue that cannot be read is UNKNOWN, never flat.
 */
public record Inventory(Map<Venue, Holdings> byVenue) {

    /** One venue's positions and orders, or the read error. */
    public record Holdings(Venue venue, List<Position> positions, List<OpenOrder> orders, String error) {
        public boolean known() {
            return error == null;
        }

        public BigDecimal signedSize(String symbol) {
            return positions.stream().filter(p -> p.symbol().equals(symbol)).map(Position::signedSize)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    public static Inventory read(Venues venues) {
        Map<Venue, Holdings> m = new EnumMap<>(Venue.class);
        for (Venue v : Venue.values()) {
            try {
                List<Position> open = venues.account(v).positions().stream().filter(p -> !p.isFlat()).toList();
                m.put(v, new Holdings(v, open, venues.openOrders(v), null));
            } catch (VenueException e) {
                m.put(v, new Holdings(v, List.of(), List.of(), e.getMessage()));
            }
        }
        return new Inventory(m);
    }

    public Holdings of(Venue v) {
        return byVenue.get(v);
    }

    /** Known on both venues, no position and no order anywhere. */
    public boolean flat() {
        return byVenue.values().stream().allMatch(h -> h.known() && h.positions().isEmpty() && h.orders().isEmpty());
    }

    /** Known on both venues and no position or order in {@code symbol}. */
    public boolean flat(String symbol) {
        return byVenue.values().stream().allMatch(h -> h.known()
                && h.positions().stream().noneMatch(p -> p.symbol().equals(symbol))
                && h.orders().stream().noneMatch(o -> o.symbol().equals(symbol)));
    }

    /** Symbols positioned on either venue. */
    public List<String> positionedSymbols() {
        return byVenue.values().stream().flatMap(h -> h.positions().stream()).map(Position::symbol).distinct()
                .sorted().toList();
    }

    /** One line per position, order or unreadable venue ("Lighter: flat, no orders" when there is none). */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (Holdings h : byVenue.values()) {
            String name = h.venue().displayName();
            if (!h.known()) {
                out.add(name + ": UNKNOWN (" + h.error() + ")");
                continue;
            }
            if (h.positions().isEmpty() && h.orders().isEmpty()) {
                out.add(name + ": flat, no orders");
            }
            for (Position p : h.positions()) {
                out.add(name + " position " + p.symbol() + " " + (p.signedSize().signum() > 0 ? "LONG " : "SHORT ")
                        + p.absSize().toPlainString() + " @ " + p.entryPrice().toPlainString());
            }
            for (OpenOrder o : h.orders()) {
                out.add(name + " order " + o.orderId() + " " + o.symbol() + " " + o.side() + " "
                        + o.remainingSize().toPlainString() + " @ " + o.price().toPlainString()
                        + (o.reduceOnly() ? " reduce-only" : ""));
            }
        }
        return out;
    }

    /** What is still there (empty when flat): for "exit non-zero naming what is left". */
    public List<String> leftLines() {
        return lines().stream().filter(l -> !l.endsWith(": flat, no orders")).toList();
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Holdings h : byVenue.values()) {
            Map<String, Object> v = new LinkedHashMap<>();
            if (!h.known()) {
                v.put("error", h.error());
            } else {
                v.put("positions", h.positions().stream().map(p -> Map.of("symbol", p.symbol(),
                        "size", p.signedSize().toPlainString(), "entry_price", p.entryPrice().toPlainString())).toList());
                v.put("orders", h.orders().stream().map(o -> Map.of("order_id", o.orderId(), "symbol", o.symbol(),
                        "side", o.side().name(), "size", o.remainingSize().toPlainString(),
                        "price", o.price().toPlainString(), "reduce_only", o.reduceOnly())).toList());
            }
            m.put(h.venue().wireName(), v);
        }
        return m;
    }
}
