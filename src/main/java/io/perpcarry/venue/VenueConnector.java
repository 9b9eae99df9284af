package io.perpcarry.venue;

import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.MarketSnapshot;
import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.Venue;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The port through which the engine and the commands talk to one venue. Implementations speak the venue's
 * wire protocol (Camel HTTP, Vert.x WebSocket); the engine never sees JSON. Every method either returns a
 * fact read from the venue or throws {@link VenueException}: none returns "empty" for "unknown".
 */
public interface VenueConnector extends AutoCloseable {
    Venue venue();

    /** Every perp market the venue lists, keyed by our symbol (e.g. "BTC"). */
    Map<String, MarketSpec> markets();

    /** The current funding quote of every market, in one bulk read. */
    Map<String, FundingQuote> fundingQuotes();

    /**
     * Funding, book and 24 h volume for the given symbols, at a constant number of requests whatever their
     * count (bulk endpoints plus locally kept books). Symbols the venue does not list are absent.
     */
    Map<String, MarketSnapshot> snapshots(Collection<String> symbols);

    OrderBook orderBook(String symbol, int depth);

    AccountState account();

    List<OpenOrder> openOrders();

    /** Sends one order. A timeout or lost connection throws UNKNOWN_OUTCOME: find it by client order id. */
    OrderAck placeOrder(OrderRequest order);

    /**
     * Builds and signs an order without sending it, so the send itself is all that races between two legs.
     * Default: nothing prepared ahead (the order is built at {@link #send}).
     */
    default PreparedOrder prepare(OrderRequest order) {
        return new PreparedOrder(venue(), order, null);
    }

    /** Sends a prepared order, with the outcomes of {@link #placeOrder}. Default: {@code placeOrder}. */
    default OrderAck send(PreparedOrder prepared) {
        return placeOrder(prepared.request());
    }

    void cancelOrder(String symbol, String orderId);

    void cancelAllOrders();

    /** Cross margin at this leverage for the symbol. */
    void setLeverage(String symbol, int leverage);

    List<FundingPayment> fundingPayments(Instant since);

    /**
     * The last {@code limit} settled funding rates of one market, newest first. Each is a {@link FundingQuote} whose
     * {@code rate} is the signed fraction per settlement {@code interval} (Lighter 1 h, EdgeX its contract interval)
     * and whose {@code observedAt} is the settlement time. Settled rates are history: unlike the current quote they
     * are what positions actually paid. Default: refused, so a venue without the read never looks "empty".
     */
    default List<FundingQuote> settledFunding(String symbol, int limit) {
        throw new VenueException(venue(), VenueErrorKind.INVALID_REQUEST, "settled funding history is not read from "
                + venue().displayName());
    }

    /**
     * The venue's own clock (Lighter {@code GET /} in seconds, EdgeX {@code getServerTime} in ms), to measure skew.
     * Default: refused, so a venue without the read never looks "in sync".
     */
    /**
     * How far the venue's clock may be from ours before it refuses our orders as expired or mis-signed (zero: the
     * venue says so on every signed read already, or has no such limit). A close checks it before touching a leg.
     */
    default java.time.Duration clockTolerance() {
        return java.time.Duration.ZERO;
    }

    default Instant serverTime() {
        throw new VenueException(venue(), VenueErrorKind.INVALID_REQUEST, "server time is not read from "
                + venue().displayName());
    }

    /**
     * What became of one of our orders, found by client order id in the venue's open and ended orders. NOT_FOUND
     * is "not (yet) there", never "nothing happened". Default: refused (typed), so a venue without the read is
     * never taken for "not found".
     */
    default OrderOutcome orderOutcome(String symbol, long clientOrderId) {
        throw new VenueException(venue(), VenueErrorKind.INVALID_REQUEST, "order outcomes are not read from "
                + venue().displayName());
    }

    /**
     * Our executions in {@code symbol} at or after {@code since}, newest first, with the venue's prices and fees.
     * Default: refused (typed).
     */
    default List<Fill> fills(String symbol, Instant since) {
        throw new VenueException(venue(), VenueErrorKind.INVALID_REQUEST, "fills are not read from "
                + venue().displayName());
    }

    /**
     * Every settled funding rate of one market with settlement time in [{@code from}, {@code to}), oldest first, in as
     * many requests as the venue's paging needs (the caller paces them). Same units as {@link #settledFunding}. For the
     * recorder's backfill. Default: refused, as {@link #settledFunding}.
     */
    default List<FundingQuote> settledFundingBetween(String symbol, Instant from, Instant to) {
        throw new VenueException(venue(), VenueErrorKind.INVALID_REQUEST, "settled funding history is not read from "
                + venue().displayName());
    }

    /** True when the data streams are up and fresh; prices from a stale stream must not be traded on. */
    boolean marketDataFresh(String symbol);

    /**
     * The venue's own mark of one market (Lighter {@code mark_price} of market_stats, EdgeX {@code oraclePrice} of its
     * ticker), the price its margin and funding use; empty when this connector has none for it (the caller says what it
     * uses instead). Default: empty.
     */
    default Optional<java.math.BigDecimal> markPrice(String symbol) {
        return Optional.empty();
    }

    @Override
    void close();
}
