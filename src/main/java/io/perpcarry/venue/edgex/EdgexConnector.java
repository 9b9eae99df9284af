package io.perpcarry.venue.edgex;

import com.fasterxml.jackson.databind.JsonNode;
import io.perpcarry.config.EdgexCredentials;
import io.perpcarry.config.RuntimeEnvironment;
import io.perpcarry.config.VenueEndpoints;
import io.perpcarry.crypto.edgex.EdgexApiCredentials;
import io.perpcarry.crypto.edgex.EdgexDomain;
import io.perpcarry.crypto.edgex.EdgexOrderSigner;
import io.perpcarry.crypto.edgex.EdgexRequestSigner;
import io.perpcarry.crypto.edgex.EdgexSigningException;
import io.perpcarry.domain.BookLevel;
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
import io.perpcarry.venue.common.MarketDataFanOut;
import io.perpcarry.venue.http.HttpTimeouts;
import io.perpcarry.venue.http.VenueHttp;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's door to EdgeX (API v2): REST through {@link VenueHttp} (Camel HTTP), books and account events through
 * {@link EdgexStreams} (the shared venue WebSocket). Public reads work without credentials; private calls without them
 * throw AUTH. Requests per call: see each method.
 */
public final class EdgexConnector implements VenueConnector {
    private static final Logger LOG = LoggerFactory.getLogger(EdgexConnector.class);
    private static final String MISSING = "EDGEX_ACCOUNT_ID, EDGEX_API_KEY, EDGEX_API_PASSPHRASE, EDGEX_API_SECRET, "
            + "EDGEX_TRADING_PRIVATE_KEY";

    private final CamelContext camel;
    private final VenueEndpoints<EdgexCredentials> endpoints;
    private final Clock clock;
    private final EdgexSettings settings;
    private final EdgexRest rest;
    private final Optional<EdgexOrders> orders;
    private final Optional<EdgexStreams.PrivateAuth> streamAuth;
    private final Object catalogLock = new Object();
    private volatile EdgexCatalog catalog;
    private volatile EdgexStreams streams;
    private final MarketDataFanOut fanOut = new MarketDataFanOut();

    public EdgexConnector(CamelContext camel, VenueEndpoints<EdgexCredentials> endpoints, Clock clock) {
        this(camel, endpoints, clock, EdgexSettings.DEFAULT);
    }

    public EdgexConnector(CamelContext camel, VenueEndpoints<EdgexCredentials> endpoints, Clock clock,
                          EdgexSettings settings) {
        this(camel, endpoints, clock, settings, httpWithDeadlines(camel, endpoints, settings));
    }

    /** Every call gets a deadline: applied to Camel's http components before the door is built. */
    private static VenueHttp httpWithDeadlines(CamelContext camel, VenueEndpoints<EdgexCredentials> endpoints,
                                               EdgexSettings settings) {
        HttpTimeouts.apply(camel, settings.connectTimeout(), settings.responseTimeout());
        return new VenueHttp(Venue.EDGEX, camel, endpoints.baseUrl(), settings.readRetry(), d -> Thread.sleep(d.toMillis()));
    }

    EdgexConnector(CamelContext camel, VenueEndpoints<EdgexCredentials> endpoints, Clock clock, EdgexSettings settings,
                   VenueHttp http) {
        this.camel = camel;
        this.endpoints = endpoints;
        this.clock = clock;
        this.settings = settings;
        Optional<EdgexCredentials> creds = endpoints.credentials();
        Optional<EdgexRequestSigner> signer = creds.map(c -> {
            try {
                return new EdgexRequestSigner(new EdgexApiCredentials(c.apiKey().reveal(), c.apiPassphrase().reveal(),
                        c.apiSecret().reveal()), EdgexRequestSigner.DEFAULT_HEADER_KEY, clock);
            } catch (EdgexSigningException e) {
                throw new VenueException(Venue.EDGEX, VenueErrorKind.AUTH, "EdgeX API credentials unusable: "
                        + e.getMessage());
            }
        });
        Optional<String> accountId = creds.map(c -> Long.toString(c.accountId()));
        this.rest = new EdgexRest(http, signer, accountId, MISSING);
        this.orders = creds.map(c -> {
            try {
                return new EdgexOrders(EdgexOrderSigner.fromHex(c.tradingPrivateKey().reveal()), c.accountId(), clock,
                        settings.orderExpiry());
            } catch (EdgexSigningException e) {
                throw new VenueException(Venue.EDGEX, VenueErrorKind.AUTH, "EDGEX_TRADING_PRIVATE_KEY unusable: "
                        + e.getMessage());
            }
        });
        this.streamAuth = signer.map(s -> new EdgexStreams.PrivateAuth(s, accountId.orElseThrow()));
    }

    @Override
    public Venue venue() {
        return Venue.EDGEX;
    }

    /** From the runtime environment (EDGEX_* variables). */
    public static EdgexConnector fromEnvironment(CamelContext camel, RuntimeEnvironment env, Clock clock) {
        return new EdgexConnector(camel, env.edgex(), clock);
    }

    /** Listeners hear of book changes, stale books and account changes; add before or after starting the streams. */
    public void addListener(MarketDataListener listener) {
        fanOut.add(listener);
    }

    /**
     * Starts the depth/ticker stream for these symbols (and the private stream with credentials). Books and
     * {@link #marketDataFresh} need it; {@link #snapshots} reads books only from it. 0-1 requests (metadata).
     */
    public void startStreams(Collection<String> symbols) {
        if (streams != null) {
            throw new IllegalStateException("EdgeX streams already started");
        }
        EdgexCatalog c = catalog();
        Map<String, String> contracts = new LinkedHashMap<>();
        for (String s : symbols) {
            EdgexMarket m = c.bySymbol(s).orElseThrow(() -> invalid("EdgeX lists no tradable market " + s));
            contracts.put(m.contractId(), s);
        }
        EdgexStreams st = new EdgexStreams(camel.getRegistry().findSingleByType(Vertx.class), endpoints.wsUrl(),
                contracts, streamAuth, settings, clock, fanOut);
        st.start();
        streams = st;
    }

    /**
     * Every offered contract quoted in the configured coin (USDC), including those closed to new positions
     * ({@link MarketSpec#closedToOpening()}): ranking must leave those out. 1 request when the cached metadata is older than its TTL, else 0. */
    @Override
    public Map<String, MarketSpec> markets() {
        return catalog().markets().values().stream()
                .collect(Collectors.toMap(EdgexMarket::symbol, EdgexMarket::spec, (a, b) -> a, LinkedHashMap::new));
    }

    /** All markets' funding in 1 request ({@code getLatestFundingRate} with every contract id), + metadata. */
    @Override
    public Map<String, FundingQuote> fundingQuotes() {
        EdgexCatalog c = catalog();
        return funding(c, c.markets().values());
    }

    private Map<String, FundingQuote> funding(EdgexCatalog c, Collection<EdgexMarket> wanted) {
        if (wanted.isEmpty()) {
            return Map.of();
        }
        // A comma list is how the SDK calls it (funding/client.py); 173 ids in one call were seen to work.
        String ids = wanted.stream().map(EdgexMarket::contractId).collect(Collectors.joining(","));
        JsonNode data = rest.publicGet("funding/getLatestFundingRate", Map.of("contractId", ids));
        List<String> noForecast = new ArrayList<>();
        Map<String, FundingQuote> quotes = EdgexMapper.fundingQuotes(data, c::byContractId, clock.instant(), noForecast);
        quotes.keySet().retainAll(wanted.stream().map(EdgexMarket::symbol).toList());
        if (!noForecast.isEmpty()) {
            LOG.info("EdgeX getLatestFundingRate has no forecast yet (settlement minute) for {}: left out", noForecast);
        }
        List<String> missing = wanted.stream().map(EdgexMarket::symbol)
                .filter(s -> !quotes.containsKey(s) && !noForecast.contains(s)).toList();
        if (!missing.isEmpty()) {
            LOG.warn("EdgeX getLatestFundingRate had no row for {}: left out", missing);
        }
        return quotes;
    }

    /**
     * Funding + book + 24 h volume: getLatestFundingRate (1) + one getTicker per contract whose streamed ticker is not
     * fresh (0-n: the venue answers one {@code contractId} per call, none or a list gives {@code []}) + metadata when
     * stale (0-1). Books come only from the depth stream. A symbol without a fresh local book, a ticker, an oracle
     * price (illiquid contracts have none) or a funding forecast is left out and named in the log: one bare contract
     * never costs the rest of the scan. With the stream down or not started, the call fails UNAVAILABLE.
     */
    @Override
    public Map<String, MarketSnapshot> snapshots(Collection<String> symbols) {
        EdgexStreams st = streams;
        if (st == null || !st.publicUp()) {
            throw new VenueException(Venue.EDGEX, VenueErrorKind.UNAVAILABLE, st == null
                    ? "market data stream not started (startStreams)" : "market data stream down: books are stale");
        }
        EdgexCatalog c = catalog();
        List<EdgexMarket> wanted = symbols.stream().distinct().map(c::bySymbol).flatMap(Optional::stream).toList();
        Map<String, FundingQuote> funding = funding(c, wanted);
        Map<String, MarketSnapshot> out = new LinkedHashMap<>();
        List<String> leftOut = new ArrayList<>();
        for (EdgexMarket m : wanted) {
            Optional<OrderBook> book = st.freshBook(m.contractId(), settings.depthLevel());
            FundingQuote f = funding.get(m.symbol());
            if (book.isEmpty() || f == null) {
                leftOut.add(m.symbol() + (book.isEmpty() ? " (no fresh book)" : " (no funding forecast)"));
                continue;
            }
            EdgexMapper.Ticker t;
            try {
                t = st.freshTicker(m.contractId()).orElseGet(() -> restTicker(m));
            } catch (VenueException e) {
                leftOut.add(m.symbol() + " (getTicker: " + e.getMessage() + ")");
                continue;
            }
            if (t.oraclePrice().isEmpty()) {
                leftOut.add(m.symbol() + " (ticker has no oraclePrice: illiquid, cannot be priced)");
                continue;
            }
            out.put(m.symbol(), new MarketSnapshot(m.spec(), f, book.get(), t.volume24hQuote()));
        }
        if (!leftOut.isEmpty()) {
            LOG.warn("EdgeX snapshots left out {}", leftOut);
        }
        return out;
    }

    /** The local book when fresh (0 requests), else {@code getDepth} (1 request). */
    @Override
    public OrderBook orderBook(String symbol, int depth) {
        if (depth < 1) {
            throw invalid("book depth must be >= 1, got " + depth);
        }
        EdgexMarket m = market(symbol);
        EdgexStreams st = streams;
        if (st != null && depth <= settings.depthLevel()) {
            Optional<OrderBook> local = st.freshBook(m.contractId(), depth);
            if (local.isPresent()) {
                return local.get();
            }
        }
        int level = depth <= 15 ? 15 : 200;
        JsonNode data = rest.publicGet("quote/getDepth", Map.of("contractId", m.contractId(), "level", Integer.toString(level)));
        if (!data.isArray() || data.isEmpty()) {
            throw Wire.malformed("getDepth", "no depth for " + symbol);
        }
        EdgexMapper.Depth d = EdgexMapper.depth(data.get(0));
        List<BookLevel> bids = EdgexMapper.bookLevels(d.bids());
        List<BookLevel> asks = EdgexMapper.bookLevels(d.asks());
        try {
            return new OrderBook(Venue.EDGEX, symbol, bids.subList(0, Math.min(depth, bids.size())),
                    asks.subList(0, Math.min(depth, asks.size())), clock.instant());
        } catch (IllegalArgumentException e) {
            throw Wire.malformed("getDepth", symbol + ": " + e.getMessage());
        }
    }

    /** {@code getAccountAsset}: 1 request (+1 metadata if a position sits on a contract listed since the last read). */
    @Override
    public AccountState account() {
        JsonNode data = rest.privateGet("account/getAccountAsset", Map.of());
        return withContracts(c -> EdgexMapper.account(data, quoteCoinId(c), c::byContractId, clock.instant()));
    }

    /** {@code getActiveOrderPage} pages of 200: 1 request per page. */
    @Override
    public List<OpenOrder> openOrders() {
        List<JsonNode> rows = rest.privatePages("order/getActiveOrderPage", Map.of("size", "200"));
        return withContracts(c -> {
            List<OpenOrder> out = new ArrayList<>();
            for (JsonNode page : rows) {
                out.addAll(EdgexMapper.openOrders(page, c::byContractId));
            }
            return out;
        });
    }

    /**
     * Signs and sends one order: {@code createOrder} (1 POST) + {@code getTicker} for the oracle price (1 GET,
     * skipped when the streamed ticker is fresh). Never retried; no answer is UNKNOWN_OUTCOME (find it by client id).
     */
    /**
     * {@code meta/getServerTime}: V2 testnet answers {@code serverTime}, the V2 docs {@code timeMillis}; both are ms
     * strings (captures/edgex/GET_api_v2_public_meta_getServerTime.json), so either is read.
     */
    @Override
    public Instant serverTime() {
        JsonNode data = rest.publicGet("meta/getServerTime", Map.of());
        JsonNode ms = data.has("serverTime") ? data.get("serverTime") : data.get("timeMillis");
        if (ms == null || !ms.isTextual() || !ms.asText().matches("\\d{1,16}")) {
            throw new VenueException(Venue.EDGEX, VenueErrorKind.MALFORMED_RESPONSE,
                    "getServerTime: neither serverTime nor timeMillis is a millisecond string: " + data);
        }
        return Instant.ofEpochMilli(Long.parseLong(ms.asText()));
    }

    @Override
    public OrderAck placeOrder(OrderRequest order) {
        return send(prepare(order));
    }

    /** Signs the createOrder body (EIP-712 L2 fields; + 1 getTicker when the streamed oracle price is stale). */
    @Override
    public io.perpcarry.venue.PreparedOrder prepare(OrderRequest order) {
        EdgexOrders o = orders.orElseThrow(() -> auth("placeOrder"));
        EdgexCatalog c = catalog();
        EdgexMarket m = c.bySymbol(order.symbol()).orElseThrow(() -> invalid("EdgeX lists no tradable market "
                + order.symbol()));
        if (m.spec().closedToOpening() && !order.reduceOnly()) {
            throw invalid("EdgeX " + m.contractName() + " is closed to new positions (enableOpenPosition false): only "
                    + "reduce-only orders are accepted");
        }
        EdgexDomain domain = c.domain().orElseThrow(() -> Wire.malformed("getMetaData",
                "global has no usable chain id / contract address: orders cannot be signed"));
        return new io.perpcarry.venue.PreparedOrder(Venue.EDGEX, order, o.createOrderBody(order, m, domain, oraclePrice(m)));
    }

    /** 1 POST createOrder. Never retried; no answer is UNKNOWN_OUTCOME (find it by client id). */
    @Override
    @SuppressWarnings("unchecked")
    public OrderAck send(io.perpcarry.venue.PreparedOrder prepared) {
        OrderRequest order = prepared.request();
        if (!(prepared.payload() instanceof Map<?, ?> body)) {
            return placeOrder(order);
        }
        JsonNode data = rest.privatePost("order/createOrder", (Map<String, Object>) body);
        String orderId;
        try {
            orderId = Wire.text(data, "orderId", "createOrder");
        } catch (VenueException e) {
            throw new VenueException(Venue.EDGEX, VenueErrorKind.UNKNOWN_OUTCOME, "createOrder for client order "
                    + order.clientOrderId() + " answered SUCCESS without an order id", null, null, e);
        }
        return new OrderAck(order.clientOrderId(), orderId, Optional.empty());
    }

    /** The oracle price: from the fresh stream ticker (0 requests), else 1 getTicker request; empty when none is published. */
    @Override
    public Optional<BigDecimal> markPrice(String symbol) {
        EdgexMarket m = market(symbol);
        EdgexStreams st = streams;
        Optional<BigDecimal> p = st == null ? Optional.empty()
                : st.freshTicker(m.contractId()).flatMap(EdgexMapper.Ticker::oraclePrice);
        return p.isPresent() ? p : restTicker(m).oraclePrice();
    }

    private BigDecimal oraclePrice(EdgexMarket m) {
        EdgexStreams st = streams;
        if (st != null) {
            Optional<BigDecimal> p = st.freshTicker(m.contractId()).flatMap(EdgexMapper.Ticker::oraclePrice);
            if (p.isPresent()) {
                return p.get();
            }
        }
        return restTicker(m).oraclePrice().orElseThrow(() -> new VenueException(Venue.EDGEX,
                VenueErrorKind.INVALID_REQUEST, "EdgeX " + m.contractName() + " (" + m.contractId()
                + ") has no oraclePrice: an illiquid contract cannot be priced for an order"));
    }

    /** {@code getTicker} for exactly one contract (the SDK's only form: quote/client.py). 1 request. */
    private EdgexMapper.Ticker restTicker(EdgexMarket m) {
        EdgexMapper.Ticker t = EdgexMapper.tickers(rest.publicGet("quote/getTicker", Map.of("contractId", m.contractId())),
                clock.instant()).get(m.contractId());
        if (t == null) {
            throw Wire.malformed("getTicker", "no ticker for " + m.contractName() + " (" + m.contractId() + ")");
        }
        return t;
    }

    /** {@code cancelOrderById}: 1 POST. An order already filled or unknown is REJECTED with EdgeX's result code. */
    @Override
    public void cancelOrder(String symbol, String orderId) {
        JsonNode data = rest.privatePost("order/cancelOrderById", Map.of("orderIdList", List.of(orderId)));
        JsonNode result = data.path("cancelResultMap").get(orderId);
        if (result == null || !result.isTextual()) {
            throw new VenueException(Venue.EDGEX, VenueErrorKind.UNKNOWN_OUTCOME, "cancelOrderById " + orderId
                    + " answered without a result for the order");
        }
        if (!result.asText().startsWith("SUCCESS")) {
            throw new VenueException(Venue.EDGEX, VenueErrorKind.REJECTED, "cancel of " + symbol + " order " + orderId
                    + " refused", result.asText(), null, null);
        }
    }

    /** {@code cancelAllOrder} for the account: 1 POST. */
    @Override
    public void cancelAllOrders() {
        JsonNode data = rest.privatePost("order/cancelAllOrder", Map.of());
        data.path("cancelResultMap").fields().forEachRemaining(e -> {
            if (!e.getValue().asText().startsWith("SUCCESS")) {
                LOG.info("EdgeX cancel-all: order {} {}", e.getKey(), e.getValue().asText());
            }
        });
    }

    /**
     * {@code updateLeverageSetting}: 1 POST. EdgeX accounts are cross margin; switching margin mode needs a separately
     * signed {@code setMarginMode} whose mode values are undocumented, so it is not sent.
     */
    @Override
    public void setLeverage(String symbol, int leverage) {
        if (leverage < 1) {
            throw invalid("leverage must be >= 1, got " + leverage);
        }
        EdgexMarket m = market(symbol);
        rest.privatePost("account/updateLeverageSetting",
                Map.of("contractId", m.contractId(), "leverage", Integer.toString(leverage)));
    }

    /** {@code getPositionTransactionPage} filtered to SETTLE_FUNDING_FEE since {@code since}: 1 request per 100. */
    @Override
    public List<FundingPayment> fundingPayments(Instant since) {
        List<JsonNode> rows = rest.privatePages("account/getPositionTransactionPage", Map.of("size", "100",
                "filterTypeList", "SETTLE_FUNDING_FEE", "filterStartCreatedTimeInclusive", Long.toString(since.toEpochMilli())));
        return withContracts(c -> {
            List<FundingPayment> out = new ArrayList<>();
            for (JsonNode page : rows) {
                EdgexMapper.fundingPayments(page, c::byContractId).stream()
                        .filter(p -> !p.settledAt().isBefore(since)).forEach(out::add);
            }
            return out;
        });
    }

    /**
     * {@code getFundingRatePage} for the contract, settled rows only, one page of {@code limit} (max 100): 1 request
     * (+ metadata when stale). Sorted newest first here: the venue's order is not documented.
     */
    @Override
    public List<FundingQuote> settledFunding(String symbol, int limit) {
        if (limit < 1 || limit > 100) {
            throw invalid("settled funding limit must be 1..100 (one EdgeX page), got " + limit);
        }
        EdgexMarket m = market(symbol);
        JsonNode page = rest.publicGet("funding/getFundingRatePage", Map.of("contractId", m.contractId(),
                "size", Integer.toString(limit), "filterSettlementFundingRate", "true"));
        List<FundingQuote> rows = EdgexMapper.settledFunding(Wire.array(page, "dataList", "getFundingRatePage"), m);
        return rows.subList(0, Math.min(limit, rows.size()));
    }

    /**
     * {@code getFundingRatePage} filtered to [{@code from}, {@code to}), pages of 100 followed by
     * {@code nextPageOffsetData}: 1 request per 100 settlements.
     */
    @Override
    public List<FundingQuote> settledFundingBetween(String symbol, Instant from, Instant to) {
        EdgexMarket m = market(symbol);
        java.util.TreeMap<Instant, FundingQuote> out = new java.util.TreeMap<>();
        String offset = "";
        for (int page = 0; page < 1000; page++) {
            Map<String, String> q = new java.util.HashMap<>(Map.of("contractId", m.contractId(), "size", "100",
                    "filterSettlementFundingRate", "true", "filterBeginTimeInclusive", Long.toString(from.toEpochMilli()),
                    "filterEndTimeExclusive", Long.toString(to.toEpochMilli())));
            if (!offset.isEmpty()) {
                q.put("offsetData", offset);
            }
            JsonNode body = rest.publicGet("funding/getFundingRatePage", q);
            for (FundingQuote f : EdgexMapper.settledFunding(Wire.array(body, "dataList", "getFundingRatePage"), m)) {
                if (!f.observedAt().isBefore(from) && f.observedAt().isBefore(to)) {
                    out.put(f.observedAt(), f);
                }
            }
            JsonNode next = body.get("nextPageOffsetData");
            if (next == null || !next.isTextual() || next.textValue().isEmpty()) {
                return List.copyOf(out.values());
            }
            offset = next.textValue();
        }
        throw invalid("more than 100000 settled funding rates of " + symbol + " between " + from + " and " + to);
    }

    /** Local: streams up, book synced from a snapshot without a gap since, socket not silent. 0 requests. */
    @Override
    public boolean marketDataFresh(String symbol) {
        EdgexStreams st = streams;
        EdgexCatalog c = catalog;
        if (st == null || c == null) {
            return false;
        }
        return c.bySymbol(symbol).map(m -> st.bookFresh(m.contractId())).orElse(false);
    }

    @Override
    public void close() {
        EdgexStreams st = streams;
        streams = null;
        if (st != null) {
            st.close();
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    EdgexCatalog catalog() {
        EdgexCatalog c = catalog;
        if (c != null && Duration.between(c.loadedAt(), clock.instant()).compareTo(settings.metadataTtl()) < 0) {
            return c;
        }
        return refreshCatalog(c);
    }

    private EdgexCatalog refreshCatalog(EdgexCatalog seen) {
        synchronized (catalogLock) {
            if (catalog != seen) {
                return catalog; // another thread refreshed meanwhile
            }
            EdgexCatalog fresh = EdgexCatalog.parse(rest.publicGet("meta/getMetaData", Map.of()), settings.quoteCoin(),
                    clock.instant());
            catalog = fresh;
            return fresh;
        }
    }

    /** Maps with the current contracts; an unknown contract id triggers one metadata refresh, then fails. */
    private <T> T withContracts(Function<EdgexCatalog, T> mapping) {
        EdgexCatalog c = catalog();
        try {
            return mapping.apply(c);
        } catch (EdgexMapper.UnknownContract e) {
            LOG.info("EdgeX contract {} unknown: reloading metadata", e.contractId);
            try {
                return mapping.apply(refreshCatalog(c));
            } catch (EdgexMapper.UnknownContract again) {
                throw Wire.malformed("EdgeX", again.getMessage() + " even after a metadata reload");
            }
        }
    }

    private static String quoteCoinId(EdgexCatalog c) {
        return c.markets().values().stream().findFirst()
                .map(m -> Long.toString(m.signing().quoteCoinId()))
                .orElseThrow(() -> Wire.malformed("getMetaData", "no tradable contract to learn the quote coin from"));
    }

    /** 1 getOrderByClientOrderId read: see {@link EdgexFills}. */
    @Override
    public io.perpcarry.venue.OrderOutcome orderOutcome(String symbol, long clientOrderId) {
        return new EdgexFills(rest).outcome(symbol, market(symbol).contractId(), clientOrderId);
    }

    /** 1 getHistoryOrderFillTransactionPage read (the newest 100 fills of the contract). */
    @Override
    public List<io.perpcarry.venue.Fill> fills(String symbol, Instant since) {
        return new EdgexFills(rest).fills(symbol, market(symbol).contractId(), since);
    }

    private EdgexMarket market(String symbol) {
        return catalog().bySymbol(symbol).orElseThrow(() -> invalid("EdgeX lists no tradable market " + symbol));
    }

    private static VenueException invalid(String message) {
        return new VenueException(Venue.EDGEX, VenueErrorKind.INVALID_REQUEST, message);
    }

    private static VenueException auth(String operation) {
        return new VenueException(Venue.EDGEX, VenueErrorKind.AUTH, operation + " needs credentials: " + MISSING
                + " not configured");
    }

    /** Requests sent per REST path since start. */
    public Map<String, Long> requestCounts() {
        return rest.requestCounts();
    }

    EdgexStreams streams() {
        return streams;
    }

    @Override
    public String toString() {
        return "EdgexConnector[" + endpoints.baseUrl() + ", credentials=" + (rest.hasCredentials() ? "set" : "none") + "]";
    }
}
