package io.perpcarry.venue;

import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.MarketSnapshot;
import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.Venue;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A venue seen on the engine's clock: funding instants (payments, settled rates, and the bounds asked for) are
 * converted by {@link VenueTime}; everything else passes through. Fills keep their wire times (only the bound asked
 * for is converted): the engine matches them by client order id, never by time. Used only when the engine's clock is not the venues' (the demo).
 */
public final class EngineTimeConnector implements VenueConnector {
    private final VenueConnector venue;
    private final VenueTime time;

    private EngineTimeConnector(VenueConnector venue, VenueTime time) {
        this.venue = Objects.requireNonNull(venue, "venue");
        this.time = Objects.requireNonNull(time, "time");
    }

    /** {@code venue} itself when both clocks are the same (live). */
    public static VenueConnector on(VenueConnector venue, VenueTime time) {
        return time.same() ? venue : new EngineTimeConnector(venue, time);
    }

    /** The venue's own connector under the conversion ({@code c} itself when it is not converted). */
    public static VenueConnector wire(VenueConnector c) {
        return c instanceof EngineTimeConnector e ? e.venue : c;
    }

    @Override
    public List<FundingPayment> fundingPayments(Instant since) {
        List<FundingPayment> paid = venue.fundingPayments(time.venueFrom(since));
        Map<String, MarketSpec> markets = paid.isEmpty() ? Map.of() : venue.markets();
        return paid.stream().map(p -> {
            MarketSpec spec = markets.get(p.symbol());
            Instant at = spec == null ? time.toEngine(p.settledAt())
                    : time.settlementToEngine(p.settledAt(), spec.fundingInterval());
            return new FundingPayment(p.venue(), p.symbol(), at, p.rate(), p.positionSize(), p.amount());
        }).filter(p -> !p.settledAt().isBefore(since)).toList();
    }

    @Override
    public List<FundingQuote> settledFunding(String symbol, int limit) {
        return venue.settledFunding(symbol, limit).stream().map(this::settled).toList();
    }

    @Override
    public List<FundingQuote> settledFundingBetween(String symbol, Instant from, Instant to) {
        return venue.settledFundingBetween(symbol, time.venueFrom(from), time.venueTo(to)).stream().map(this::settled)
                .filter(q -> !q.observedAt().isBefore(from) && q.observedAt().isBefore(to)).toList();
    }

    private FundingQuote settled(FundingQuote q) {
        Duration interval = q.interval();
        return new FundingQuote(q.venue(), q.symbol(), q.rate(), interval, time.settlementToEngine(q.observedAt(), interval));
    }

    // ---- unchanged ----

    @Override
    public Venue venue() {
        return venue.venue();
    }

    @Override
    public Map<String, MarketSpec> markets() {
        return venue.markets();
    }

    @Override
    public Map<String, FundingQuote> fundingQuotes() {
        return venue.fundingQuotes();
    }

    @Override
    public Map<String, MarketSnapshot> snapshots(Collection<String> symbols) {
        return venue.snapshots(symbols);
    }

    @Override
    public OrderBook orderBook(String symbol, int depth) {
        return venue.orderBook(symbol, depth);
    }

    @Override
    public AccountState account() {
        return venue.account();
    }

    @Override
    public List<OpenOrder> openOrders() {
        return venue.openOrders();
    }

    @Override
    public OrderAck placeOrder(OrderRequest order) {
        return venue.placeOrder(order);
    }

    @Override
    public PreparedOrder prepare(OrderRequest order) {
        return venue.prepare(order);
    }

    @Override
    public OrderAck send(PreparedOrder prepared) {
        return venue.send(prepared);
    }

    @Override
    public void cancelOrder(String symbol, String orderId) {
        venue.cancelOrder(symbol, orderId);
    }

    @Override
    public void cancelAllOrders() {
        venue.cancelAllOrders();
    }

    @Override
    public void setLeverage(String symbol, int leverage) {
        venue.setLeverage(symbol, leverage);
    }

    @Override
    public java.time.Duration clockTolerance() {
        return venue.clockTolerance();
    }

    @Override
    public Instant serverTime() {
        return venue.serverTime();
    }

    @Override
    public OrderOutcome orderOutcome(String symbol, long clientOrderId) {
        return venue.orderOutcome(symbol, clientOrderId);
    }

    @Override
    public List<Fill> fills(String symbol, Instant since) {
        return venue.fills(symbol, time.venueFrom(since));
    }

    @Override
    public boolean marketDataFresh(String symbol) {
        return venue.marketDataFresh(symbol);
    }

    @Override
    public void close() {
        venue.close();
    }

    @Override
    public String toString() {
        return venue + " on the engine's clock";
    }
}
