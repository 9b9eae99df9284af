package io.perpcarry.venue.lighter;

import com.fasterxml.jackson.databind.JsonNode;
import io.perpcarry.config.LighterCredentials;
import io.perpcarry.config.RuntimeEnvironment;
import io.perpcarry.config.VenueEndpoints;
import io.perpcarry.crypto.lighter.LighterKeyException;
import io.perpcarry.crypto.lighter.LighterPrivateKey;
import io.perpcarry.crypto.lighter.LighterSigner;
import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.MarketSnapshot;
import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.AccountState;
import io.perpcarry.venue.FundingPayment;
import io.perpcarry.venue.MarketDataListener;
import io.perpcarry.venue.OpenOrder;
import io.perpcarry.venue.OrderAck;
import io.perpcarry.venue.OrderRequest;
import io.perpcarry.venue.VenueConnector;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import io.perpcarry.venue.http.HttpTimeouts;
import io.perpcarry.venue.http.VenueHttp;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's only door to Lighter: REST through {@link VenueHttp} (Camel HTTP), books and account events
 * through {@link LighterStreams} (Vert.x WebSocket). Without credentials only the public reads work; the
 * private ones refuse with AUTH naming what is missing.
 *
 * <p>Request budget: a scan ({@link #snapshots}) reads orderBookDetails and
 * funding-rates once each, books come from the stream, and at most {@code restBooksPerScan} books are read
 * over REST when their stream book is not fresh.
 */
public final class LighterConnector implements VenueConnector {
    private static final Logger LOG = LoggerFactory.getLogger(LighterConnector.class);
    static final String ORDER_BOOK_DETAILS = "/api/v1/orderBookDetails";
    static final String FUNDING_RATES = "/api/v1/funding-rates";
    static final String ORDER_BOOK_ORDERS = "/api/v1/orderBookOrders";
    static final String ACCOUNT = "/api/v1/account";
    static final String ACTIVE_ORDERS = "/api/v1/accountActiveOrders";
    static final String POSITION_FUNDING = "/api/v1/positionFunding";
    static final String NEXT_NONCE = "/api/v1/nextNonce";
    static final String FUNDINGS = "/api/v1/fundings";
    /** A settled-funding read asks for at most this many hourly rows. */
    static final int MAX_SETTLED = 500;
    /** /api/v1/orderBookOrders returns at most 250 orders a side. */
    static final int MAX_REST_ORDERS = 250;
    private static final int ALL_MARKETS = 255;
    /** Standard accounts' per-tx-type caps (apidocs rate-limits): L2UpdateLeverage 1/min, others 40/min. */
    static final int UPDATE_LEVERAGE_PER_MINUTE = 1;
    static final int TX_TYPE_PER_MINUTE = 40;
    private static final int FUNDING_PAGE = 100;
    private static final int MAX_FUNDING_PAGES = 50;

    private final VenueHttp http;
    private final Clock clock;
    private final LighterSettings settings;
    private final Optional<Account> account;
    private final LighterStreams streams;
    private volatile MarketCache markets;

    /** What private calls need; absent in read-only use. */
    private record Account(long index, LighterSigner signer, LighterAuthTokens tokens, LighterTransactions txs) {
    }

    private record MarketCache(Map<String, LighterMarket> bySymbol, Map<Integer, String> symbolById, Instant readAt) {
    }

    /**
     * @param camel     the Camel context whose http component carries the calls (its timeouts are set here)
     * @param endpoints Lighter's REST and WebSocket URLs and, optionally, the API key that signs
     * @param chainId   the chain the API key signs for (304 mainnet)
     * @param clock     the time of quotes, tokens, nonces' deadlines and book freshness
     * @param settings  timeouts, retries, freshness limits
     */
    public LighterConnector(CamelContext camel, VenueEndpoints<LighterCredentials> endpoints, int chainId, Clock clock,
                            LighterSettings settings) {
        this.clock = clock;
        this.settings = settings;
        HttpTimeouts.apply(camel, settings.connectTimeout(), settings.responseTimeout());
        this.http = new VenueHttp(Venue.LIGHTER, camel, endpoints.baseUrl(), settings.readRetry(),
                d -> Thread.sleep(d.toMillis()));
        this.account = endpoints.credentials().map(c -> account(c, chainId));
        Vertx vertx = camel.getRegistry().findSingleByType(Vertx.class);
        this.streams = new LighterStreams(vertx, endpoints.wsUrl(), clock, settings,
                account.map(Account::index).orElse(null), account.<java.util.function.Supplier<String>>map(a -> a.tokens()::current).orElse(null));
    }

    public LighterConnector(CamelContext camel, VenueEndpoints<LighterCredentials> endpoints, int chainId, Clock clock) {
        this(camel, endpoints, chainId, clock, LighterSettings.DEFAULT);
    }

    public static LighterConnector fromEnvironment(CamelContext camel, RuntimeEnvironment env, Clock clock) {
        return new LighterConnector(camel, env.lighter(), env.lighterChainId(), clock);
    }

    private Account account(LighterCredentials c, int chainId) {
        LighterPrivateKey key;
        try {
            key = LighterPrivateKey.fromHex(c.apiKeyPrivateKey().reveal());
        } catch (LighterKeyException e) {
            throw new VenueException(Venue.LIGHTER, VenueErrorKind.AUTH, "the API private key is unusable: " + e.getMessage());
        }
        LighterSigner signer = new LighterSigner(key, chainId, c.accountIndex(), c.apiKeyIndex());
        LighterNonces nonces = new LighterNonces(() -> LighterMapper.nextNonce(LighterJson.parseOk(http.get(NEXT_NONCE,
                Map.of("account_index", Long.toString(c.accountIndex()), "api_key_index", Integer.toString(c.apiKeyIndex())),
                Map.of()).body(), "nextNonce")));
        return new Account(c.accountIndex(), signer, new LighterAuthTokens(signer, clock),
                new LighterTransactions(http, signer, nonces, clock));
    }

    @Override
    public Venue venue() {
        return Venue.LIGHTER;
    }

    // ---- streams ---------------------------------------------------------------------------------------

    /** Starts the WebSocket and follows the books of these symbols (1 REST read if the markets are not cached). */
    public void startStreams(Collection<String> symbols) {
        streams.watch(marketIds(symbols));
        streams.start();
    }

    public void addListener(MarketDataListener listener) {
        streams.addListener(listener);
    }

    /** The venue's shared request limiter (its wait counters are for metrics). */
    public io.perpcarry.venue.http.RateLimiter rateLimiter() {
        return http.rateLimiter();
    }

    /** For status and tests. */
    public LighterStreams streams() {
        return streams;
    }

    @Override
    public boolean marketDataFresh(String symbol) {
        return streams.isFresh(symbol);
    }

    // ---- market data -----------------------------------------------------------------------------------

    /** 1 request when the cache is older than {@code marketsMaxAge}, else none. */
    @Override
    public Map<String, MarketSpec> markets() {
        Map<String, MarketSpec> out = new LinkedHashMap<>();
        cachedMarkets().bySymbol().forEach((s, m) -> out.put(s, m.spec()));
        return Collections.unmodifiableMap(out);
    }

    /** 1 request. */
    @Override
    public Map<String, FundingQuote> fundingQuotes() {
        Instant now = clock.instant();
        return LighterMapper.fundingQuotes(getOk(FUNDING_RATES, Map.of(), Map.of(), "funding-rates"), now);
    }

    /**
     * 2 requests (orderBookDetails: markets and 24 h volume; funding-rates) plus at most
     * {@code restBooksPerScan} book reads for symbols whose stream book is not fresh. Symbols asked for are
     * watched from now on. Symbols without a Lighter funding row, or whose book is neither fresh nor within that
     * REST allowance, are left out with a warning: they are not priced on stale data, and the scan keeps its
     * budget. (A stream that is down leaves all but {@code restBooksPerScan} symbols out.)
     */
    @Override
    public Map<String, MarketSnapshot> snapshots(Collection<String> symbols) {
        LighterMapper.MarketDetails details = readMarketDetails();
        Map<String, FundingQuote> funding = fundingQuotes();
        Map<Integer, String> toWatch = new LinkedHashMap<>();
        for (String s : symbols) {
            LighterMarket m = details.markets().get(s);
            if (m != null) {
                toWatch.put(m.marketId(), s);
            }
        }
        streams.watch(toWatch);
        Map<String, MarketSnapshot> out = new LinkedHashMap<>();
        List<String> unpriced = new ArrayList<>();
        int restBooks = 0;
        for (String symbol : symbols) {
            LighterMarket market = details.markets().get(symbol);
            FundingQuote quote = funding.get(symbol);
            if (market == null) {
                continue; // not listed: absent, as the port says
            }
            if (quote == null) {
                unpriced.add(symbol + " (no funding rate)");
                continue;
            }
            Optional<OrderBook> book = streams.freshBook(symbol, MAX_REST_ORDERS);
            if (book.isEmpty() && restBooks < settings.restBooksPerScan()) {
                restBooks++;
                book = Optional.of(restBook(market, MAX_REST_ORDERS));
            }
            if (book.isEmpty()) {
                unpriced.add(symbol);
                continue;
            }
            out.put(symbol, new MarketSnapshot(market.spec(), quote, book.get(), details.volume24hUsd().get(symbol)));
        }
        if (!unpriced.isEmpty()) {
            LOG.warn("Lighter scan: {} left out of this scan: no funding rate, or no fresh book (stream {})", unpriced,
                    streams.isConnected() ? "up" : "down");
        }
        return Collections.unmodifiableMap(out);
    }

    /** The last {@code mark_price} of market_stats on the current stream connection; 0 requests. */
    @Override
    public Optional<java.math.BigDecimal> markPrice(String symbol) {
        LighterMarket m = cachedMarkets().bySymbol().get(symbol);
        return m == null ? Optional.empty() : streams.markPrice(m.marketId());
    }

    /** The stream book when fresh (0 requests), else 1 request to /api/v1/orderBookOrders. */
    @Override
    public OrderBook orderBook(String symbol, int depth) {
        if (depth < 1) {
            throw invalid("depth must be >= 1, got " + depth);
        }
        Optional<OrderBook> local = streams.freshBook(symbol, depth);
        return local.orElseGet(() -> restBook(market(symbol), depth));
    }

    private OrderBook restBook(LighterMarket market, int depth) {
        JsonNode root = getOk(ORDER_BOOK_ORDERS, Map.of("market_id", Integer.toString(market.marketId()),
                "limit", Integer.toString(MAX_REST_ORDERS)), Map.of(), "orderBookOrders");
        return LighterMapper.orderBookFromOrders(root, market.symbol(), depth, clock.instant());
    }

    // ---- account ---------------------------------------------------------------------------------------

    /** 1 request. */
    @Override
    public AccountState account() {
        Account a = requireAccount("account");
        return LighterMapper.account(readAccount(a), a.index(), clock.instant());
    }

    /**
     * 1 account read, then 1 accountActiveOrders read per market where the account says it has orders
     * (none when it has none). If the per-market counts do not add up to the account's total, one read over
     * all markets (market_id 255) instead, so an order is never missed.
     */
    @Override
    public List<OpenOrder> openOrders() {
        Account a = requireAccount("openOrders");
        JsonNode acct = readAccount(a);
        Map<Integer, Integer> counts = LighterMapper.orderCountsByMarket(acct, a.index());
        long total = LighterMapper.totalOrderCount(acct, a.index());
        long counted = counts.values().stream().mapToLong(Integer::longValue).sum();
        Map<Integer, String> symbols = cachedMarkets().symbolById();
        Set<Integer> where = counted >= total ? counts.keySet() : Set.of(ALL_MARKETS);
        List<OpenOrder> out = new ArrayList<>();
        for (int marketId : where) {
            JsonNode root = getOk(ACTIVE_ORDERS, Map.of("account_index", Long.toString(a.index()),
                    "market_id", Integer.toString(marketId)), authHeader(a), "accountActiveOrders");
            out.addAll(LighterMapper.openOrders(root, symbols));
        }
        return List.copyOf(out);
    }

    /**
     * Pages of /api/v1/positionFunding (auth), newest first, 100 a page, until a row is older than
     * {@code since}. More than 50 pages is refused rather than cut short.
     */
    @Override
    public List<FundingPayment> fundingPayments(Instant since) {
        Account a = requireAccount("fundingPayments");
        Map<Integer, String> symbols = cachedMarkets().symbolById();
        List<FundingPayment> out = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_FUNDING_PAGES; page++) {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("account_index", Long.toString(a.index()));
            query.put("limit", Integer.toString(FUNDING_PAGE));
            query.put("start_timestamp", Long.toString(since.getEpochSecond()));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonNode root = getOk(POSITION_FUNDING, query, authHeader(a), "positionFunding");
            List<FundingPayment> rows = LighterMapper.fundingPayments(root, symbols);
            boolean older = false;
            for (FundingPayment p : rows) {
                if (p.settledAt().isBefore(since)) {
                    older = true;
                } else {
                    out.add(p);
                }
            }
            JsonNode next = root.get("next_cursor");
            if (older || rows.isEmpty() || next == null || !next.isTextual() || next.textValue().isEmpty()) {
                return List.copyOf(out);
            }
            cursor = next.textValue();
        }
        throw invalid("more than " + MAX_FUNDING_PAGES * FUNDING_PAGE + " funding payments since " + since
                + "; ask for a shorter period");
    }

    /**
     * 1 request (+1 markets read when the cache is stale): /api/v1/fundings at 1 h resolution over the last
     * {@code limit} + 2 hours, so a settlement that is a little late is still in the window.
     */
    @Override
    public List<FundingQuote> settledFunding(String symbol, int limit) {
        if (limit < 1 || limit > MAX_SETTLED) {
            throw invalid("settled funding limit must be 1.." + MAX_SETTLED + ", got " + limit);
        }
        LighterMarket market = market(symbol);
        Instant now = clock.instant();
        JsonNode root = getOk(FUNDINGS, Map.of("market_id", Integer.toString(market.marketId()), "resolution", "1h",
                "start_timestamp", Long.toString(now.minusSeconds(3600L * (limit + 2)).getEpochSecond()),
                "end_timestamp", Long.toString(now.getEpochSecond()), "count_back", Integer.toString(limit)), Map.of(),
                "fundings");
        List<FundingQuote> rows = LighterMapper.settledFunding(root, symbol);
        return rows.subList(0, Math.min(limit, rows.size()));
    }

    /** 1 accountActiveOrders read, +1 accountInactiveOrders when not open: see {@link LighterFills}. */
    @Override
    public io.perpcarry.venue.OrderOutcome orderOutcome(String symbol, long clientOrderId) {
        return history("orderOutcome").outcome(symbol, market(symbol).marketId(), clientOrderId);
    }

    /** 1 trades read (the newest 100 of the market). */
    @Override
    public List<io.perpcarry.venue.Fill> fills(String symbol, Instant since) {
        return history("fills").fills(symbol, market(symbol).marketId(), since);
    }

    private LighterFills history(String operation) {
        Account a = requireAccount(operation);
        return new LighterFills(a.index(), (path, query, what) -> getOk(path, query, authHeader(a), what));
    }

    /** {@code GET /}: {"status":200,"network_id":1,"timestamp":1763005601}, seconds (captures/lighter/GET_root_status.json). */
    @Override
    public java.time.Duration clockTolerance() {
        // reads carry no timestamp, but every transaction's ExpiredAt is our clock + TX_DEADLINE: beyond it (less a
        // minute of margin) the venue refuses each order as expired (code 21116) while reads still work
        return LighterTransactions.TX_DEADLINE.minusMinutes(1);
    }

    @Override
    public Instant serverTime() {
        JsonNode root = LighterJson.parse(http.get("/", Map.of(), Map.of()).body(), "status");
        JsonNode ts = LighterJson.field(root, "timestamp", "status");
        if (!ts.canConvertToLong()) {
            throw new VenueException(Venue.LIGHTER, VenueErrorKind.MALFORMED_RESPONSE, "status: timestamp is not an integer: " + ts);
        }
        return Instant.ofEpochSecond(ts.asLong());
    }

    /**
     * /api/v1/fundings at 1 h resolution in windows of {@link #MAX_SETTLED} hours: 1 request per window. Rows are
     * stamped on the hour; the window end is inclusive on the venue, so rows at {@code to} are dropped here.
     */
    @Override
    public List<FundingQuote> settledFundingBetween(String symbol, Instant from, Instant to) {
        LighterMarket market = market(symbol);
        java.util.TreeMap<Instant, FundingQuote> out = new java.util.TreeMap<>();
        for (Instant start = from; start.isBefore(to); start = start.plusSeconds(3600L * MAX_SETTLED)) {
            Instant end = start.plusSeconds(3600L * MAX_SETTLED).isBefore(to) ? start.plusSeconds(3600L * MAX_SETTLED) : to;
            JsonNode root = getOk(FUNDINGS, Map.of("market_id", Integer.toString(market.marketId()), "resolution", "1h",
                    "start_timestamp", Long.toString(start.getEpochSecond()), "end_timestamp",
                    Long.toString(end.getEpochSecond()), "count_back", Integer.toString(MAX_SETTLED + 1)), Map.of(), "fundings");
            for (FundingQuote q : LighterMapper.settledFunding(root, symbol)) {
                if (!q.observedAt().isBefore(from) && q.observedAt().isBefore(to)) {
                    out.put(q.observedAt(), q);
                }
            }
        }
        return List.copyOf(out.values());
    }

    // ---- writes ----------------------------------------------------------------------------------------

    /**
     * 1 sendTx (plus 1 nextNonce the first time, and 1 nextNonce + 1 sendTx again after an invalid-nonce
     * refusal). Lighter answers a tx hash, not an order id: the ack's venue order id is our client order
     * index, which cancelOrder accepts. The fill is not reported here; read the account back.
     */
    @Override
    public OrderAck placeOrder(OrderRequest order) {
        return send(prepare(order));
    }

    /** Takes a nonce and signs the CreateOrder tx now (+1 nextNonce the first time); nothing is sent. */
    @Override
    public io.perpcarry.venue.PreparedOrder prepare(OrderRequest order) {
        Account a = requireAccount("placeOrder");
        LighterMarket market = market(order.symbol());
        return new io.perpcarry.venue.PreparedOrder(Venue.LIGHTER, order, a.txs().presign("create order "
                + order.symbol() + " #" + order.clientOrderId(), ctx -> LighterOrders.createOrder(ctx, market, order,
                clock.millis())));
    }

    /** 1 sendTx (re-signed and sent once more after an invalid-nonce refusal). */
    @Override
    public OrderAck send(io.perpcarry.venue.PreparedOrder prepared) {
        OrderRequest order = prepared.request();
        if (!(prepared.payload() instanceof LighterTransactions.Presigned p)) {
            return placeOrder(order);
        }
        http.rateLimiter().acquireKind("lighter:L2CreateOrder", TX_TYPE_PER_MINUTE);
        String txHash = requireAccount("placeOrder").txs().sendPresigned(p);
        LOG.info("Lighter order {} {} {} @ {} ({}) accepted, tx {}", order.side(), order.size().toPlainString(),
                order.symbol(), order.price().toPlainString(), order.type(), txHash);
        return new OrderAck(order.clientOrderId(), Long.toString(order.clientOrderId()), Optional.empty());
    }

    /** 1 sendTx. {@code orderId}: Lighter's order index or our client order index. */
    @Override
    public void cancelOrder(String symbol, String orderId) {
        Account a = requireAccount("cancelOrder");
        LighterMarket market = market(symbol);
        http.rateLimiter().acquireKind("lighter:L2CancelOrder", TX_TYPE_PER_MINUTE);
        a.txs().send("cancel order " + symbol + " " + orderId, ctx -> LighterOrders.cancelOrder(ctx, market, orderId));
    }

    /** 1 sendTx: CancelAllOrders, immediate. */
    @Override
    public void cancelAllOrders() {
        Account a = requireAccount("cancelAllOrders");
        http.rateLimiter().acquireKind("lighter:L2CancelAllOrders", TX_TYPE_PER_MINUTE);
        a.txs().send("cancel all orders", LighterOrders::cancelAll);
    }

    /**
     * 1 account read, and 1 sendTx (UpdateLeverage, cross margin) only when the venue's current value differs:
     * Standard accounts may send UpdateLeverage once a minute (apidocs rate-limits), so it is never re-sent
     * for nothing. The current value is the position row's {@code initial_margin_fraction}; without a row
     * (never traded) it is unknown and the tx is sent.
     */
    @Override
    public void setLeverage(String symbol, int leverage) {
        Account a = requireAccount("setLeverage");
        LighterMarket market = market(symbol);
        int target = LighterOrders.marginFraction(market, leverage);
        Optional<Integer> current = LighterMapper.crossMarginFraction(readAccount(a), a.index(), market.marketId());
        if (current.isPresent() && current.get() == target) {
            LOG.debug("Lighter {} leverage is already {}x (initial margin fraction {}): no UpdateLeverage sent",
                    symbol, leverage, target);
            return;
        }
        http.rateLimiter().acquireKind("lighter:L2UpdateLeverage", UPDATE_LEVERAGE_PER_MINUTE);
        a.txs().send("set leverage " + symbol + " " + leverage + "x", ctx -> LighterOrders.crossLeverage(ctx, market, leverage));
    }

    @Override
    public void close() {
        streams.close();
    }

    @Override
    public String toString() {
        return "LighterConnector[" + (account.isPresent() ? "trading" : "read-only") + ", " + streams + "]";
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private JsonNode readAccount(Account a) {
        return getOk(ACCOUNT, Map.of("by", "index", "value", Long.toString(a.index())), Map.of(), "account");
    }

    private JsonNode getOk(String path, Map<String, String> query, Map<String, String> headers, String what) {
        return LighterJson.parseOk(http.get(path, query, headers).body(), what);
    }

    private Map<String, String> authHeader(Account a) {
        return Map.of("Authorization", a.tokens().current());
    }

    private LighterMapper.MarketDetails readMarketDetails() {
        LighterMapper.MarketDetails details = LighterMapper.marketDetails(
                getOk(ORDER_BOOK_DETAILS, Map.of("filter", "perp"), Map.of(), "orderBookDetails"));
        Map<Integer, String> byId = new LinkedHashMap<>();
        details.markets().forEach((s, m) -> byId.put(m.marketId(), s));
        markets = new MarketCache(details.markets(), Collections.unmodifiableMap(byId), clock.instant());
        return details;
    }

    private MarketCache cachedMarkets() {
        MarketCache c = markets;
        if (c == null || c.readAt().plus(settings.marketsMaxAge()).isBefore(clock.instant())) {
            readMarketDetails();
            c = markets;
        }
        return c;
    }

    private LighterMarket market(String symbol) {
        LighterMarket m = cachedMarkets().bySymbol().get(symbol);
        if (m == null) {
            throw invalid("Lighter lists no active perp market " + symbol);
        }
        return m;
    }

    private Map<Integer, String> marketIds(Collection<String> symbols) {
        Map<Integer, String> ids = new LinkedHashMap<>();
        for (String s : symbols) {
            ids.put(market(s).marketId(), s);
        }
        return ids;
    }

    private Account requireAccount(String operation) {
        return account.orElseThrow(() -> new VenueException(Venue.LIGHTER, VenueErrorKind.AUTH, operation
                + " needs Lighter credentials: LIGHTER_API_KEY_PRIVATE_KEY, LIGHTER_ACCOUNT_INDEX and LIGHTER_API_KEY_INDEX are not set"));
    }

    private static VenueException invalid(String message) {
        return new VenueException(Venue.LIGHTER, VenueErrorKind.INVALID_REQUEST, message);
    }
}
