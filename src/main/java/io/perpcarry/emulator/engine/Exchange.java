package io.perpcarry.emulator.engine;

import io.perpcarry.emulator.VenueId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One venue's view of the shared {@link MarketEngine}: its markets, books, funding and accounts. Every call
 * first brings the engine up to the clock ({@link MarketEngine#sync()}), so answers are always current.
 * Thread-safe. Accounts are identified by Lighter account index / EdgeX account id.
 */
public final class Exchange {
    /** The most history rows a read may ask for: what an account keeps. */
    public static final int HISTORY_READ_LIMIT = AccountState.HISTORY_LIMIT;
    private final MarketEngine engine;
    private final VenueState state;
    private final OrderDesk desk;
    private final ExecutionLatency latency = new ExecutionLatency();

    Exchange(MarketEngine engine, VenueState state, OrderDesk desk) {
        this.engine = engine;
        this.state = state;
        this.desk = desk;
    }

    public VenueId venue() {
        return state.venue;
    }

    // ---- markets ----

    public List<VenueMarket> markets() {
        return state.listed; // live-fed engines list markets after construction
    }

    /** @throws EngineRejection UNKNOWN_MARKET */
    public VenueMarket market(String symbol) {
        return state.market(symbol).market;
    }

    /** Lighter market_id ("1") or EdgeX contractId ("10000001") → market. */
    public Optional<VenueMarket> marketByVenueId(String venueMarketId) {
        return markets().stream().filter(m -> m.venueMarketId().equals(venueMarketId)).findFirst();
    }

    /** The synthetic book, at most {@code depth} levels a side. */
    public OrderBookSnapshot book(String symbol, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1, was " + depth);
        }
        return engine.withLock(true, () -> bookLocked(symbol, depth));
    }

    /** The public book: the synthetic market maker's levels plus every account's resting limit orders. */
    OrderBookSnapshot bookLocked(String symbol, int depth) {
        SyntheticBook book = state.market(symbol).book;
        java.util.TreeMap<BigDecimal, BigDecimal> bids = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
        java.util.TreeMap<BigDecimal, BigDecimal> asks = new java.util.TreeMap<>();
        book.bids().forEach(l -> bids.merge(l.price(), l.size(), BigDecimal::add));
        book.asks().forEach(l -> asks.merge(l.price(), l.size(), BigDecimal::add));
        restingLocked(symbol).forEach(o -> (o.side == Side.BUY ? bids : asks).merge(o.price, o.remaining(), BigDecimal::add));
        return new OrderBookSnapshot(symbol, book.version(), engine.now(), levels(bids, depth), levels(asks, depth),
                book.frozen());
    }

    private static List<BookLevel> levels(java.util.TreeMap<BigDecimal, BigDecimal> side, int depth) {
        List<BookLevel> out = new ArrayList<>();
        for (var e : side.entrySet()) {
            if (out.size() == depth) {
                break;
            }
            out.add(new BookLevel(e.getKey(), e.getValue()));
        }
        return out;
    }

    private Stream<WorkingOrder> restingLocked(String symbol) {
        state.market(symbol);
        return state.accounts.values().stream().flatMap(a -> a.open.stream())
                .filter(o -> o.symbol.equals(symbol) && o.price != null && o.type == OrderType.LIMIT);
    }

    /** Every account's resting limit orders in a market, oldest first (they are in the public book). */
    public List<Order> restingOrders(String symbol) {
        return engine.withLock(true, () -> restingLocked(symbol).map(WorkingOrder::snapshot)
                .sorted(java.util.Comparator.comparingLong(Order::orderId)).toList());
    }

    public MarketStats stats(String symbol) {
        return engine.withLock(true, () -> {
            MarketState m = state.market(symbol);
            Instant now = engine.now();
            Instant cutoff = now.minus(Duration.ofHours(24));
            BigDecimal index = engine.indexPriceLocked(symbol);
            BigDecimal mark = m.book.mark();
            BigDecimal baselineQuote = m.market.spec() == null ? BigDecimal.ZERO : m.market.spec().volume24h();
            BigDecimal base = baselineQuote.divide(mark, m.market.sizeDecimals(), java.math.RoundingMode.DOWN);
            BigDecimal quote = baselineQuote;
            long trades = 0;
            for (Trade t : m.trades) {
                if (t.time().isBefore(cutoff)) {
                    break;
                }
                base = base.add(t.size());
                quote = quote.add(t.price().multiply(t.size()));
                trades++;
            }
            BigDecimal openInterest = m.market.spec() == null ? BigDecimal.ZERO : m.market.spec().openInterest();
            for (AccountState a : state.accounts.values()) {
                BigDecimal size = a.size(symbol);
                if (size.signum() > 0) {
                    openInterest = openInterest.add(size);
                }
            }
            IndexHistory history = engine.indexHistoryLocked(symbol);
            return new MarketStats(symbol, index, mark, m.lastTradePrice != null ? m.lastTradePrice : mark,
                    history.open(), history.high(), history.low(), base, Decimals.usd(quote), openInterest, trades, now);
        });
    }

    /** The most recent trades on this venue, newest first. */
    public List<Trade> recentTrades(String symbol, int limit) {
        return engine.withLock(true, () -> state.market(symbol).trades.stream().limit(limit).toList());
    }

    // ---- funding ----

    public FundingEstimate funding(String symbol) {
        return engine.withLock(true, () -> engine.estimateLocked(state.market(symbol)));
    }

    /** Settled periods in [from, to), newest first, at most {@code limit}; null bounds are open. */
    public List<FundingSettlement> fundingHistory(String symbol, Instant from, Instant to, int limit) {
        return engine.withLock(true, () -> state.market(symbol).settlements.stream()
                .filter(s -> (from == null || !s.time().isBefore(from)) && (to == null || s.time().isBefore(to)))
                .limit(limit).toList());
    }

    // ---- accounts ----

    public List<Long> accountIds() {
        return state.accountIds; // live-fed engines open accounts after construction
    }

    /** @throws EngineRejection UNKNOWN_ACCOUNT */
    public AccountSnapshot account(long accountId) {
        return engine.withLock(true, () -> state.snapshot(state.account(accountId), engine.now()));
    }

    /** Fills of the account, newest first; {@code symbol} null = all markets. */
    public List<Fill> fills(long accountId, String symbol, int limit) {
        return engine.withLock(true, () -> state.account(accountId).fills.stream()
                .filter(f -> symbol == null || f.symbol().equals(symbol)).limit(limit).toList());
    }

    /** Funding payments of the account, newest first; {@code symbol} null = all markets. */
    public List<FundingPayment> fundingPayments(long accountId, String symbol, int limit) {
        return engine.withLock(true, () -> state.account(accountId).fundingPayments.stream()
                .filter(p -> symbol == null || p.symbol().equals(symbol)).limit(limit).toList());
    }

    public List<Liquidation> liquidations(long accountId) {
        return engine.withLock(true, () -> List.copyOf(state.account(accountId).liquidations));
    }

    // ---- orders ----

    /**
     * Validates and executes an order; never throws for business problems (see {@link OrderResult}).
     * MARKET orders are immediate whatever their time in force (except FOK, which stays all-or-nothing).
     * A reduce-only order larger than the position is clipped to the position size.
     */
    public OrderResult submit(long accountId, OrderRequest request) {
        return engine.withLock(true, () -> desk.submit(accountId, request, engine.now()));
    }

    /** This venue's delay between acknowledging an order and executing it (zero = inside the request). */
    public ExecutionLatency executionLatency() {
        return latency;
    }

    /**
     * For a venue that acknowledges before it executes: the order is executed after {@link #executionLatency()};
     * a refusal at execution (margin, size, ...) becomes a canceled order with no fill, never an error to the
     * sender, who has had its ack. {@code refuse} non-null: refused at execution with that reason whatever the
     * book (the injectable "refusal after acceptance"). With zero latency the execution happens before returning.
     */
    public void submitAcknowledged(long accountId, OrderRequest request, CancelReason refuse) {
        submitAcknowledged(accountId, request, refuse, Runnable::run, order -> { });
    }

    /**
     * As {@link #submitAcknowledged(long, OrderRequest, CancelReason)}, with the wire layer's hooks: {@code around}
     * wraps the delayed execution (the events it causes are delivered inside it), {@code created} hears the order
     * the execution placed, before its events go out.
     */
    public void submitAcknowledged(long accountId, OrderRequest request, CancelReason refuse,
                                   java.util.function.Consumer<Runnable> around,
                                   java.util.function.Consumer<Order> created) {
        Runnable execute = () -> around.accept(() -> engine.withLock(true, () -> {
            Instant now = engine.now();
            if (refuse != null) {
                return desk.refuse(accountId, request, refuse, now);
            }
            OrderResult r = desk.submit(accountId, request, now);
            if (!r.accepted()) {
                desk.refuse(accountId, request, r.rejectReason() == RejectReason.INSUFFICIENT_MARGIN
                        ? CancelReason.MARGIN_NOT_ALLOWED : CancelReason.REFUSED_AT_EXECUTION, now);
            } else {
                created.accept(r.order());
            }
            return null;
        }));
        if (latency.immediate()) {
            execute.run();
        } else {
            latency.later(execute);
        }
    }

    /** Open orders of the account, oldest first; {@code symbol} null = all markets. */
    public List<Order> openOrders(long accountId, String symbol) {
        return engine.withLock(true, () -> state.account(accountId).open.stream()
                .filter(o -> symbol == null || o.symbol.equals(symbol)).map(WorkingOrder::snapshot).toList());
    }

    /** Any order of the account (open or ended) by engine order id. */
    public Optional<Order> order(long accountId, long orderId) {
        return engine.withLock(true, () -> allOrders(state.account(accountId))
                .filter(o -> o.orderId == orderId).findFirst().map(WorkingOrder::snapshot));
    }

    /** Any order of the account (open or ended) by client order id; the latest when reused. */
    public Optional<Order> orderByClientId(long accountId, String clientOrderId) {
        return engine.withLock(true, () -> allOrders(state.account(accountId))
                .filter(o -> clientOrderId.equals(o.clientOrderId))
                .max((a, b) -> Long.compare(a.orderId, b.orderId)).map(WorkingOrder::snapshot));
    }

    private static Stream<WorkingOrder> allOrders(AccountState account) {
        return Stream.concat(account.open.stream(), account.ended.stream());
    }

    /** Orders of the account that ended (filled / canceled), newest first. */
    public List<Order> orderHistory(long accountId, String symbol, int limit) {
        return engine.withLock(true, () -> state.account(accountId).ended.stream()
                .filter(o -> symbol == null || o.symbol.equals(symbol)).limit(limit).map(WorkingOrder::snapshot)
                .toList());
    }

    /**
     * Changes a resting order's size and price in place, keeping its order id (Lighter ModifyOrder).
     * Never throws for business problems: a refused amendment is a rejected {@link OrderResult}.
     */
    public OrderResult modify(long accountId, long orderId, BigDecimal size, BigDecimal price) {
        return engine.withLock(true, () -> {
            AccountState account = state.account(accountId);
            return account.open.stream().filter(o -> o.orderId == orderId).findFirst()
                    .map(o -> desk.amend(account, o, size, price, engine.now()))
                    .orElse(OrderResult.rejected(RejectReason.ORDER_NOT_FOUND, "no open order " + orderId));
        });
    }

    public CancelResult cancel(long accountId, long orderId) {
        return engine.withLock(true, () -> {
            AccountState account = state.account(accountId);
            return allOrders(account).filter(o -> o.orderId == orderId).findFirst()
                    .map(o -> desk.cancel(account, o, engine.now()))
                    .orElse(CancelResult.failed(null, RejectReason.ORDER_NOT_FOUND));
        });
    }

    /** Cancels the open order with this client id (or reports the latest ended one with ORDER_NOT_FOUND). */
    public CancelResult cancelByClientId(long accountId, String clientOrderId) {
        return engine.withLock(true, () -> {
            AccountState account = state.account(accountId);
            Optional<WorkingOrder> open = account.open.stream()
                    .filter(o -> clientOrderId.equals(o.clientOrderId)).findFirst();
            if (open.isPresent()) {
                return desk.cancel(account, open.get(), engine.now());
            }
            return account.ended.stream().filter(o -> clientOrderId.equals(o.clientOrderId)).findFirst()
                    .map(o -> CancelResult.failed(o.snapshot(), RejectReason.ORDER_NOT_FOUND))
                    .orElse(CancelResult.failed(null, RejectReason.ORDER_NOT_FOUND));
        });
    }

    /** Cancels every open order of the account in {@code symbol} (null = all markets); returns them. */
    public List<Order> cancelAll(long accountId, String symbol) {
        return engine.withLock(true, () -> {
            AccountState account = state.account(accountId);
            List<Order> canceled = new ArrayList<>();
            for (WorkingOrder o : List.copyOf(account.open)) {
                if (symbol == null || o.symbol.equals(symbol)) {
                    canceled.add(desk.cancel(account, o, engine.now()).order());
                }
            }
            return canceled;
        });
    }

    /**
     * Sets the account's leverage for a market; initial margin becomes 1/leverage. Only cross margin is
     * emulated: {@code cross == false} is refused with INVALID_LEVERAGE.
     *
     * @throws EngineRejection INVALID_LEVERAGE, INSUFFICIENT_MARGIN (current positions would not fit), UNKNOWN_*
     */
    public void setLeverage(long accountId, String symbol, int leverage, boolean cross) {
        engine.withLock(true, () -> {
            AccountState account = state.account(accountId);
            VenueMarket market = state.market(symbol).market;
            if (!cross) {
                throw new EngineRejection(RejectReason.INVALID_LEVERAGE, "isolated margin is not emulated");
            }
            if (leverage < 1 || leverage > market.maxLeverage()) {
                throw new EngineRejection(RejectReason.INVALID_LEVERAGE,
                        "leverage must be 1.." + market.maxLeverage() + " for " + symbol + ", was " + leverage);
            }
            Integer before = account.leverage.put(symbol, leverage);
            BigDecimal needed = state.initialMargin(account).add(state.orderMargin(account));
            BigDecimal equity = state.equity(account);
            if (needed.compareTo(equity) > 0) {
                if (before == null) {
                    account.leverage.remove(symbol);
                } else {
                    account.leverage.put(symbol, before);
                }
                throw new EngineRejection(RejectReason.INSUFFICIENT_MARGIN, "at " + leverage + "x the initial margin "
                        + needed.toPlainString() + " would exceed equity " + equity.toPlainString());
            }
            if (state.venue == VenueId.LIGHTER) {
                account.position(symbol); // Lighter's position row carries the fraction (flat until traded)
            }
            state.events.accountChanged(state.venue, accountId);
            return null;
        });
    }

    /** The account's leverage setting for a market (the market default until set). */
    public int leverage(long accountId, String symbol) {
        return engine.withLock(true, () -> state.leverage(state.account(accountId), symbol));
    }

    /** Adds (or, negative, withdraws) collateral; for admin and tests. */
    public AccountSnapshot adjustCollateral(long accountId, BigDecimal amount) {
        return engine.withLock(true, () -> {
            AccountState account = state.account(accountId);
            account.collateral = Decimals.usd(account.collateral.add(amount));
            state.events.accountChanged(state.venue, accountId);
            return state.snapshot(account, engine.now());
        });
    }
}
