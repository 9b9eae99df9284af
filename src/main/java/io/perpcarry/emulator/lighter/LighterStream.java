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
 * Client channel names use '/', server messages ':'.
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

        void send(JsonNode msg) {
            if (!ws.isClosed()) {
                ws.writeTextMessage(msg.toString());
            }
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

    private void onMessage(Session s, String text) {
        JsonNode msg;
        try {
            msg = LighterJson.MAPPER.readTree(text);
        } catch (Exception e) {
            s.send(error(30001, "Invalid message"));
            return;
        }
        String type = msg.path("type").asText("");
        try {
            switch (type) {
                case "ping" -> s.send(LighterJson.object().put("type", "pong"));
                case "pong" -> { }
                case "subscribe" -> subscribe(s, msg.path("channel").asText(""), msg.path("auth").asText(null));
                case "unsubscribe" -> s.channels.remove(msg.path("channel").asText("").replace('/', ':'));
                case "jsonapi/sendtx" -> sendTx(s, msg.path("data"));
                default -> s.send(error(30002, "Invalid type: " + type));
            }
        } catch (LighterApiException e) {
            s.send(error(e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("lighter stream: message {} failed", type, e);
            s.send(error(LighterErrors.INTERNAL, "internal error"));
        }
    }

    private void subscribe(Session s, String channel, String auth) {
        String[] parts = channel.split("/");
        if (parts.length != 2) {
            throw LighterApiException.badRequest(30005, "Invalid Channel: " + channel);
        }
        String key = parts[0] + ":" + parts[1];
        switch (parts[0]) {
            case "order_book" -> {
                VenueMarket m = markets.market(parseId(parts[1], channel));
                LighterBookFeed feed = feed(m);
                synchronized (feed) {
                    if (!feed.initialized()) {
                        feed.reset(exchange.book(m.symbol(), BOOK_DEPTH));
                    }
                    s.channels.add(key);
                    s.send(feed.snapshot(clock.millis()));
                }
            }
            case "market_stats" -> {
                s.channels.add(key);
                if (parts[1].equals("all")) {
                    ObjectNode all = LighterJson.object();
                    markets.markets().forEach(m -> all.set(m.venueMarketId(), marketStats(m)));
                    s.send(statsMessage("subscribed/market_stats", "all", all));
                } else {
                    VenueMarket m = markets.market(parseId(parts[1], channel));
                    s.send(statsMessage("subscribed/market_stats", m.venueMarketId(), marketStats(m)));
                }
            }
            case "account_all", "user_stats" -> {
                long account = parseId(parts[1], channel);
                accounts.snapshot(account); // unknown account → error
                if (auth != null && !auth.isBlank()) {
                    accounts.verifyToken(auth, account);
                }
                s.channels.add(key);
                s.send(parts[0].equals("account_all") ? accountAll("subscribed/account_all", account, true)
                        : userStats("subscribed/user_stats", exchange.account(account)));
            }
            default -> throw LighterApiException.badRequest(30005, "Invalid Channel: " + channel);
        }
    }

    private void sendTx(Session s, JsonNode data) {
        ObjectNode reply = LighterJson.object().put("type", "jsonapi/sendtx");
        ObjectNode body = LighterJson.object();
        if (data.has("id")) {
            body.set("id", data.get("id"));
        }
        try {
            JsonNode info = data.path("tx_info");
            int type = data.path("tx_type").asInt();
            LighterTxInfoParser.ParsedTx tx = info.isTextual()
                    ? LighterTxInfoParser.parse(type, info.asText(), txs.chainId())
                    : LighterTxInfoParser.parse(type, info, txs.chainId());
            body.setAll(txs.sent().put("tx_hash", txs.submit(tx, null, null)));
        } catch (LighterApiException e) {
            body.put("code", e.code()).put("message", e.getMessage());
        }
        reply.set("data", body);
        s.send(reply);
    }

    private static long parseId(String s, String channel) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw LighterApiException.badRequest(30005, "Invalid Channel: " + channel);
        }
    }

    private LighterBookFeed feed(VenueMarket m) {
        return feeds.computeIfAbsent(m.symbol(), k -> new LighterBookFeed(m, 1_000_000));
    }

    private static ObjectNode error(int code, String message) {
        ObjectNode o = LighterJson.object().put("type", "error");
        o.set("data", LighterJson.object().put("code", code).put("message", message));
        return o;
    }

    // ---- pushes from the engine ----

    private void broadcast(String channelKey, JsonNode msg) {
        for (Session s : sessions) {
            if (s.channels.contains(channelKey)) {
                s.send(msg);
            }
        }
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
    }

    @Override
    public void onFundingRateChanged(VenueId venue, FundingEstimate estimate) {
        if (venue == VenueId.LIGHTER && !sessions.isEmpty()) {
            pushStats(exchange.market(estimate.symbol()));
        }
    }

    private void pushStats(VenueMarket m) {
        String one = "market_stats:" + m.venueMarketId();
        boolean anyOne = sessions.stream().anyMatch(s -> s.channels.contains(one));
        boolean anyAll = sessions.stream().anyMatch(s -> s.channels.contains("market_stats:all"));
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
    public void onFill(VenueId venue, Fill fill) {
        if (venue != VenueId.LIGHTER || sessions.isEmpty()) {
            return;
        }
        String key = "account_all:" + fill.accountId();
        if (sessions.stream().anyMatch(s -> s.channels.contains(key))) {
            VenueMarket m = exchange.market(fill.symbol());
            ObjectNode msg = accountAll("update/account_all", fill.accountId(), false);
            ObjectNode trades = LighterJson.object();
            trades.set(m.venueMarketId(), LighterJson.array().add(LighterJson.trade(m, fill)));
            msg.set("trades", trades);
            broadcast(key, msg);
        }
    }

    @Override
    public void onAccountChanged(VenueId venue, AccountSnapshot account) {
        if (venue != VenueId.LIGHTER || sessions.isEmpty()) {
            return;
        }
        String all = "account_all:" + account.accountId();
        if (sessions.stream().anyMatch(s -> s.channels.contains(all))) {
            broadcast(all, accountAll("update/account_all", account.accountId(), false));
        }
        String stats = "user_stats:" + account.accountId();
        if (sessions.stream().anyMatch(s -> s.channels.contains(stats))) {
            broadcast(stats, userStats("update/user_stats", account));
        }
    }

    @Override
    public void onFundingPayment(VenueId venue, FundingPayment payment) {
        if (venue != VenueId.LIGHTER || sessions.isEmpty()) {
            return;
        }
        String key = "account_all:" + payment.accountId();
        if (sessions.stream().anyMatch(s -> s.channels.contains(key))) {
            VenueMarket m = exchange.market(payment.symbol());
            ObjectNode msg = accountAll("update/account_all", payment.accountId(), false);
            ObjectNode fh = LighterJson.object();
            fh.set(m.venueMarketId(), LighterJson.array().add(LighterAccountJson.positionFunding(m, payment)));
            msg.set("funding_histories", fh);
            broadcast(key, msg);
        }
    }

    // ---- payloads ----

    /**
     * WS market stats. Funding fields are percent per hour as strings ({@code current_funding_rate} = the
     * running estimate, {@code funding_rate} = the last settled one), the unit of {@code /api/v1/fundings}.
     */
    private ObjectNode marketStats(VenueMarket m) {
        MarketStats st = exchange.stats(m.symbol());
        FundingEstimate f = exchange.funding(m.symbol());
        OrderBookSnapshot top = exchange.book(m.symbol(), 1);
        ObjectNode o = LighterJson.object();
        o.put("symbol", m.symbol());
        o.put("market_id", LighterJson.marketId(m));
        o.put("index_price", LighterJson.price(m, st.indexPrice()));
        o.put("mark_price", LighterJson.price(m, st.markPrice()));
        o.put("mid_price", LighterJson.price(m, st.markPrice()));
        o.put("best_bid_price", LighterJson.price(m, top.bestBid()));
        o.put("best_ask_price", LighterJson.price(m, top.bestAsk()));
        o.put("open_interest", LighterJson.size(m, st.openInterest()));
        o.put("open_interest_limit", "0");
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
        o.put("funding_clamp_small", "0.005");
        o.put("funding_clamp_big", "0.4");
        o.put("base_interest_rate", "0.0001");
        return o;
    }

    private static ObjectNode statsMessage(String type, String id, ObjectNode stats) {
        ObjectNode o = LighterJson.object().put("type", type).put("channel", "market_stats:" + id);
        o.set("market_stats", stats);
        return o;
    }

    /** {@code account_all}: positions always; recent trades and funding only in the snapshot. */
    private ObjectNode accountAll(String type, long account, boolean history) {
        AccountSnapshot a = exchange.account(account);
        ObjectNode o = LighterJson.object().put("type", type).put("channel", "account_all:" + account)
                .put("account", account);
        for (String p : List.of("daily", "weekly", "monthly", "total")) {
            o.put(p + "_trades_count", 0).put(p + "_volume", 0.0);
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
                ((ArrayNode) trades.withArray(m.venueMarketId())).add(LighterJson.trade(m, f));
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

    private static ObjectNode userStats(String type, AccountSnapshot a) {
        ObjectNode o = LighterJson.object().put("type", type).put("channel", "user_stats:" + a.accountId());
        o.set("stats", LighterAccountJson.userStats(a));
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
