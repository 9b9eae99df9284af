package io.perpcarry.emulator.lighter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.emulator.Fault;
import io.perpcarry.emulator.FaultKind;
import io.perpcarry.emulator.FaultPlan;
import io.perpcarry.emulator.FaultRequest;
import io.perpcarry.emulator.VenueId;
import io.perpcarry.emulator.engine.AccountSnapshot;
import io.perpcarry.emulator.engine.EngineListener;
import io.perpcarry.emulator.engine.Exchange;
import io.perpcarry.emulator.engine.Fill;
import io.perpcarry.emulator.engine.FundingEstimate;
import io.perpcarry.emulator.engine.FundingPayment;
import io.perpcarry.emulator.engine.MarketStats;
import io.perpcarry.emulator.engine.OrderBookSnapshot;
import io.perpcarry.emulator.engine.Position;
import io.perpcarry.emulator.engine.VenueMarket;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code /stream} WebSocket (docs/reference/lighter.md §8): {@code connected} on open, ping/pong,
 * subscribe/unsubscribe, snapshots then updates pushed from the engine's listener, and {@code jsonapi/sendtx}.
 * Client channel names use '/', server messages ':'. Frames follow the recorded ones
 * (src/test/resources/captures/lighter/ws_*.json): errors are {@code {"error":{code,message}}} (plus the
 * request's {@code id}), a sendtx reply is flat with a top-level {@code id}, and account channels need an
 * auth token. A session never gets an {@code update/*} before its {@code subscribed/*} snapshot.
 */
final class LighterStream implements EngineListener {
    private static final Logger LOG = LoggerFactory.getLogger(LighterStream.class);
    static final String PATH = "/stream";
    private static final int BOOK_DEPTH = 100;

    private final class Session {
        final ServerWebSocket ws;
        final HttpConnection connection;
        final Set<String> channels = ConcurrentHashMap.newKeySet();

        Session(ServerWebSocket ws, HttpConnection connection) {
            this.ws = ws;
            this.connection = connection;
        }

        /** Sends under the session's lock: a snapshot and the updates that follow it keep their order. */
        synchronized void send(JsonNode msg) {
            if (!ws.isClosed()) {
                ws.writeTextMessage(msg.toString());
            }
        }

        /** Sends only on a subscribed channel; never before its snapshot (the subscription is added after it). */
        synchronized void sendOn(String channelKey, JsonNode msg) {
            if (channels.contains(channelKey)) {
                send(msg);
            }
        }

        /** Sends the snapshot, then marks the channel subscribed, atomically for this session. */
        synchronized void subscribed(String channelKey, JsonNode snapshot) {
            send(snapshot);
            channels.add(channelKey);
        }
    }

    private final io.vertx.core.Vertx vertx;
    private final Exchange exchange;
    private final Clock clock;
    private final FaultPlan faults;
    private final LighterMarketHandlers markets;
    private final LighterAccountHandlers accounts;
    private final LighterTxHandler txs;
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final Map<String, LighterBookFeed> feeds = new ConcurrentHashMap<>();

    LighterStream(io.vertx.core.Vertx vertx, Exchange exchange, Clock clock, FaultPlan faults, LighterMarketHandlers markets,
                  LighterAccountHandlers accounts, LighterTxHandler txs) {
        this.vertx = vertx;
        this.exchange = exchange;
        this.clock = clock;
        this.faults = faults;
        this.markets = markets;
        this.accounts = accounts;
        this.txs = txs;
    }

    void open(ServerWebSocket ws, HttpConnection connection) {
        Session s = new Session(ws, connection);
        sessions.add(s);
        ws.closeHandler(v -> sessions.remove(s));
        ws.exceptionHandler(e -> sessions.remove(s));
        // engine calls may wait for its lock: off the event loop, in arrival order per connection
        ws.textMessageHandler(text -> vertx.executeBlocking(() -> {
            onMessage(s, text);
            return null;
        }, true));
        s.send(LighterJson.object().put("type", "connected").put("session_id", UUID.randomUUID().toString()));
    }

    private static final java.util.Set<String> ACCOUNT_CHANNELS = java.util.Set.of("account_all", "user_stats",
            "account_all_orders", "account_orders", "account_all_trades", "account_all_positions", "account_all_assets");
    private volatile long lastHeight;

    private void onMessage(Session s, String text) {
        JsonNode msg;
        try {
            msg = LighterJson.MAPPER.readTree(text);
        } catch (Exception e) {
            s.send(error(30001, "Invalid message", null));
            return;
        }
        String type = msg.path("type").asText("");
        JsonNode id = msg.path("data").get("id");
        try {
            switch (type) {
                case "ping" -> s.send(LighterJson.object().put("type", "pong"));
                case "pong" -> { }
                case "subscribe" -> subscribe(s, msg.path("channel").asText(""), msg.path("auth").asText(null));
                case "unsubscribe" -> {
                    String channel = msg.path("channel").asText("");
                    s.channels.remove(channel.replace('/', ':'));
                    s.send(LighterJson.object().put("type", "unsubscribed").put("channel", channel.replace('/', ':')));
                }
                case "jsonapi/sendtx" -> sendTx(s, msg.path("data"));
                default -> s.send(error(30002, "Invalid type: " + type, id));
            }
        } catch (LighterApiException e) {
            s.send(error(e.code(), e.getMessage(), id));
        } catch (RuntimeException e) {
            LOG.error("lighter stream: message {} failed", type, e);
            s.send(error(LighterErrors.INTERNAL, "internal error", id));
        }
    }

    private void subscribe(Session s, String channel, String auth) {
        String[] parts = channel.split("/");
        if (parts.length == 1 && parts[0].equals("height")) {
            s.subscribed("height", heightMessage("subscribed/height"));
            return;
        }
        if (ACCOUNT_CHANNELS.contains(parts[0])) {
            subscribeAccount(s, channel, parts, auth);
            return;
        }
        if (parts.length != 2) {
            throw invalidChannel(channel);
        }
        String key = parts[0] + ":" + parts[1];
        switch (parts[0]) {
            case "order_book" -> {
                VenueMarket m = market(parts[1], channel);
                LighterBookFeed feed = feed(m);
                synchronized (feed) {
                    if (!feed.initialized()) {
                        feed.reset(exchange.book(m.symbol(), BOOK_DEPTH));
                    }
                    s.subscribed(key, feed.snapshot(clock.millis()));
                }
            }
            case "market_stats" -> {
                if (parts[1].equals("all")) {
                    ObjectNode all = LighterJson.object();
                    markets.markets().forEach(m -> all.set(m.venueMarketId(), marketStats(m)));
                    s.subscribed(key, statsMessage("subscribed/market_stats", "all", all));
                } else {
                    VenueMarket m = market(parts[1], channel);
                    s.subscribed(key, statsMessage("subscribed/market_stats", m.venueMarketId(), marketStats(m)));
                }
            }
            case "trade" -> {
                VenueMarket m = market(parts[1], channel);
                ArrayNode trades = LighterJson.array();
                ArrayNode liquidations = LighterJson.array();
                for (io.perpcarry.emulator.engine.Trade t : exchange.recentTrades(m.symbol(), 50)) {
                    (t.liquidation() ? liquidations : trades).add(LighterJson.trade(m, t, markets.txLog().hashOf(t)));
                }
                s.subscribed(key, tradeMessage("subscribed/trade", m, trades, liquidations));
            }
            default -> throw invalidChannel(channel);
        }
    }

    /** Account channels: the account must exist and the auth token must be its own and valid. */
    private void subscribeAccount(Session s, String channel, String[] parts, String auth) {
        boolean perMarket = parts[0].equals("account_orders");
        if (parts.length != (perMarket ? 3 : 2)) {
            throw invalidChannel(channel);
        }
        long account = parseId(parts[perMarket ? 2 : 1], channel);
        accounts.snapshot(account); // unknown account → error
        if (auth == null || auth.isBlank()) {
            throw LighterApiException.badRequest(LighterErrors.INVALID_AUTH, "invalid auth: auth field is required");
        }
        accounts.verifyToken(auth, account);
        String key = String.join(":", parts);
        JsonNode snapshot = switch (parts[0]) {
            case "account_all" -> accountAll("subscribed/account_all", account, true);
            case "user_stats" -> userStats("subscribed/user_stats", exchange.account(account));
            case "account_all_orders" -> ordersMessage("subscribed/account_all_orders", key, account, null,
                    ordersByMarket(exchange.openOrders(account, null)));
            case "account_orders" -> {
                VenueMarket m = market(parts[1], channel);
                yield ordersMessage("subscribed/account_orders", key, account, m,
                        ordersByMarket(exchange.openOrders(account, m.symbol())));
            }
            case "account_all_trades" -> accountTrades("subscribed/account_all_trades", key, account,
                    exchange.fills(account, null, 50), true);
            case "account_all_positions" -> positionsMessage("subscribed/account_all_positions", key,
                    exchange.account(account));
            case "account_all_assets" -> assetsMessage("subscribed/account_all_assets", key, exchange.account(account));
            default -> throw invalidChannel(channel);
        };
        s.subscribed(key, snapshot);
    }

    private VenueMarket market(String id, String channel) {
        return markets.market(parseId(id, channel));
    }

    private static LighterApiException invalidChannel(String channel) {
        return LighterApiException.badRequest(30005, "Invalid Channel: " + channel);
    }

    /** A tx over the socket: the reply is flat with the request's {@code id}, a refusal {@code {"error":{..},"id"}}. */
    private void sendTx(Session s, JsonNode data) {
        JsonNode id = data.get("id");
        try {
            JsonNode info = data.path("tx_info");
            int type = data.path("tx_type").asInt();
            LighterTxInfoParser.ParsedTx tx = info.isTextual()
                    ? LighterTxInfoParser.parse(type, info.asText(), txs.chainId())
                    : LighterTxInfoParser.parse(type, info, txs.chainId());
            String hash = txs.submit(tx, null, null);
            ObjectNode reply = LighterJson.object().put("code", 200);
            if (id != null) {
                reply.set("id", id);
            }
            reply.put("predicted_execution_time_ms", txs.sent().path("predicted_execution_time_ms").asLong())
                    .put("tx_hash", hash).put("type", "jsonapi/sendtx");
            s.send(reply);
        } catch (LighterApiException e) {
            s.send(error(e.code(), e.getMessage(), id));
        }
    }

    private static long parseId(String s, String channel) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw invalidChannel(channel);
        }
    }

    private LighterBookFeed feed(VenueMarket m) {
        return feeds.computeIfAbsent(m.symbol(), k -> new LighterBookFeed(m, 1_000_000));
    }

    /** The venue's error frame: {@code {"error":{"code","message"}}}, with the request's {@code id} if it had one. */
    private static ObjectNode error(int code, String message, JsonNode id) {
        ObjectNode o = LighterJson.object();
        o.set("error", LighterJson.object().put("code", code).put("message", message));
        if (id != null && !id.isNull()) {
            o.set("id", id);
        }
        return o;
    }

    // ---- pushes from the engine ----

    private void broadcast(String channelKey, JsonNode msg) {
        for (Session s : sessions) {
            s.sendOn(channelKey, msg);
        }
    }

    private boolean anyOn(String channelKey) {
        return sessions.stream().anyMatch(s -> s.channels.contains(channelKey));
    }

    @Override
    public void onBookChanged(VenueId venue, OrderBookSnapshot book) {
        if (venue != VenueId.LIGHTER || sessions.isEmpty()) {
            return;
        }
        VenueMarket m = exchange.market(book.symbol());
        LighterBookFeed feed = feed(m);
        synchronized (feed) {
            if (feed.initialized()) {
                // the listener's snapshot may be shallower than ours: re-read at our depth
                ObjectNode msg = feed.update(exchange.book(m.symbol(), BOOK_DEPTH), clock.millis());
                if (msg != null) {
                    broadcast("order_book:" + m.venueMarketId(), msg);
                }
            }
        }
        pushStats(m);
        pushHeight();
    }

    private void pushHeight() {
        long h = LighterMarketHandlers.height(clock.instant());
        if (h != lastHeight && anyOn("height")) {
            lastHeight = h;
            broadcast("height", heightMessage("update/height"));
        }
    }

    @Override
    public void onFundingRateChanged(VenueId venue, FundingEstimate estimate) {
        if (venue == VenueId.LIGHTER && !sessions.isEmpty()) {
            pushStats(exchange.market(estimate.symbol()));
        }
    }

    private void pushStats(VenueMarket m) {
        String one = "market_stats:" + m.venueMarketId();
        boolean anyOne = anyOn(one);
        boolean anyAll = anyOn("market_stats:all");
        if (!anyOne && !anyAll) {
            return;
        }
        ObjectNode stats = marketStats(m);
        if (anyOne) {
            broadcast(one, statsMessage("update/market_stats", m.venueMarketId(), stats));
        }
        if (anyAll) {
            ObjectNode map = LighterJson.object();
            map.set(m.venueMarketId(), stats);
            broadcast("market_stats:all", statsMessage("update/market_stats", "all", map));
        }
    }

    @Override
    public void onTrade(VenueId venue, io.perpcarry.emulator.engine.Trade trade) {
        if (venue != VenueId.LIGHTER || sessions.isEmpty()) {
            return;
        }
        VenueMarket m = exchange.market(trade.symbol());
        String key = "trade:" + m.venueMarketId();
        if (anyOn(key)) {
            ArrayNode one = LighterJson.array().add(LighterJson.trade(m, trade, markets.txLog().hashOf(trade)));
            broadcast(key, tradeMessage("update/trade", m, trade.liquidation() ? LighterJson.array() : one,
                    trade.liquidation() ? one : LighterJson.array()));
        }
    }

    @Override
    public void onOrderChanged(VenueId venue, io.perpcarry.emulator.engine.Order order) {
        if (venue != VenueId.LIGHTER || sessions.isEmpty()) {
            return;
        }
        VenueMarket m = exchange.market(order.symbol());
        ObjectNode byMarket = LighterJson.object();
        byMarket.set(m.venueMarketId(), LighterJson.array().add(LighterJson.order(m, order)));
        String all = "account_all_orders:" + order.accountId();
        if (anyOn(all)) {
            broadcast(all, ordersMessage("update/account_all_orders", all, order.accountId(), null, byMarket));
        }
        String one = "account_orders:" + m.venueMarketId() + ":" + order.accountId();
        if (anyOn(one)) {
            broadcast(one, ordersMessage("update/account_orders", one, order.accountId(), m, byMarket));
        }
    }

    @Override
    public void onFill(VenueId venue, Fill fill) {
        if (venue != VenueId.LIGHTER || sessions.isEmpty()) {
            return;
        }
        VenueMarket m = exchange.market(fill.symbol());
        String key = "account_all:" + fill.accountId();
        if (anyOn(key)) {
            ObjectNode msg = accountAll("update/account_all", fill.accountId(), false);
            ObjectNode trades = LighterJson.object();
            trades.set(m.venueMarketId(), LighterJson.array().add(LighterJson.trade(m, fill, markets.txLog().hashOf(fill))));
            msg.set("trades", trades);
            broadcast(key, msg);
        }
        String tradesKey = "account_all_trades:" + fill.accountId();
        if (anyOn(tradesKey)) {
            broadcast(tradesKey, accountTrades("update/account_all_trades", tradesKey, fill.accountId(), List.of(fill),
                    false));
        }
    }

    @Override
    public void onAccountChanged(VenueId venue, AccountSnapshot account) {
        if (venue != VenueId.LIGHTER || sessions.isEmpty()) {
            return;
        }
        long id = account.accountId();
        String all = "account_all:" + id;
        if (anyOn(all)) {
            broadcast(all, accountAll("update/account_all", id, false));
        }
        String stats = "user_stats:" + id;
        if (anyOn(stats)) {
            broadcast(stats, userStats("update/user_stats", account));
        }
        String positions = "account_all_positions:" + id;
        if (anyOn(positions)) {
            broadcast(positions, positionsMessage("update/account_all_positions", positions, account));
        }
        String assets = "account_all_assets:" + id;
        if (anyOn(assets)) {
            broadcast(assets, assetsMessage("update/account_all_assets", assets, account));
        }
    }

    @Override
    public void onFundingPayment(VenueId venue, FundingPayment payment) {
        if (venue != VenueId.LIGHTER || sessions.isEmpty()) {
            return;
        }
        String key = "account_all:" + payment.accountId();
        if (anyOn(key)) {
            VenueMarket m = exchange.market(payment.symbol());
            ObjectNode msg = accountAll("update/account_all", payment.accountId(), false);
            ObjectNode fh = LighterJson.object();
            fh.set(m.venueMarketId(), LighterJson.array().add(LighterAccountJson.positionFunding(m, payment)));
            msg.set("funding_histories", fh);
            broadcast(key, msg);
        }
    }

    // ---- payloads ----

    private ObjectNode heightMessage(String type) {
        return LighterJson.object().put("channel", "height").put("height", LighterMarketHandlers.height(clock.instant()))
                .put("type", type);
    }

    /** {@code trade/{id}}: as recorded, {@code trades} and {@code liquidation_trades} arrays and a nonce. */
    private ObjectNode tradeMessage(String type, VenueMarket m, ArrayNode trades, ArrayNode liquidations) {
        ObjectNode o = LighterJson.object().put("channel", "trade:" + m.venueMarketId());
        o.set("liquidation_trades", liquidations);
        o.put("nonce", exchange.book(m.symbol(), 1).version());
        o.set("trades", trades);
        o.put("type", type);
        return o;
    }

    private ObjectNode ordersByMarket(List<io.perpcarry.emulator.engine.Order> orders) {
        ObjectNode byMarket = LighterJson.object();
        for (io.perpcarry.emulator.engine.Order o : orders) {
            VenueMarket m = exchange.market(o.symbol());
            ((ArrayNode) byMarket.withArray(m.venueMarketId())).add(LighterJson.order(m, o));
        }
        return byMarket;
    }

    private static ObjectNode ordersMessage(String type, String key, long account, VenueMarket m, ObjectNode byMarket) {
        ObjectNode o = LighterJson.object().put("channel", key);
        if (m != null) {
            o.put("account", account).put("nonce", 0);
        }
        o.set("orders", byMarket);
        o.put("type", type);
        return o;
    }

    private ObjectNode accountTrades(String type, String key, long account, List<Fill> fills, boolean snapshot) {
        ObjectNode o = LighterJson.object().put("channel", key);
        if (snapshot) {
            o.put("daily_volume", LighterJson.num(dailyVolume(account)));
        }
        ObjectNode byMarket = LighterJson.object();
        for (Fill f : fills) {
            VenueMarket m = exchange.market(f.symbol());
            ((ArrayNode) byMarket.withArray(m.venueMarketId())).add(LighterJson.trade(m, f, markets.txLog().hashOf(f)));
        }
        o.set("trades", byMarket);
        o.put("type", type);
        return o;
    }

    private java.math.BigDecimal dailyVolume(long account) {
        java.time.Instant cutoff = clock.instant().minus(java.time.Duration.ofDays(1));
        return exchange.fills(account, null, io.perpcarry.emulator.engine.Exchange.HISTORY_READ_LIMIT).stream()
                .filter(f -> !f.time().isBefore(cutoff)).map(Fill::quote)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    }

    private ObjectNode positionsMessage(String type, String key, AccountSnapshot a) {
        ObjectNode positions = LighterJson.object();
        for (Position p : a.positions()) {
            VenueMarket m = exchange.market(p.symbol());
            positions.set(m.venueMarketId(), LighterAccountJson.position(m, p,
                    exchange.openOrders(a.accountId(), p.symbol()).size()));
        }
        ObjectNode o = LighterJson.object();
        o.set("bo_positions", LighterJson.object());
        o.put("channel", key);
        o.set("positions", positions);
        o.set("shares", LighterJson.array());
        o.put("transaction_time", LighterJson.micros(a.time()));
        o.put("type", type);
        return o;
    }

    private ObjectNode assetsMessage(String type, String key, AccountSnapshot a) {
        ObjectNode o = LighterJson.object();
        o.set("assets", LighterJson.object().set("3", LighterAccountJson.asset(a)));
        o.put("channel", key);
        o.put("timestamp", clock.millis());
        o.put("type", type);
        return o;
    }

    /**
     * WS market stats. Funding fields are percent per hour as strings ({@code current_funding_rate} = the
     * running estimate, {@code funding_rate} = the last settled one); clamps and base interest as recorded
     * percent strings; {@code open_interest} a USD string (captures/lighter/ws_market_stats.json).
     */
    private ObjectNode marketStats(VenueMarket m) {
        MarketStats st = exchange.stats(m.symbol());
        FundingEstimate f = exchange.funding(m.symbol());
        ObjectNode o = LighterJson.object();
        o.put("symbol", m.symbol());
        o.put("market_id", LighterJson.marketId(m));
        o.put("index_price", LighterJson.price(m, st.indexPrice()));
        o.put("mark_price", LighterJson.price(m, st.markPrice()));
        o.put("mid_price", LighterJson.price(m, st.markPrice()));
        o.put("open_interest", LighterJson.usdc(st.openInterest().multiply(st.markPrice())));
        o.put("open_interest_limit", "72057594037927936.000000"); // as recorded live
        o.put("last_trade_price", LighterJson.price(m, st.lastTradePrice()));
        o.put("current_funding_rate", LighterJson.fixed(f.ratePerSettlement().movePointRight(2), 4));
        o.put("funding_rate", LighterJson.fixed(f.lastSettledRate() == null ? java.math.BigDecimal.ZERO
                : f.lastSettledRate().divide(java.math.BigDecimal.valueOf(8)).movePointRight(2), 4));
        o.put("funding_timestamp", f.currentPeriodStart().toEpochMilli());
        o.put("daily_base_token_volume", LighterJson.num(st.volume24hBase()));
        o.put("daily_quote_token_volume", LighterJson.num(st.volume24hQuote()));
        o.put("daily_price_low", LighterJson.num(st.low24h()));
        o.put("daily_price_high", LighterJson.num(st.high24h()));
        o.put("daily_price_change", LighterJson.num(LighterJson.changePct(st)));
        o.put("funding_clamp_small", LighterJson.FUNDING_CLAMP_SMALL);
        o.put("funding_clamp_big", LighterJson.FUNDING_CLAMP_BIG);
        o.put("base_interest_rate", LighterJson.BASE_INTEREST_RATE);
        return o;
    }

    private ObjectNode statsMessage(String type, String id, ObjectNode stats) {
        ObjectNode o = LighterJson.object().put("type", type).put("channel", "market_stats:" + id);
        o.set("market_stats", stats);
        o.put("timestamp", clock.millis()); // frames carry a ms timestamp (recorded)
        return o;
    }

    /** {@code account_all}: positions always; recent trades and funding only in the snapshot; counters from fills. */
    private ObjectNode accountAll(String type, long account, boolean history) {
        AccountSnapshot a = exchange.account(account);
        ObjectNode o = LighterJson.object().put("type", type).put("channel", "account_all:" + account)
                .put("account", account);
        List<Fill> fills = exchange.fills(account, null, io.perpcarry.emulator.engine.Exchange.HISTORY_READ_LIMIT);
        java.time.Instant now = clock.instant();
        Map<String, java.time.Duration> periods = new java.util.LinkedHashMap<>();
        periods.put("daily", java.time.Duration.ofDays(1));
        periods.put("weekly", java.time.Duration.ofDays(7));
        periods.put("monthly", java.time.Duration.ofDays(30));
        periods.put("total", null);
        for (Map.Entry<String, java.time.Duration> p : periods.entrySet()) {
            java.time.Instant cutoff = p.getValue() == null ? java.time.Instant.MIN : now.minus(p.getValue());
            long count = fills.stream().filter(f -> !f.time().isBefore(cutoff)).count();
            java.math.BigDecimal volume = fills.stream().filter(f -> !f.time().isBefore(cutoff)).map(Fill::quote)
                    .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
            o.put(p.getKey() + "_trades_count", count).put(p.getKey() + "_volume", volume.doubleValue());
        }
        ObjectNode positions = LighterJson.object();
        for (Position p : a.positions()) {
            VenueMarket m = exchange.market(p.symbol());
            positions.set(m.venueMarketId(), LighterAccountJson.position(m, p,
                    exchange.openOrders(account, p.symbol()).size()));
        }
        o.set("positions", positions);
        ObjectNode trades = LighterJson.object();
        ObjectNode funding = LighterJson.object();
        if (history) {
            for (Fill f : exchange.fills(account, null, 50)) {
                VenueMarket m = exchange.market(f.symbol());
                ((ArrayNode) trades.withArray(m.venueMarketId())).add(LighterJson.trade(m, f, markets.txLog().hashOf(f)));
            }
            for (FundingPayment p : exchange.fundingPayments(account, null, 50)) {
                VenueMarket m = exchange.market(p.symbol());
                ((ArrayNode) funding.withArray(m.venueMarketId())).add(LighterAccountJson.positionFunding(m, p));
            }
        }
        o.set("trades", trades);
        o.set("funding_histories", funding);
        o.set("shares", LighterJson.array());
        return o;
    }

    private ObjectNode userStats(String type, AccountSnapshot a) {
        ObjectNode o = LighterJson.object().put("type", type).put("channel", "user_stats:" + a.accountId());
        o.set("stats", LighterAccountJson.userStats(a));
        o.put("timestamp", clock.millis());
        return o;
    }

    // ---- faults ----

    /**
     * DROP_WEBSOCKET: closes matching sessions' TCP connections without a close frame. Only taken when the
     * oldest fault applying to a stream request is a DROP_WEBSOCKET, so a REST fault is never consumed here.
     */
    void applyDropFaults() {
        if (sessions.isEmpty()) {
            return;
        }
        FaultRequest req = FaultRequest.of(VenueId.LIGHTER, "GET", PATH);
        for (Session s : sessions) {
            Fault first = faults.list().stream().filter(f -> f.kind().terminal() && f.applies(req)).findFirst()
                    .orElse(null);
            if (first == null || first.kind() != FaultKind.DROP_WEBSOCKET) {
                return;
            }
            boolean dropped = faults.take(req).stream().anyMatch(f -> f.kind() == FaultKind.DROP_WEBSOCKET);
            if (dropped) {
                LOG.info("fault DROP_WEBSOCKET: dropping a Lighter stream session");
                sessions.remove(s);
                // HttpConnection.close() and even Channel.close() pass Netty's WebSocket handler, which sends a
                // close frame first; a dropped socket must not, so the close starts below every handler
                // (Vert.x internal API ConnectionBase, stable across 4.x)
                ((io.vertx.core.net.impl.ConnectionBase) s.connection).channel().pipeline().firstContext().close();
            }
        }
    }

    void closeAll() {
        sessions.forEach(s -> s.ws.close());
        sessions.clear();
    }
}
