package io.perpcarry.venue.lighter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.crypto.lighter.LighterAuthToken;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A small Lighter stand-in on loopback (real HTTP and WebSocket) for the connector's tests until the project's
 * emulator lands: the REST shapes of lighter-openapi.json, nonce checking, auth-token verification, faults
 * per path and a request log.
 */
final class FakeLighterVenue implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    /** One injected misbehaviour for the next request to a path. */
    record Fault(int status, String body, String retryAfter, long delayMs, boolean noAnswer) {
        static Fault status(int status, String body) {
            return new Fault(status, body, null, 0, false);
        }

        static Fault rateLimited(String retryAfter) {
            return new Fault(429, "{\"code\":23000,\"message\":\"Too Many Requests\"}", retryAfter, 0, false);
        }

        static Fault delay(long ms) {
            return new Fault(0, null, null, ms, false);
        }

        static Fault hangUp() {
            return new Fault(0, null, null, 0, true);
        }

        static Fault malformed() {
            return new Fault(200, "{\"code\":200, \"order_book_details\": [ {\"symbol\": ", null, 0, false);
        }
    }

    record Logged(String method, String path, Map<String, String> query, String authorization) {
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    final long accountIndex;
    final byte[] apiPublicKey;
    final List<Logged> requests = new CopyOnWriteArrayList<>();
    final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    final List<JsonNode> acceptedTxs = new CopyOnWriteArrayList<>();
    final List<String> wsReceived = new CopyOnWriteArrayList<>();
    final List<ServerWebSocket> sockets = new CopyOnWriteArrayList<>();
    final Map<Integer, ObjectNode> marketDetails = Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<Integer, BigDecimal> fundingRates = new ConcurrentHashMap<>();
    final Map<Integer, List<String[]>> bids = new ConcurrentHashMap<>();
    final Map<Integer, List<String[]>> asks = new ConcurrentHashMap<>();
    final Map<Integer, Long> bookNonce = new ConcurrentHashMap<>();
    final Deque<String> sendTxRefusals = new ArrayDeque<>();
    volatile ObjectNode account;
    volatile ArrayNode activeOrders = JSON.createArrayNode();
    volatile ArrayNode positionFundings = JSON.createArrayNode();
    volatile long nextNonce = 7;
    volatile boolean answerSubscriptions = true;

    FakeLighterVenue(long accountIndex, byte[] apiPublicKey) throws Exception {
        this.accountIndex = accountIndex;
        this.apiPublicKey = apiPublicKey;
        this.account = emptyAccount();
        this.server = vertx.createHttpServer().webSocketHandler(this::onSocket).requestHandler(this::onRequest)
                .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.actualPort());
    }

    URI wsUrl() {
        return URI.create("ws://127.0.0.1:" + server.actualPort() + "/stream");
    }

    // ---- scenario ---------------------------------------------------------------------------------------

    void addMarket(int id, String symbol, int sizeDecimals, int priceDecimals, String bestBid, String bestAsk) {
        ObjectNode m = JSON.createObjectNode();
        m.put("symbol", symbol).put("market_id", id).put("market_type", "perp").put("base_asset_id", id)
                .put("quote_asset_id", 0).put("status", "active").put("taker_fee", "0.0280")
                .put("is_taker_fee_enabled", true).put("maker_fee", "0.0040").put("is_maker_fee_enabled", true)
                .put("liquidation_fee", "1.0000").put("min_base_amount", "0.0010").put("min_quote_amount", "10.000000")
                .put("order_quote_limit", "").put("supported_size_decimals", sizeDecimals)
                .put("supported_price_decimals", priceDecimals).put("supported_quote_decimals", 6)
                .put("created_at", "0").put("multiplier", "1").put("size_decimals", sizeDecimals)
                .put("price_decimals", priceDecimals).put("quote_multiplier", 1).put("default_initial_margin_fraction", 500)
                .put("min_initial_margin_fraction", 200).put("maintenance_margin_fraction", 120)
                .put("closeout_margin_fraction", 80).put("mark_price", bestBid).put("index_price", bestBid)
                .put("last_trade_price", new BigDecimal(bestBid)).put("daily_trades_count", 10)
                .put("daily_base_token_volume", new BigDecimal("12.5")).put("daily_quote_token_volume", new BigDecimal("1234567.89"))
                .put("daily_price_low", 1).put("daily_price_high", 2).put("daily_price_change", 0.5).put("open_interest", 3)
                .putObject("daily_chart");
        m.putObject("market_config");
        m.put("strategy_index", 0).put("market_flags", 0).put("funding_premium_multiplier", 100)
                .put("funding_clamp_small", "0.005").put("funding_clamp_big", "0.4").put("base_interest_rate", "0.0001");
        marketDetails.put(id, m);
        fundingRates.put(id, new BigDecimal("0.000096"));
        bids.put(id, new ArrayList<>(List.<String[]>of(new String[] {bestBid, "1.5000"})));
        asks.put(id, new ArrayList<>(List.<String[]>of(new String[] {bestAsk, "2.0000"})));
        bookNonce.put(id, 1000L);
    }

    void addPosition(int marketId, String symbol, int sign, String size, String entry, String liquidation,
                     int openOrders) {
        ObjectNode p = ((ArrayNode) account.get("positions")).addObject();
        p.put("market_id", marketId).put("symbol", symbol).put("initial_margin_fraction", "20.00")
                .put("open_order_count", openOrders).put("pending_order_count", 0).put("position_tied_order_count", 0)
                .put("sign", sign).put("position", size).put("avg_entry_price", entry).put("position_value", "0")
                .put("unrealized_pnl", "-1.250000").put("realized_pnl", "0").put("liquidation_price", liquidation)
                .put("margin_mode", 0).put("allocated_margin", "0");
        account.put("total_order_count", account.get("total_order_count").asInt() + openOrders);
    }

    void addActiveOrder(int marketId, long orderIndex, long clientIndex, boolean ask, String price, String remaining) {
        activeOrders.addObject().put("order_index", orderIndex).put("client_order_index", clientIndex)
                .put("order_id", Long.toString(orderIndex)).put("client_order_id", Long.toString(clientIndex))
                .put("market_index", marketId).put("owner_account_index", accountIndex)
                .put("initial_base_amount", "1.0000").put("price", price).put("nonce", 1)
                .put("remaining_base_amount", remaining).put("is_ask", ask).put("base_size", 1).put("base_price", 1)
                .put("filled_base_amount", "0.0000").put("filled_quote_amount", "0").put("side", ask ? "sell" : "buy")
                .put("type", "limit").put("time_in_force", "good-till-time").put("reduce_only", false)
                .put("trigger_price", "0").put("order_expiry", 0).put("status", "open");
    }

    void fault(String path, Fault f) {
        faults.computeIfAbsent(path, k -> new ArrayDeque<>()).add(f);
    }

    /** The next sendTx is refused with this code and message (HTTP 400). */
    void refuseNextTx(int code, String message) {
        synchronized (sendTxRefusals) {
            sendTxRefusals.add("{\"code\":" + code + ",\"message\":\"" + message + "\"}");
        }
    }

    long count(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).count();
    }

    // ---- REST --------------------------------------------------------------------------------------------

    private void onRequest(HttpServerRequest req) {
        req.body().onSuccess(buf -> {
            String path = req.path();
            Map<String, String> query = new LinkedHashMap<>();
            req.params().forEach(e -> query.put(e.getKey(), e.getValue()));
            requests.add(new Logged(req.method().name(), path, query, req.getHeader("Authorization")));
            Deque<Fault> queue = faults.get(path);
            Fault f = queue == null ? null : queue.poll();
            if (f != null && f.noAnswer()) {
                req.connection().close();
                return;
            }
            if (f != null && f.delayMs() > 0) {
                vertx.setTimer(f.delayMs(), t -> answer(req, path, query, buf.toString(StandardCharsets.UTF_8)));
                return;
            }
            if (f != null) {
                var resp = req.response().setStatusCode(f.status()).putHeader("Content-Type", "application/json");
                if (f.retryAfter() != null) {
                    resp.putHeader("Retry-After", f.retryAfter());
                }
                resp.end(f.body());
                return;
            }
            answer(req, path, query, buf.toString(StandardCharsets.UTF_8));
        });
    }

    private void answer(HttpServerRequest req, String path, Map<String, String> query, String body) {
        int status = 200;
        Object out;
        try {
            out = switch (path) {
                case "/api/v1/orderBookDetails" -> orderBookDetails();
                case "/api/v1/funding-rates" -> fundingRatesBody();
                case "/api/v1/orderBookOrders" -> orderBookOrders(Integer.parseInt(query.get("market_id")));
                case "/api/v1/account" -> accountBody(query);
                case "/api/v1/accountActiveOrders" -> authed(req, () -> activeOrdersBody(query));
                case "/api/v1/positionFunding" -> authed(req, () -> ok().set("position_fundings", positionFundings));
                case "/api/v1/nextNonce" -> ok().put("nonce", nextNonce);
                case "/api/v1/sendTx" -> sendTx(body);
                default -> null;
            };
        } catch (Refusal r) {
            status = r.status;
            out = r.body;
        }
        if (out == null) {
            status = 404;
            out = "{\"code\":404,\"message\":\"not found\"}";
        }
        req.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(out.toString());
    }

    private static final class Refusal extends RuntimeException {
        final int status;
        final String body;

        Refusal(int status, String body) {
            super(body, null, false, false);
            this.status = status;
            this.body = body;
        }
    }

    private interface Body {
        Object get();
    }

    private Object authed(HttpServerRequest req, Body body) {
        String token = req.getHeader("Authorization");
        try {
            LighterAuthToken t = LighterAuthToken.verify(token, apiPublicKey, System.currentTimeMillis() / 1000);
            if (t.accountIndex() != accountIndex) {
                throw new Refusal(400, "{\"code\":20001,\"message\":\"auth token for another account\"}");
            }
        } catch (RuntimeException e) {
            if (e instanceof Refusal r) {
                throw r;
            }
            throw new Refusal(400, "{\"code\":20001,\"message\":\"invalid auth\"}");
        }
        return body.get();
    }

    private static ObjectNode ok() {
        return JSON.createObjectNode().put("code", 200);
    }

    private ObjectNode orderBookDetails() {
        ObjectNode root = ok();
        ArrayNode arr = root.putArray("order_book_details");
        synchronized (marketDetails) {
            marketDetails.values().forEach(arr::add);
        }
        root.putArray("spot_order_book_details");
        return root;
    }

    private ObjectNode fundingRatesBody() {
        ObjectNode root = ok();
        ArrayNode arr = root.putArray("funding_rates");
        synchronized (marketDetails) {
            marketDetails.forEach((id, m) -> {
                arr.addObject().put("market_id", id).put("exchange", "binance").put("symbol", m.get("symbol").asText())
                        .put("rate", new BigDecimal("0.0001"));
                arr.addObject().put("market_id", id).put("exchange", "lighter").put("symbol", m.get("symbol").asText())
                        .put("rate", fundingRates.get(id));
            });
        }
        return root;
    }

    private ObjectNode orderBookOrders(int marketId) {
        ObjectNode root = ok();
        ArrayNode a = root.putArray("asks");
        ArrayNode b = root.putArray("bids");
        long idx = 1L << 48;
        for (String[] l : asks.get(marketId)) {
            a.addObject().put("order_index", idx++).put("order_id", "x").put("owner_account_index", 9)
                    .put("initial_base_amount", l[1]).put("remaining_base_amount", l[1]).put("price", l[0]).put("order_expiry", 0);
        }
        for (String[] l : bids.get(marketId)) {
            b.addObject().put("order_index", idx++).put("order_id", "x").put("owner_account_index", 9)
                    .put("initial_base_amount", l[1]).put("remaining_base_amount", l[1]).put("price", l[0]).put("order_expiry", 0);
        }
        root.put("total_asks", a.size()).put("total_bids", b.size());
        return root;
    }

    private ObjectNode accountBody(Map<String, String> query) {
        if (!"index".equals(query.get("by")) || !Long.toString(accountIndex).equals(query.get("value"))) {
            throw new Refusal(400, "{\"code\":21100,\"message\":\"account not found\"}");
        }
        ObjectNode root = ok().put("total", 1);
        root.putArray("accounts").add(account);
        return root;
    }

    private ObjectNode activeOrdersBody(Map<String, String> query) {
        int market = Integer.parseInt(query.getOrDefault("market_id", "255"));
        ObjectNode root = ok();
        ArrayNode arr = root.putArray("orders");
        activeOrders.forEach(o -> {
            if (market == 255 || o.get("market_index").asInt() == market) {
                arr.add(o);
            }
        });
        return root;
    }

    private synchronized ObjectNode sendTx(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String kv : form.split("&")) {
            int eq = kv.indexOf('=');
            fields.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        JsonNode info;
        try {
            info = JSON.readTree(fields.get("tx_info"));
        } catch (Exception e) {
            throw new Refusal(400, "{\"code\":21501,\"message\":\"invalid tx info\"}");
        }
        long nonce = info.get("Nonce").asLong();
        if (nonce != nextNonce) {
            throw new Refusal(400, "{\"code\":21104,\"message\":\"invalid nonce: expected " + nextNonce + ", got " + nonce + "\"}");
        }
        String refusal;
        synchronized (sendTxRefusals) {
            refusal = sendTxRefusals.poll();
        }
        if (refusal != null) {
            throw new Refusal(400, refusal);
        }
        nextNonce++;
        ObjectNode tx = JSON.createObjectNode().put("tx_type", Integer.parseInt(fields.get("tx_type")));
        tx.set("tx_info", info);
        acceptedTxs.add(tx);
        return ok().put("tx_hash", String.format("%080x", acceptedTxs.size())).put("predicted_execution_time_ms", 1)
                .put("volume_quota_remaining", 1000);
    }

    private ObjectNode emptyAccount() {
        ObjectNode a = JSON.createObjectNode();
        a.put("code", 200).put("account_type", 0).put("index", accountIndex).put("account_index", accountIndex)
                .put("l1_address", "0x0000000000000000000000000000000000000001").put("cancel_all_time", 0)
                .put("total_order_count", 0).put("total_isolated_order_count", 0).put("pending_order_count", 0)
                .put("available_balance", "950.000000").put("status", 1).put("collateral", "1000.000000")
                .put("transaction_time", 0).put("account_trading_mode", 0).put("name", "").put("description", "")
                .put("can_invite", false).put("referral_points_percentage", "0").put("total_asset_value", "1001.250000")
                .put("cross_asset_value", "1001.250000");
        a.putArray("positions");
        a.putArray("assets");
        a.putArray("shares");
        return a;
    }

    // ---- WebSocket ---------------------------------------------------------------------------------------

    private void onSocket(ServerWebSocket ws) {
        if (!"/stream".equals(ws.path())) {
            ws.reject();
            return;
        }
        sockets.add(ws);
        ws.closeHandler(v -> sockets.remove(ws));
        ws.textMessageHandler(text -> {
            wsReceived.add(text);
            try {
                JsonNode m = JSON.readTree(text);
                String type = m.path("type").asText();
                String channel = m.path("channel").asText();
                if ("ping".equals(type)) {
                    ws.writeTextMessage("{\"type\":\"pong\"}");
                } else if ("subscribe".equals(type) && answerSubscriptions) {
                    if (channel.startsWith("order_book/")) {
                        ws.writeTextMessage(bookSnapshot(Integer.parseInt(channel.substring("order_book/".length()))));
                    } else if (channel.startsWith("account_all/")) {
                        ws.writeTextMessage("{\"type\":\"subscribed/account_all\",\"channel\":\"account_all:" + accountIndex
                                + "\",\"account\":" + accountIndex + ",\"positions\":{}}");
                    }
                }
            } catch (Exception e) {
                ws.writeTextMessage("{\"type\":\"error\",\"message\":\"bad message\"}");
            }
        });
        ws.writeTextMessage("{\"type\":\"connected\",\"session_id\":\"s\"}");
    }

    private String bookSnapshot(int marketId) {
        ObjectNode m = JSON.createObjectNode().put("type", "subscribed/order_book").put("channel", "order_book:" + marketId)
                .put("offset", 1);
        ObjectNode ob = m.putObject("order_book");
        ob.put("code", 0).put("offset", 1).put("nonce", bookNonce.get(marketId)).put("begin_nonce", bookNonce.get(marketId));
        levels(ob.putArray("asks"), asks.get(marketId));
        levels(ob.putArray("bids"), bids.get(marketId));
        return m.toString();
    }

    private static void levels(ArrayNode arr, List<String[]> levels) {
        for (String[] l : levels) {
            arr.addObject().put("price", l[0]).put("size", l[1]);
        }
    }

    /** Pushes one book update; with {@code skipNonce} its begin_nonce does not follow the last nonce (a gap). */
    void pushBookUpdate(int marketId, List<String[]> bidChanges, List<String[]> askChanges, boolean skipNonce) {
        long begin = bookNonce.get(marketId) + (skipNonce ? 5 : 0);
        long end = begin + 3;
        bookNonce.put(marketId, end);
        applyChanges(bids.get(marketId), bidChanges);
        applyChanges(asks.get(marketId), askChanges);
        ObjectNode m = JSON.createObjectNode().put("type", "update/order_book").put("channel", "order_book:" + marketId)
                .put("offset", end);
        ObjectNode ob = m.putObject("order_book");
        ob.put("code", 0).put("offset", end).put("nonce", end).put("begin_nonce", begin);
        levels(ob.putArray("asks"), askChanges);
        levels(ob.putArray("bids"), bidChanges);
        sockets.forEach(ws -> ws.writeTextMessage(m.toString()));
    }

    void pushAccountUpdate() {
        sockets.forEach(ws -> ws.writeTextMessage("{\"type\":\"update/account_all\",\"channel\":\"account_all:"
                + accountIndex + "\",\"positions\":{}}"));
    }

    private static void applyChanges(List<String[]> side, List<String[]> changes) {
        for (String[] c : changes) {
            side.removeIf(l -> new BigDecimal(l[0]).compareTo(new BigDecimal(c[0])) == 0);
            if (new BigDecimal(c[1]).signum() > 0) {
                side.add(c);
            }
        }
    }

    void dropSockets() {
        sockets.forEach(ServerWebSocket::close);
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
