package io.perpcarry.engine;

import io.perpcarry.domain.OrderSide;
import io.perpcarry.domain.Venue;
import io.perpcarry.state.Journal;
import io.perpcarry.venue.Fill;
import io.perpcarry.venue.OrderOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A finished cycle's trading result and fees as the venues booked them: the executions of the cycle's own orders
 * (opening legs, levelling, unwinds, closes), read back from each venue, never the IOC limit prices we sent. A fill
 * belongs to the cycle by its client order id (Lighter trades carry it) or by the venue order id of one of the
 * cycle's journaled orders (EdgeX fills carry only the venue's order id).
 */
public final class CycleBook {
    private final Venues venues;
    private final Journal journal;

    public CycleBook(Venues venues, Journal journal) {
        this.venues = venues;
        this.journal = journal;
    }

    /**
     * @param trading sum of the fills' cash flows (sells +, buys −): the trading PnL of a round trip that ends flat
     * @param fees    paid, positive = cost
     * @param volume  traded notional
     */
    public record Booked(BigDecimal trading, BigDecimal fees, BigDecimal volume, int fills) {
    }

    /** The cycle's fills on one venue, booked; throws when the venue cannot be read (never "no fills"). */
    public Booked book(Venue venue, String symbol, long cycleId) {
        Set<String> venueOrderIds = new HashSet<>();
        for (long clientOrderId : sentIn(cycleId, venue)) {
            OrderOutcome o = venues.read(venue, () -> venues.get(venue).orderOutcome(symbol, clientOrderId));
            o.venueOrderId().ifPresent(venueOrderIds::add);
        }
        List<Fill> fills = venues.read(venue, () -> venues.get(venue).fills(symbol, Instant.EPOCH));
        BigDecimal trading = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        BigDecimal volume = BigDecimal.ZERO;
        int n = 0;
        for (Fill f : fills) {
            boolean ours = f.clientOrderId() != 0 ? ClientOrderIds.cycleOf(f.clientOrderId()) == cycleId
                    : venueOrderIds.contains(f.venueOrderId());
            if (!ours) {
                continue;
            }
            BigDecimal cash = f.notional();
            trading = f.side() == OrderSide.SELL ? trading.add(cash) : trading.subtract(cash);
            fees = fees.add(f.fee());
            volume = volume.add(cash);
            n++;
        }
        return new Booked(trading, fees, volume, n);
    }

    private List<Long> sentIn(long cycleId, Venue venue) {
        return journal.readAll().stream()
                .filter(e -> e.type().equals("order_sent") && e.text("venue").map(venue.wireName()::equals).orElse(false))
                .filter(e -> e.text("cycle_id").map(Long::parseLong).map(c -> c == cycleId).orElse(false))
                .map(e -> e.number("client_order_id")).toList();
    }
}
