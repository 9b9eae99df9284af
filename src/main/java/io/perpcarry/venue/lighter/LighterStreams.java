package io.perpcarry.venue.lighter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.MarketDataListener;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lighter's WebSocket: books of the watched markets ({@code order_book/{id}}), the account
 * ({@code account_all}, {@code user_stats}) and {@code market_stats/all}.
 *
 * <p>A Vert.x WebSocket client rather than Camel's {@code vertx-websocket} consumer: that consumer redials at a
 * fixed interval and tells nobody it did, so after a drop nothing would resubscribe (books would silently
 * freeze) and nothing would mark them stale in between. Here a drop invalidates every book at once, redials
 * with doubling jittered delays, and resubscribes; the venue's snapshot then resyncs each book. All socket
 * work runs on one Vert.x context, so message handling is sequential.
 */
public final class LighterStreams implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LighterStreams.class);
    private static final Duration TICK = Duration.ofMillis(250);

    private final Vertx vertx;
    private final boolean ownsVertx;
    private final Context context;
    private final WebSocketClient client;
    private final URI wsUrl;
    private final Clock clock;
    private final LighterSettings settings;
    private final Long accountIndex;
    private final Supplier<String> authToken;
    private final Map<Integer, String> watched = new ConcurrentHashMap<>();
    private final Map<String, LocalOrderBook> books = new ConcurrentHashMap<>();
    /** Book subscriptions sent and not yet answered by a snapshot: sent again after {@code resyncTimeout}. */
    private final Map<Integer, Instant> awaitingSnapshot = new ConcurrentHashMap<>();
    private final Map<Integer, BigDecimal> markPrices = new ConcurrentHashMap<>();
    private final List<MarketDataListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile WebSocket socket;
    private volatile Instant lastMessageAt = Instant.EPOCH;
    private volatile boolean started;
    private volatile boolean closed;
    private Instant lastPingAt = Instant.EPOCH;
    private int failedDials;
    private long tickTimer = -1;

    /**
     * @param vertx        the Vert.x to run on, or null to own one (closed with this)
     * @param accountIndex the account to follow, or null for market data only
     * @param authToken    token source for the account channels, or null
     */
    public LighterStreams(Vertx vertx, URI wsUrl, Clock clock, LighterSettings settings, Long accountIndex,
                          Supplier<String> authToken) {
        this.ownsVertx = vertx == null;
        this.vertx = vertx == null ? Vertx.vertx() : vertx;
        this.context = this.vertx.getOrCreateContext();
        this.client = this.vertx.createWebSocketClient(new WebSocketClientOptions()
                .setConnectTimeout((int) settings.connectTimeout().toMillis())
                .setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 24));
        this.wsUrl = wsUrl;
        this.clock = clock;
        this.settings = settings;
        this.accountIndex = accountIndex;
        this.authToken = authToken;
    }

    public void addListener(MarketDataListener listener) {
        listeners.add(listener);
    }

    /** Dials, and keeps dialling after any drop until {@link #close()}. */
    public void start() {
        if (started || closed) {
            return;
        }
        started = true;
        context.runOnContext(v -> {
            tickTimer = vertx.setPeriodic(TICK.toMillis(), id -> tick());
            dial();
        });
    }

    /** Follows the books of these markets (id → symbol) from now on; already watched ones are kept. */
    public void watch(Map<Integer, String> markets) {
        markets.forEach((id, symbol) -> {
            books.computeIfAbsent(symbol, LocalOrderBook::new);
            if (watched.putIfAbsent(id, symbol) == null) {
                context.runOnContext(v -> {
                    WebSocket ws = socket;
                    if (ws != null) {
                        subscribeBook(ws, id);
                    }
                });
            }
        });
    }

    public boolean isWatching(String symbol) {
        return books.containsKey(symbol);
    }

    public boolean isConnected() {
        return socket != null;
    }

    /** How many times a connection was established (the first one included). */
    public int connectionCount() {
        return connections.get();
    }

    /**
     * Fresh = the socket is up and heard from within {@code streamSilenceMax}, the book is in sync and was
     * updated within {@code bookMaxAge}. A book that is not fresh must not be priced on.
     */
    public boolean isFresh(String symbol) {
        LocalOrderBook book = books.get(symbol);
        if (book == null || socket == null || !book.isSynced()) {
            return false;
        }
        Instant now = clock.instant();
        Instant updated = book.updatedAt();
        return updated != null && !updated.plus(settings.bookMaxAge()).isBefore(now)
                && !lastMessageAt.plus(settings.streamSilenceMax()).isBefore(now);
    }

    /** The local book, only when fresh. */
    public Optional<OrderBook> freshBook(String symbol, int depth) {
        if (!isFresh(symbol)) {
            return Optional.empty();
        }
        return books.get(symbol).toOrderBook(depth, clock.instant());
    }

    /** Last mark price from market_stats, when one was received on the current connection. */
    public Optional<BigDecimal> markPrice(int marketId) {
        return Optional.ofNullable(markPrices.get(marketId));
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        context.runOnContext(v -> {
            if (tickTimer >= 0) {
                vertx.cancelTimer(tickTimer);
            }
            WebSocket ws = socket;
            socket = null;
            if (ws != null) {
                ws.close();
            }
        });
        if (ownsVertx) {
            vertx.close();
        }
    }

    // ---- connection (on the context) -------------------------------------------------------------------

    private void dial() {
        if (closed) {
            return;
        }
        int port = wsUrl.getPort() > 0 ? wsUrl.getPort() : isTls() ? 443 : 80;
        String path = (wsUrl.getRawPath() == null || wsUrl.getRawPath().isEmpty() ? "/" : wsUrl.getRawPath())
                + (wsUrl.getRawQuery() == null ? "" : "?" + wsUrl.getRawQuery());
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(wsUrl.getHost()).setPort(port)
                .setURI(path).setSsl(isTls());
        client.connect(options).onComplete(ar -> {
            if (ar.failed()) {
                LOG.warn("Lighter stream: cannot connect ({}); retrying", ar.cause().toString());
                redialLater();
                return;
            }
            WebSocket ws = ar.result();
            if (closed) {
                ws.close();
                return;
            }
            onConnected(ws);
        });
    }

    private boolean isTls() {
        return "wss".equalsIgnoreCase(wsUrl.getScheme());
    }

    private void onConnected(WebSocket ws) {
        socket = ws;
        failedDials = 0;
        lastMessageAt = clock.instant();
        awaitingSnapshot.clear();
        connections.incrementAndGet();
        ws.textMessageHandler(text -> onMessage(ws, text));
        ws.closeHandler(v -> onDrop(ws, "closed by peer"));
        ws.exceptionHandler(e -> {
            LOG.warn("Lighter stream error: {}", e.toString());
            ws.close();
        });
        LOG.info("Lighter stream connected; subscribing {} books{}", watched.size(), accountIndex == null ? "" : " and the account");
        for (Integer id : watched.keySet()) {
            subscribeBook(ws, id);
        }
        subscribe(ws, "market_stats/all", false);
        if (accountIndex != null) {
            subscribe(ws, "account_all/" + accountIndex, true);
            subscribe(ws, "user_stats/" + accountIndex, true);
        }
    }

    private void onDrop(WebSocket ws, String why) {
        if (socket != ws) {
            return;
        }
        socket = null;
        markPrices.clear();
        LOG.warn("Lighter stream dropped ({}); books are stale until resynced", why);
        books.forEach((symbol, book) -> {
            book.invalidate();
            notifyListeners(l -> l.onMarketDataStale(Venue.LIGHTER, symbol));
        });
        redialLater();
    }

    private void redialLater() {
        if (closed) {
            return;
        }
        long cap = Math.min(settings.reconnectMax().toMillis(),
                settings.reconnectMin().toMillis() << Math.min(failedDials, 16));
        long delay = Math.max(1, ThreadLocalRandom.current().nextLong(cap / 2, cap + 1));
        failedDials++;
        vertx.setTimer(delay, id -> dial());
    }

    /** Pings, drops a silent socket, and repeats resubscriptions whose snapshot never came. */
    private void tick() {
        WebSocket ws = socket;
        if (ws == null || closed) {
            return;
        }
        Instant now = clock.instant();
        if (lastMessageAt.plus(settings.streamSilenceMax()).isBefore(now)) {
            LOG.warn("Lighter stream silent since {}; redialling", lastMessageAt);
            ws.close();
            onDrop(ws, "silent");
            return;
        }
        if (!lastPingAt.plus(settings.pingInterval()).isAfter(now)) {
            lastPingAt = now;
            send(ws, "{\"type\":\"ping\"}");
        }
        refreshQuietBooks(ws, now);
        for (Iterator<Map.Entry<Integer, Instant>> it = awaitingSnapshot.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Integer, Instant> e = it.next();
            if (e.getValue().plus(settings.resyncTimeout()).isBefore(now)) {
                it.remove();
                resync(ws, e.getKey());
            }
        }
    }

    /**
     * A book that has not changed for half its maximum age is asked for again: a quiet market then stays fresh,
     * and a channel that stopped answering goes stale instead of looking alive.
     */
    private void refreshQuietBooks(WebSocket ws, Instant now) {
        Instant quietSince = now.minus(settings.bookMaxAge().dividedBy(2));
        watched.forEach((id, symbol) -> {
            LocalOrderBook book = books.get(symbol);
            Instant updated = book.updatedAt();
            if (book.isSynced() && updated != null && updated.isBefore(quietSince) && !awaitingSnapshot.containsKey(id)) {
                resync(ws, id);
            }
        });
    }

    // ---- messages (on the context) ---------------------------------------------------------------------

    private void onMessage(WebSocket ws, String text) {
        if (socket != ws) {
            return;
        }
        lastMessageAt = clock.instant();
        JsonNode msg;
        try {
            msg = LighterJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            LOG.warn("Lighter stream: unreadable message ignored ({})", e.getOriginalMessage());
            return;
        }
        String type = msg.path("type").asText("");
        String channel = msg.path("channel").asText("");
        switch (type) {
            case "ping" -> send(ws, "{\"type\":\"pong\"}");
            case "pong", "connected" -> { }
            case "subscribed/order_book", "update/order_book" -> onBook(ws, msg, channel, type.startsWith("subscribed"));
            case "subscribed/market_stats", "update/market_stats" -> onMarketStats(msg.path("market_stats"));
            case "subscribed/account_all", "update/account_all", "update/account",
                 "subscribed/user_stats", "update/user_stats" -> notifyListeners(l -> l.onAccountChanged(Venue.LIGHTER));
            case "error" -> LOG.warn("Lighter stream error message: {}", abbreviate(text));
            default -> LOG.debug("Lighter stream: ignored message type '{}'", type);
        }
    }

    private void onBook(WebSocket ws, JsonNode msg, String channel, boolean snapshot) {
        Integer id = marketIdOf(channel, "order_book:");
        String symbol = id == null ? null : watched.get(id);
        if (symbol == null) {
            return;
        }
        LocalOrderBook book = books.get(symbol);
        JsonNode ob = msg.path("order_book");
        Instant now = clock.instant();
        try {
            List<LocalOrderBook.LevelChange> bids = levels(ob.path("bids"));
            List<LocalOrderBook.LevelChange> asks = levels(ob.path("asks"));
            Long nonce = optionalLong(ob, "nonce");
            if (snapshot) {
                awaitingSnapshot.remove(id);
                book.applySnapshot(bids, asks, nonce, now);
                if (!book.isSynced()) {
                    LOG.warn("Lighter {} snapshot is empty or crossed; resubscribing", symbol);
                    resync(ws, id);
                    return;
                }
            } else if (book.applyUpdate(bids, asks, optionalLong(ob, "begin_nonce"), nonce, now)
                    == LocalOrderBook.Outcome.GAP) {
                if (!awaitingSnapshot.containsKey(id)) {
                    LOG.warn("Lighter {} book gap; resubscribing for a fresh snapshot", symbol);
                    notifyListeners(l -> l.onMarketDataStale(Venue.LIGHTER, symbol));
                    resync(ws, id);
                }
                return;
            }
        } catch (IllegalArgumentException e) {
            LOG.warn("Lighter {} book message unreadable ({}); resubscribing", symbol, e.getMessage());
            book.invalidate();
            notifyListeners(l -> l.onMarketDataStale(Venue.LIGHTER, symbol));
            resync(ws, id);
            return;
        }
        notifyListeners(l -> l.onBookChanged(Venue.LIGHTER, symbol));
    }

    private void onMarketStats(JsonNode stats) {
        if (stats.has("market_id")) {
            markStats(stats);
        } else {
            stats.forEach(this::markStats);
        }
    }

    private void markStats(JsonNode s) {
        try {
            if (s.hasNonNull("mark_price")) {
                markPrices.put(s.path("market_id").asInt(), new BigDecimal(s.path("mark_price").asText()));
            }
        } catch (NumberFormatException e) {
            LOG.debug("Lighter market_stats: unreadable mark price ignored");
        }
    }

    private void resync(WebSocket ws, int id) {
        awaitingSnapshot.put(id, clock.instant());
        send(ws, channelMessage("unsubscribe", "order_book/" + id, false));
        send(ws, channelMessage("subscribe", "order_book/" + id, false));
    }

    private void subscribeBook(WebSocket ws, int id) {
        awaitingSnapshot.put(id, clock.instant());
        subscribe(ws, "order_book/" + id, false);
    }

    private void subscribe(WebSocket ws, String channel, boolean withAuth) {
        send(ws, channelMessage("subscribe", channel, withAuth));
    }

    private String channelMessage(String type, String channel, boolean withAuth) {
        ObjectNode m = LighterJson.MAPPER.createObjectNode().put("type", type).put("channel", channel);
        if (withAuth && authToken != null) {
            m.put("auth", authToken.get());
        }
        return m.toString();
    }

    private void send(WebSocket ws, String text) {
        ws.writeTextMessage(text).onFailure(e -> LOG.debug("Lighter stream send failed: {}", e.toString()));
    }

    private void notifyListeners(java.util.function.Consumer<MarketDataListener> call) {
        for (MarketDataListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("Lighter stream listener failed", e);
            }
        }
    }

    private static List<LocalOrderBook.LevelChange> levels(JsonNode side) {
        if (!side.isArray()) {
            throw new IllegalArgumentException("book side is not an array");
        }
        List<LocalOrderBook.LevelChange> out = new ArrayList<>(side.size());
        for (JsonNode level : side) {
            BigDecimal price = new BigDecimal(level.path("price").asText("x"));
            BigDecimal size = new BigDecimal(level.path("size").asText("x"));
            if (price.signum() <= 0 || size.signum() < 0) {
                throw new IllegalArgumentException("level with non-positive price or negative size");
            }
            out.add(new LocalOrderBook.LevelChange(price, size));
        }
        return out;
    }

    private static Long optionalLong(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v != null && v.canConvertToLong() ? v.longValue() : null;
    }

    private static Integer marketIdOf(String channel, String prefix) {
        if (!channel.startsWith(prefix)) {
            return null;
        }
        try {
            return Integer.valueOf(channel.substring(prefix.length()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    @Override
    public String toString() {
        return "LighterStreams[" + wsUrl + ", connected=" + isConnected() + ", books=" + books.keySet() + "]";
    }
}
