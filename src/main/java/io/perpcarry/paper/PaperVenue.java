package io.perpcarry.paper;

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
import io.perpcarry.venue.OrderType;
import io.perpcarry.venue.VenueConnector;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import io.perpcarry.emulator.VenueId;
import io.perpcarry.emulator.engine.EngineRejection;
import io.perpcarry.emulator.engine.Exchange;
import io.perpcarry.emulator.engine.MarketEngine;
import io.perpcarry.emulator.engine.OrderResult;
import io.perpcarry.emulator.engine.RejectReason;
import io.perpcarry.emulator.engine.Side;
import io.perpcarry.emulator.engine.TimeInForce;
import io.perpcarry.emulator.engine.VenueMarket;

/**
 * PAPER trading on one venue: market data from the live connector (public reads and streams, no credentials), the
 * account kept by the emulator's engine ({@link MarketEngine#liveFed}) on a live-fed market per symbol: its book is the
 * live book, its mark the venue's mark (Lighter) or oracle (EdgeX) price, else the live book's mid, its funding rate the
 * venue's current quote. Orders (IOC and market; nothing
 * rests) are matched by the engine against the live levels, pay the venue's taker fee from its market spec, and are
 * held to the engine's initial margin at the leverage set; funding is settled by the engine at the venue's own
 * schedule (Lighter hourly, EdgeX every fundingRateIntervalMin) and an account whose equity falls to maintenance margin
 * is liquidated, as on the emulators. Nothing is ever sent to an order endpoint.
 *
 * <p>The account is saved to {@code accountFile} after every fill and funding payment and read back on start, so a
 * restarted paper daemon finds its hedge, and {@code bin/perpcarry status} in paper mode shows it ({@link #readOnly}).
 * On restart the settlements that fell while the daemon was stopped are paid from the venue's settled history.
 */
public final class PaperVenue implements VenueConnector {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PaperVenue.class);
    private static final int DEPTH = 50;
    private static final Duration FUNDING_POLL = Duration.ofMinutes(1);
    private static final long ACCOUNT = 1;
    /**
     * The venues' public market metadata the connectors read carries no maintenance margin or maximum leverage: the
     * paper account assumes these for every market (Lighter's and EdgeX's majors are 3-5 % / 20-50x).
     */
    static final BigDecimal MAINTENANCE_MARGIN_FRACTION = new BigDecimal("0.03");
    static final int MAX_LEVERAGE = 20;

    private final VenueConnector live;
    private final Clock clock;
    private final PaperAccountFile accountFile;
    private final boolean readOnly;
    private final VenueId venueId;
    private final MarketEngine engine;
    private final Exchange exchange;
    private final Map<String, PaperLeg> saved = new TreeMap<>();
    private final List<FundingPayment> payments = new ArrayList<>();
    private final Map<String, Instant> openedAt = new TreeMap<>();
    private BigDecimal startCollateral;
    private boolean started;
    private long lastFundingId;
    private Instant fundingCheckedAt;

    /** A paper account of {@code collateral} USD, not saved (tests). */
    public PaperVenue(VenueConnector live, BigDecimal collateral, Clock clock) {
        this(live, collateral, clock, null, false);
    }

    /** The paper account saved in {@code accountFile}; a new one of {@code collateral} USD when there is none yet. */
    public PaperVenue(VenueConnector live, BigDecimal collateral, Clock clock, Path accountFile) {
        this(live, collateral, clock, new PaperAccountFile(accountFile, live.venue()), false);
    }

    private PaperVenue(VenueConnector live, BigDecimal collateral, Clock clock, PaperAccountFile file, boolean readOnly) {
        this.live = live;
        this.clock = clock;
        this.accountFile = file;
        this.readOnly = readOnly;
        this.startCollateral = collateral;
        this.venueId = live.venue() == Venue.LIGHTER ? VenueId.LIGHTER : VenueId.EDGEX;
        this.engine = MarketEngine.liveFed(clock, Duration.ofSeconds(1));
        this.exchange = engine.venue(venueId);
        if (file != null) {
            file.load(saved, payments).ifPresentOrElse(c -> this.startCollateral = c, () -> {
                if (!readOnly) {
                    saveFile(collateral, Map.of()); // from the start: status shows the untouched account
                }
            });
        }
    }

    /**
     * What the paper daemon saved in {@code accountFile}, marked to the live books; places no order and books no
     * funding (the daemon does). Fails naming the file when the paper daemon has not traded there.
     */
    public static PaperVenue readOnly(VenueConnector live, Path accountFile, Clock clock) {
        PaperAccountFile file = new PaperAccountFile(accountFile, live.venue());
        if (!file.exists()) {
            throw new VenueException(live.venue(), VenueErrorKind.INVALID_REQUEST, "PAPER: no paper account at "
                    + accountFile + " (the paper daemon has not traded with this data directory)");
        }
        return new PaperVenue(live, BigDecimal.ZERO, clock, file, true);
    }

    @Override
    public Venue venue() {
        return live.venue();
    }

    @Override
    public Map<String, MarketSpec> markets() {
        return live.markets();
    }

    @Override
    public Map<String, FundingQuote> fundingQuotes() {
        return live.fundingQuotes();
    }

    @Override
    public Map<String, MarketSnapshot> snapshots(Collection<String> symbols) {
        return live.snapshots(symbols);
    }

    @Override
    public OrderBook orderBook(String symbol, int depth) {
        return live.orderBook(symbol, depth);
    }

    @Override
    public List<FundingQuote> settledFunding(String symbol, int limit) {
        return live.settledFunding(symbol, limit);
    }

    @Override
    public List<FundingQuote> settledFundingBetween(String symbol, Instant from, Instant to) {
        return live.settledFundingBetween(symbol, from, to);
    }

    @Override
    public boolean marketDataFresh(String symbol) {
        return live.marketDataFresh(symbol);
    }

    @Override
    public synchronized AccountState account() {
        start();
        refreshHeld();
        var snapshot = exchange.account(ACCOUNT);
        collect();
        List<Position> positions = new ArrayList<>();
        for (var p : snapshot.positions()) {
            if (p.size().signum() != 0) {
                positions.add(new Position(venue(), p.symbol(), p.size(), p.avgEntryPrice(), p.unrealizedPnl(),
                        p.liquidationPrice(), snapshot.marginRatio()));
            }
        }
        return new AccountState(venue(), snapshot.equity(), snapshot.availableBalance(), positions, clock.instant());
    }

    @Override
    public List<OpenOrder> openOrders() {
        return List.of(); // every paper order fills or is cancelled at once
    }

    @Override
    public synchronized OrderAck placeOrder(OrderRequest order) {
        if (readOnly) {
            throw new VenueException(venue(), VenueErrorKind.INVALID_REQUEST, "PAPER: a read-only view places no order");
        }
        if (order.type() != OrderType.LIMIT_IOC && order.type() != OrderType.MARKET) {
            throw new VenueException(venue(), VenueErrorKind.INVALID_REQUEST, "PAPER: only IOC and market orders are simulated, got "
                    + order.type());
        }
        start();
        list(order.symbol());
        feed(order.symbol());
        Side side = order.side() == OrderSide.BUY ? Side.BUY : Side.SELL;
        var request = new io.perpcarry.emulator.engine.OrderRequest(order.symbol(), side,
                order.type() == OrderType.MARKET ? io.perpcarry.emulator.engine.OrderType.MARKET
                        : io.perpcarry.emulator.engine.OrderType.LIMIT, TimeInForce.IOC, order.size(), order.price(),
                order.reduceOnly(), null, null, null);
        OrderResult r = exchange.submit(ACCOUNT, request);
        if (!r.accepted()) {
            if (r.rejectReason() == RejectReason.REDUCE_ONLY_WOULD_INCREASE) {
                return new OrderAck(order.clientOrderId(), "paper-rejected", Optional.of(BigDecimal.ZERO));
            }
            throw new VenueException(venue(), VenueErrorKind.REJECTED, "PAPER: " + r.rejectReason() + ": " + r.message());
        }
        BigDecimal filled = r.order().filledSize();
        if (filled.signum() > 0) {
            if (exchange.account(ACCOUNT).positions().stream()
                    .anyMatch(p -> p.symbol().equals(order.symbol()) && p.size().signum() != 0)) {
                openedAt.putIfAbsent(order.symbol(), engine.wallClock().instant()); // funded_up_to of a new leg, on the clock of its payments
            } else {
                openedAt.remove(order.symbol());
            }
            collect();
            save();
        }
        return new OrderAck(order.clientOrderId(), "paper-" + r.order().orderId(), Optional.of(filled));
    }

    /**
     * Opens the engine's account from the file (or the collateral given) at the first use, when live data is up, after
     * settling what the saved legs would have paid while the daemon was stopped (nothing is booked if a read fails:
     * the next use tries again).
     */
    private void start() {
        if (started) {
            return;
        }
        Map<String, BigDecimal> marks = new TreeMap<>();
        for (String symbol : saved.keySet()) {
            list(symbol);
            marks.put(symbol, feed(symbol));
        }
        List<FundingPayment> missed = readOnly ? List.of() : missedFunding(marks);
        BigDecimal collateral = startCollateral;
        for (FundingPayment p : missed) {
            collateral = collateral.add(p.amount());
            openedAt.put(p.symbol(), p.settledAt());
        }
        engine.openAccount(venueId, ACCOUNT, collateral);
        for (Map.Entry<String, PaperLeg> e : saved.entrySet()) {
            engine.restorePosition(venueId, ACCOUNT, e.getKey(), e.getValue().size, e.getValue().entry);
            if (e.getValue().fundedUpTo != null) {
                openedAt.putIfAbsent(e.getKey(), e.getValue().fundedUpTo);
            }
        }
        started = true;
        if (!missed.isEmpty()) {
            payments.addAll(missed);
            LOG.info("PAPER {}: {} funding settlement(s) that fell while the daemon was stopped booked from the venue's"
                    + " settled history", venue().displayName(), missed.size());
            save();
        }
    }

    /**
     * The venue's settlements after each saved leg's last funded one, up to now, from its settled history: −signed size ×
     * the mark now × the settled rate (the mark at each past settlement is not known), USDC to 6 decimals as the engine.
     */
    private List<FundingPayment> missedFunding(Map<String, BigDecimal> marks) {
        Instant now = clock.instant();
        List<FundingPayment> out = new ArrayList<>();
        for (Map.Entry<String, PaperLeg> e : saved.entrySet()) {
            PaperLeg leg = e.getValue();
            if (leg.fundedUpTo == null || leg.size.signum() == 0 || !leg.fundedUpTo.isBefore(now)) {
                continue;
            }
            for (FundingQuote q : live.settledFundingBetween(e.getKey(), leg.fundedUpTo, now)) {
                if (q.observedAt().isAfter(leg.fundedUpTo)) {
                    BigDecimal amount = leg.size.multiply(marks.get(e.getKey())).multiply(q.rate()).negate()
                            .setScale(6, java.math.RoundingMode.HALF_EVEN);
                    out.add(new FundingPayment(venue(), e.getKey(), q.observedAt(), q.rate(), leg.size, amount));
                }
            }
        }
        return out;
    }

    /** Lists {@code symbol} on the engine as a live-fed market, from the venue's spec and current funding quote. */
    private void list(String symbol) {
        if (engine.lists(venueId, symbol)) {
            return;
        }
        MarketSpec spec = markets().get(symbol);
        if (spec == null) {
            throw new VenueException(venue(), VenueErrorKind.INVALID_REQUEST, "PAPER: " + venue().displayName()
                    + " does not list " + symbol);
        }
        FundingQuote quote = live.fundingQuotes().get(symbol);
        if (quote == null) {
            throw new VenueException(venue(), VenueErrorKind.UNAVAILABLE, "PAPER: " + venue().displayName()
                    + " publishes no funding rate for " + symbol + ": its funding cannot be simulated");
        }
        VenueMarket market = new VenueMarket(venueId, symbol, spec.venueMarketId(), spec.priceTick(), spec.sizeStep(),
                spec.minBaseSize(), null, spec.minQuoteNotional(), spec.takerFeeRate(), spec.makerFeeRate(),
                MAX_LEVERAGE, 1, MAINTENANCE_MARGIN_FRACTION, BigDecimal.ZERO,
                (int) quote.interval().toMinutes(), (int) spec.fundingInterval().toMinutes(), null);
        engine.listLiveMarket(market, mark(symbol, live.orderBook(symbol, 1)), quote.rate());
    }

    /** The live book's levels and the venue's mark into the engine's market; returns the mark. */
    private BigDecimal feed(String symbol) {
        OrderBook book = live.orderBook(symbol, DEPTH);
        BigDecimal mark = mark(symbol, book);
        engine.setLiveMark(venueId, symbol, mark);
        engine.setLiveBook(venueId, symbol, levels(book.bids()), levels(book.asks()));
        return mark;
    }

    /** The venue's own mark (Lighter mark_price, EdgeX oracle price) when the live connector has one, else the book mid. */
    private BigDecimal mark(String symbol, OrderBook book) {
        return live.markPrice(symbol).orElseGet(book::mid);
    }

    private static List<io.perpcarry.emulator.engine.BookLevel> levels(List<io.perpcarry.domain.BookLevel> side) {
        return side.stream().map(l -> new io.perpcarry.emulator.engine.BookLevel(l.price(), l.size())).toList();
    }

    /** Marks and (at most once a minute) funding rates of the held markets from the live venue. */
    private void refreshHeld() {
        List<String> held = exchange.account(ACCOUNT).positions().stream().filter(p -> p.size().signum() != 0)
                .map(io.perpcarry.emulator.engine.Position::symbol).toList();
        for (String symbol : held) {
            feed(symbol);
        }
        Instant now = clock.instant();
        if (held.isEmpty() || fundingCheckedAt != null && now.isBefore(fundingCheckedAt.plus(FUNDING_POLL))) {
            return;
        }
        fundingCheckedAt = now;
        Map<String, FundingQuote> quotes = live.fundingQuotes();
        for (String symbol : held) {
            FundingQuote q = quotes.get(symbol);
            if (q != null) { // a missing quote keeps the last one: the venue's rate is not known to have changed
                engine.setFundingRate(venueId, symbol, q.rate());
            }
        }
    }

    /** Funding the engine settled since last looked: into the payment list and the file. */
    private void collect() {
        List<io.perpcarry.emulator.engine.FundingPayment> fresh = exchange.fundingPayments(ACCOUNT, null,
                Exchange.HISTORY_READ_LIMIT).stream().filter(p -> p.fundingId() > lastFundingId).toList();
        if (fresh.isEmpty()) {
            return;
        }
        for (int i = fresh.size() - 1; i >= 0; i--) { // oldest first
            var p = fresh.get(i);
            payments.add(new FundingPayment(venue(), p.symbol(), p.time(), p.ratePerSettlement(), p.positionSize(),
                    p.amount()));
            openedAt.put(p.symbol(), p.time());
        }
        lastFundingId = fresh.get(0).fundingId();
        save();
    }

    private void save() {
        if (readOnly || accountFile == null) {
            return;
        }
        var snapshot = exchange.account(ACCOUNT);
        Map<String, PaperLeg> legs = new TreeMap<>();
        for (var p : snapshot.positions()) {
            if (p.size().signum() != 0) {
                PaperLeg l = new PaperLeg();
                l.size = p.size();
                l.entry = p.avgEntryPrice();
                l.fundedUpTo = openedAt.get(p.symbol());
                legs.put(p.symbol(), l);
            }
        }
        saveFile(snapshot.collateral(), legs);
    }

    private void saveFile(BigDecimal collateral, Map<String, PaperLeg> legs) {
        if (accountFile != null) {
            accountFile.save(collateral, legs, payments);
        }
    }

    @Override
    public void cancelOrder(String symbol, String orderId) {
        // nothing rests
    }

    @Override
    public void cancelAllOrders() {
        // nothing rests
    }

    @Override
    public synchronized void setLeverage(String symbol, int leverage) {
        if (leverage < 1) {
            throw new VenueException(venue(), VenueErrorKind.INVALID_REQUEST, "leverage must be >= 1, got " + leverage);
        }
        start();
        list(symbol);
        try {
            exchange.setLeverage(ACCOUNT, symbol, leverage, true);
        } catch (EngineRejection e) {
            throw new VenueException(venue(), VenueErrorKind.REJECTED, "PAPER: " + e.getMessage());
        }
    }

    @Override
    public synchronized List<FundingPayment> fundingPayments(Instant since) {
        if (!readOnly) {
            start();
            refreshHeld();
            collect();
        }
        return payments.stream().filter(p -> !p.settledAt().isBefore(since)).toList();
    }

    @Override
    public void close() {
        live.close();
    }
}
