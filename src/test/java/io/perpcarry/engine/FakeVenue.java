package io.perpcarry.engine;

import io.perpcarry.domain.BookLevel;
import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.MarketSnapshot;
import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.domain.Position;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.AccountState;
import io.perpcarry.venue.FundingPayment;
import io.perpcarry.venue.OpenOrder;
import io.perpcarry.venue.OrderAck;
import io.perpcarry.venue.OrderRequest;
import io.perpcarry.venue.VenueConnector;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * In-memory venue: positions, IOC orders filling at their limit price when they cross, reduce-only enforced,
 * duplicate client order ids refused. Failures are scripted per order ({@link #next}) or as switches.
 */
public final class FakeVenue implements VenueConnector {
    /** What the next order meets. */
    public enum Behavior { FILL, PARTIAL_HALF, /** all but 5 of the venue's size steps */ PARTIAL_SHORT_5_STEPS, REJECT, UNKNOWN_FILLED, UNKNOWN_NOT_FILLED, UNREACHABLE, CRASH }

    /** Stands for the process dying between two legs. */
    public static final class SimulatedCrash extends Error {
        public SimulatedCrash() {
            super("simulated crash");
        }
    }

    private final Venue venue;
    private final Clock clock;
    private final Map<String, MarketSpec> specs = new LinkedHashMap<>();
    private final Map<String, BigDecimal> mids = new HashMap<>();
    private final Map<String, BigDecimal> fundingRates = new HashMap<>();
    private final Map<String, BigDecimal> sizes = new HashMap<>();
    private final Map<String, BigDecimal> entries = new HashMap<>();
    private final Map<String, BigDecimal> liquidation = new HashMap<>();
    private final List<OpenOrder> resting = new ArrayList<>();
    private final Deque<Behavior> script = new ArrayDeque<>();
    /** Order status reads answered (or refused), for tests that count venue reads. */
    volatile int outcomeReads;
    private final Set<Long> seenIds = new HashSet<>();
    /** What each order that reached the book became, by client order id (orders refused at send are absent). */
    private final Map<Long, io.perpcarry.venue.OrderOutcome> outcomes = new HashMap<>();
    /** Executions, newest first, at the order's limit price, fee = taker rate × notional. */
    public final List<io.perpcarry.venue.Fill> fills = new ArrayList<>();
    public final List<OrderRequest> orders = new ArrayList<>();
    public final List<FundingPayment> funding = new ArrayList<>();
    public volatile boolean unreachable;
    /** Every call refused as AUTH (a revoked key, a clock outside the venue's window). */
    public volatile boolean authRefused;
    /** The venue's clock tolerance (zero: not checked) and how far its clock is from the wall clock. */
    public volatile java.time.Duration clockTolerance = java.time.Duration.ZERO;
    public volatile java.time.Duration clockSkew = java.time.Duration.ZERO;

    @Override
    public java.time.Duration clockTolerance() {
        return clockTolerance;
    }

    @Override
    public java.time.Instant serverTime() {
        return java.time.Instant.now().plus(clockSkew);
    }
    public volatile boolean fresh = true;
    public volatile boolean refuseReduceOnly;
    /** Orders stay "not found" (a venue that acked but has not executed or indexed them). */
    public volatile boolean hideOutcomes;
    /** Called as an order arrives, before anything else: lets a test look at the journal at that moment. */
    public volatile java.util.function.Consumer<OrderRequest> onOrder = o -> { };
    /** Runs at the start of every account read (to make something happen while a reader is mid-way). */
    public volatile Runnable onAccountRead = () -> { };
    private BigDecimal available = new BigDecimal("10000");

    public FakeVenue(Venue venue, Clock clock) {
        this.venue = venue;
        this.clock = clock;
    }

    public synchronized FakeVenue market(MarketSpec spec, String mid, String fundingRate) {
        specs.put(spec.symbol(), spec);
        mids.put(spec.symbol(), new BigDecimal(mid));
        fundingRates.put(spec.symbol(), new BigDecimal(fundingRate));
        return this;
    }

    public synchronized void available(String usd) {
        available = new BigDecimal(usd);
    }

    public synchronized void fundingRate(String symbol, String rate) {
        fundingRates.put(symbol, new BigDecimal(rate));
    }

    public synchronized void mid(String symbol, String mid) {
        mids.put(symbol, new BigDecimal(mid));
    }

    public synchronized void next(Behavior... b) {
        script.addAll(List.of(b));
    }

    public synchronized void position(String symbol, String signedSize, String entry) {
        sizes.put(symbol, new BigDecimal(signedSize));
        entries.put(symbol, new BigDecimal(entry));
    }

    public synchronized void liquidationPrice(String symbol, String price) {
        liquidation.put(symbol, new BigDecimal(price));
    }

    public synchronized void restingOrder(String symbol, long clientOrderId) {
        resting.add(new OpenOrder(venue, symbol, "r" + resting.size(), clientOrderId, OrderSide.BUY, BigDecimal.ONE,
                BigDecimal.ONE, false));
    }

    public synchronized BigDecimal size(String symbol) {
        return sizes.getOrDefault(symbol, BigDecimal.ZERO);
    }

    public synchronized long ordersWithId(long id) {
        return orders.stream().filter(o -> o.clientOrderId() == id).count();
    }

    @Override
    public Venue venue() {
        return venue;
    }

    @Override
    public synchronized Map<String, MarketSpec> markets() {
        down();
        return Map.copyOf(specs);
    }

    @Override
    public synchronized Map<String, FundingQuote> fundingQuotes() {
        down();
        Map<String, FundingQuote> out = new HashMap<>();
        specs.keySet().forEach(s -> out.put(s, quote(s)));
        return out;
    }

    private FundingQuote quote(String s) {
        return new FundingQuote(venue, s, fundingRates.get(s), Duration.ofHours(1), clock.instant());
    }

    @Override
    public synchronized Map<String, MarketSnapshot> snapshots(Collection<String> symbols) {
        down();
        Map<String, MarketSnapshot> out = new HashMap<>();
        for (String s : symbols) {
            if (specs.containsKey(s)) {
                out.put(s, new MarketSnapshot(specs.get(s), quote(s), book(s), new BigDecimal("100000000")));
            }
        }
        return out;
    }

    private OrderBook book(String s) {
        BigDecimal mid = mids.get(s);
        BigDecimal tick = specs.get(s).priceTick();
        BigDecimal bid = mid.subtract(tick).setScale(tick.scale(), RoundingMode.FLOOR);
        BigDecimal ask = mid.add(tick).setScale(tick.scale(), RoundingMode.CEILING);
        BigDecimal deep = new BigDecimal("1000000");
        return new OrderBook(venue, s, List.of(new BookLevel(bid, deep)), List.of(new BookLevel(ask, deep)), clock.instant());
    }

    @Override
    public synchronized OrderBook orderBook(String symbol, int depth) {
        down();
        return book(symbol);
    }

    @Override
    public AccountState account() {
        onAccountRead.run(); // outside the lock: the hook may trade on this venue from other threads
        return accountNow();
    }

    private synchronized AccountState accountNow() {
        down();
        List<Position> ps = new ArrayList<>();
        sizes.forEach((s, size) -> {
            if (size.signum() != 0) {
                BigDecimal pnl = mids.get(s).subtract(entries.get(s)).multiply(size);
                ps.add(new Position(venue, s, size, entries.get(s), pnl, liquidation.get(s), null));
            }
        });
        return new AccountState(venue, available, available, ps, clock.instant());
    }

    @Override
    public synchronized List<OpenOrder> openOrders() {
        down();
        return List.copyOf(resting);
    }

    @Override
    public OrderAck placeOrder(OrderRequest o) {
        Behavior b;
        synchronized (this) {
            b = script.isEmpty() ? Behavior.FILL : script.poll();
        }
        onOrder.accept(o);
        if (b == Behavior.CRASH) {
            throw new SimulatedCrash();
        }
        synchronized (this) {
            if (b == Behavior.UNREACHABLE || unreachable) {
                throw new VenueException(venue, VenueErrorKind.UNAVAILABLE, "connection refused");
            }
            orders.add(o);
            if (!seenIds.add(o.clientOrderId())) {
                throw new VenueException(venue, VenueErrorKind.REJECTED, "client order index already exists", "21728",
                        null, null);
            }
            if (b == Behavior.REJECT) {
                throw new VenueException(venue, VenueErrorKind.REJECTED, "margin not enough", "MARGIN", null, null);
            }
            if (o.reduceOnly() && refuseReduceOnly) {
                throw new VenueException(venue, VenueErrorKind.REJECTED, "reduce only refused", "21732", null, null);
            }
            if (b == Behavior.UNKNOWN_NOT_FILLED) {
                record(o, BigDecimal.ZERO);
                throw new VenueException(venue, VenueErrorKind.UNKNOWN_OUTCOME, "connection reset after send");
            }
            BigDecimal filled = b == Behavior.PARTIAL_SHORT_5_STEPS
                    ? fill(new OrderRequest(o.symbol(), o.side(), o.size().subtract(specs.get(o.symbol()).sizeStep()
                            .multiply(BigDecimal.valueOf(5))), o.price(), o.type(), o.reduceOnly(), o.clientOrderId()), false)
                    : fill(o, b == Behavior.PARTIAL_HALF);
            record(o, filled);
            if (b == Behavior.UNKNOWN_FILLED) {
                throw new VenueException(venue, VenueErrorKind.UNKNOWN_OUTCOME, "timeout after send");
            }
            return new OrderAck(o.clientOrderId(), "v" + orders.size(), Optional.of(filled));
        }
    }

    /** The order {@code clientOrderId} (answered unfilled or unknown) executes now in full: a late fill. */
    public synchronized void fillLate(long clientOrderId) {
        OrderRequest o = orders.stream().filter(x -> x.clientOrderId() == clientOrderId).findFirst().orElseThrow();
        record(o, fill(o, false));
    }

    private void record(OrderRequest o, BigDecimal filled) {
        io.perpcarry.venue.OrderOutcome.State state = filled.compareTo(o.size()) >= 0
                ? io.perpcarry.venue.OrderOutcome.State.FILLED
                : filled.signum() > 0 ? io.perpcarry.venue.OrderOutcome.State.PARTIALLY_FILLED
                : io.perpcarry.venue.OrderOutcome.State.CANCELED;
        outcomes.put(o.clientOrderId(), new io.perpcarry.venue.OrderOutcome(venue, o.symbol(), o.clientOrderId(),
                Optional.of("v" + orders.size()), state, filled,
                filled.signum() > 0 ? Optional.of(o.price()) : Optional.empty(), state.name().toLowerCase()));
        if (filled.signum() > 0) {
            fills.add(0, new io.perpcarry.venue.Fill(venue, o.symbol(), "t" + orders.size(), "v" + orders.size(),
                    o.clientOrderId(), o.side(), o.price(), filled,
                    filled.multiply(o.price()).multiply(specs.get(o.symbol()).takerFeeRate()), clock.instant()));
        }
    }

    @Override
    public synchronized List<io.perpcarry.venue.Fill> fills(String symbol, Instant since) {
        down();
        return fills.stream().filter(f -> f.symbol().equals(symbol) && !f.time().isBefore(since)).toList();
    }

    @Override
    public synchronized io.perpcarry.venue.OrderOutcome orderOutcome(String symbol, long clientOrderId) {
        down();
        outcomeReads++;
        if (hideOutcomes) {
            return io.perpcarry.venue.OrderOutcome.notFound(venue, symbol, clientOrderId);
        }
        return outcomes.getOrDefault(clientOrderId, io.perpcarry.venue.OrderOutcome.notFound(venue, symbol, clientOrderId));
    }

    private BigDecimal fill(OrderRequest o, boolean half) {
        OrderBook book = book(o.symbol());
        boolean crosses = o.side() == OrderSide.BUY ? o.price().compareTo(book.bestAsk()) >= 0
                : o.price().compareTo(book.bestBid()) <= 0;
        if (!crosses) {
            return BigDecimal.ZERO;
        }
        BigDecimal current = size(o.symbol());
        BigDecimal qty = o.size();
        if (half) {
            BigDecimal step = specs.get(o.symbol()).sizeStep();
            qty = qty.divide(BigDecimal.valueOf(2), MathContext.DECIMAL64).divide(step, 0, RoundingMode.FLOOR).multiply(step);
        }
        int dir = o.side() == OrderSide.BUY ? 1 : -1;
        if (o.reduceOnly()) {
            if (current.signum() == 0 || current.signum() == dir) {
                throw new VenueException(venue, VenueErrorKind.REJECTED, "reduce only increases position", "21732", null, null);
            }
            qty = qty.min(current.abs());
        }
        BigDecimal next = current.add(qty.multiply(BigDecimal.valueOf(dir)));
        if (current.signum() == 0 || current.signum() == dir) {
            BigDecimal oldNotional = current.abs().multiply(entries.getOrDefault(o.symbol(), BigDecimal.ZERO));
            entries.put(o.symbol(), oldNotional.add(qty.multiply(o.price())).divide(next.abs(), MathContext.DECIMAL64));
        }
        sizes.put(o.symbol(), next);
        return qty;
    }

    @Override
    public synchronized void cancelOrder(String symbol, String orderId) {
        down();
        resting.removeIf(r -> r.orderId().equals(orderId));
    }

    @Override
    public synchronized void cancelAllOrders() {
        down();
        resting.clear();
    }

    @Override
    public void setLeverage(String symbol, int leverage) {
        down();
    }

    @Override
    public synchronized List<FundingPayment> fundingPayments(Instant since) {
        down();
        return funding.stream().filter(f -> !f.settledAt().isBefore(since)).toList();
    }

    @Override
    public boolean marketDataFresh(String symbol) {
        return fresh;
    }

    @Override
    public void close() {
    }

    private void down() {
        if (authRefused) {
            throw new VenueException(venue, VenueErrorKind.AUTH, "401 INVALID_TIMESTAMP");
        }
        if (unreachable) {
            throw new VenueException(venue, VenueErrorKind.UNAVAILABLE, "connection refused");
        }
    }
}
