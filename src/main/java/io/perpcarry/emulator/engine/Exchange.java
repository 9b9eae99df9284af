package io.perpcarry.emulator.engine;

import io.perpcarry.emulator.VenueId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One venue's view of the shared {@link MarketEngine}: its markets, books, funding and accounts. Every call
 * first brings the engine up to the clock ({@link MarketEngine#sync()}), so answers are always current.
 * Thread-safe. Accounts are identified by Lighter account index / EdgeX account id.
 */
public final class Exchange {
    Exchange() {
    }

    public VenueId venue() {
        throw new UnsupportedOperationException("not yet");
    }

    // ---- markets ----

    public List<VenueMarket> markets() {
        throw new UnsupportedOperationException("not yet");
    }

    /** @throws EngineRejection UNKNOWN_MARKET */
    public VenueMarket market(String symbol) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Lighter market_id ("1") or EdgeX contractId ("10000001") → market. */
    public Optional<VenueMarket> marketByVenueId(String venueMarketId) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The synthetic book, at most {@code depth} levels a side. */
    public OrderBookSnapshot book(String symbol, int depth) {
        throw new UnsupportedOperationException("not yet");
    }

    public MarketStats stats(String symbol) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The most recent trades on this venue, newest first. */
    public List<Trade> recentTrades(String symbol, int limit) {
        throw new UnsupportedOperationException("not yet");
    }

    // ---- funding ----

    public FundingEstimate funding(String symbol) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Settled periods in [from, to), newest first, at most {@code limit}. */
    public List<FundingSettlement> fundingHistory(String symbol, Instant from, Instant to, int limit) {
        throw new UnsupportedOperationException("not yet");
    }

    // ---- accounts ----

    public List<Long> accountIds() {
        throw new UnsupportedOperationException("not yet");
    }

    /** @throws EngineRejection UNKNOWN_ACCOUNT */
    public AccountSnapshot account(long accountId) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Fills of the account, newest first; {@code symbol} null = all markets. */
    public List<Fill> fills(long accountId, String symbol, int limit) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Funding payments of the account, newest first; {@code symbol} null = all markets. */
    public List<FundingPayment> fundingPayments(long accountId, String symbol, int limit) {
        throw new UnsupportedOperationException("not yet");
    }

    public List<Liquidation> liquidations(long accountId) {
        throw new UnsupportedOperationException("not yet");
    }

    // ---- orders ----

    /** Validates and executes an order; never throws for business problems (see {@link OrderResult}). */
    public OrderResult submit(long accountId, OrderRequest request) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Open orders of the account, oldest first; {@code symbol} null = all markets. */
    public List<Order> openOrders(long accountId, String symbol) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Any order of the account (open or ended) by engine order id. */
    public Optional<Order> order(long accountId, long orderId) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Any order of the account (open or ended) by client order id; the latest when reused. */
    public Optional<Order> orderByClientId(long accountId, String clientOrderId) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Orders of the account that ended (filled / canceled), newest first. */
    public List<Order> orderHistory(long accountId, String symbol, int limit) {
        throw new UnsupportedOperationException("not yet");
    }

    public CancelResult cancel(long accountId, long orderId) {
        throw new UnsupportedOperationException("not yet");
    }

    public CancelResult cancelByClientId(long accountId, String clientOrderId) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Cancels every open order of the account in {@code symbol} (null = all markets); returns them. */
    public List<Order> cancelAll(long accountId, String symbol) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Sets the account's leverage for a market; initial margin becomes 1/leverage. Only cross margin is
     * emulated: {@code cross == false} is refused.
     *
     * @throws EngineRejection INVALID_LEVERAGE, INSUFFICIENT_MARGIN (current positions would not fit), UNKNOWN_*
     */
    public void setLeverage(long accountId, String symbol, int leverage, boolean cross) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Adds (or, negative, withdraws) collateral; for admin and tests. */
    public AccountSnapshot adjustCollateral(long accountId, BigDecimal amount) {
        throw new UnsupportedOperationException("not yet");
    }
}
