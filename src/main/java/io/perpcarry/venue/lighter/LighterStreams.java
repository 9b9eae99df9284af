package io.perpcarry.venue.lighter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.MarketDataListener;
import io.perpcarry.venue.VenueException;
import io.perpcarry.venue.common.BookDelta;
import io.perpcarry.venue.common.BookSequence;
import io.perpcarry.venue.common.Handshake;
import io.perpcarry.venue.common.LocalOrderBook;
import io.perpcarry.venue.common.MarketDataFanOut;
import io.perpcarry.venue.common.SocketReport;
import io.perpcarry.venue.common.SocketTimings;
import io.perpcarry.venue.common.VenueJson;
import io.perpcarry.venue.common.VenueSocket;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lighter's WebSocket: books of the watched markets ({@code order_book/{id}}), the account ({@code account_all},
 * {@code user_stats}, with a current auth token on every subscribe) and {@code market_stats/all}. The socket is the
 * shared {@link VenueSocket} (redial, resubscribe, stale detection); the books the shared {@link LocalOrderBook} with
 * Lighter's nonce chain. On a drop every book goes stale at once; the venue's snapshot after the resubscription
 * resyncs each one.
 */
public final class LighterStreams implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LighterStreams.class);
    static final VenueJson JSON = VenueJson.of(Venue.LIGHTER);

    private final Vertx vertx;
    private final boolean ownsVertx;
    private final Clock clock;
    private final LighterSettings settings;
    private final Long accountIndex;
    private final Supplier<String> authToken;
    private final VenueSocket socket;
    private final Map<Integer, String> watched = new ConcurrentHashMap<>();
    private final Map<String, LocalOrderBook> books = new ConcurrentHashMap<>();
    /** Book subscriptions sent and not yet answered by a snapshot: sent again after {@code resyncTimeout}. */
    private final Map<Integer, Instant> awaitingSnapshot = new ConcurrentHashMap<>();
    private final Map<Integer, BigDecimal> markPrices = new ConcurrentHashMap<>();
    private final MarketDataFanOut listeners = new MarketDataFanOut();

    /**
     * @param vertx        the Vert.x to run on, or null to own a small one (closed with this)
     * @param accountIndex the account to follow, or null for market data only
     * @param authToken    token source for the account channels, or null
     */
    public LighterStreams(Vertx vertx, URI wsUrl, Clock clock, LighterSettings settings, Long accountIndex,
                          Supplier<String> authToken) {
        this(vertx, wsUrl, clock, settings, accountIndex, authToken, SocketReport.NONE);
    }

    public LighterStreams(Vertx vertx, URI wsUrl, Clock clock, LighterSettings settings, Long accountIndex,
                          Supplier<String> authToken, SocketReport report) {
        this.ownsVertx = vertx == null;
        this.vertx = vertx == null ? VenueSocket.smallVertx() : vertx;
        this.clock = clock;
        this.settings = settings;
        this.accountIndex = accountIndex;
        this.authToken = authToken;
        this.socket = new VenueSocket("Lighter", this.vertx, () -> Handshake.plain(wsUrl), timings(settings), clock,
                () -> "{\"type\":\"ping\"}", new Session(), report);
    }

    static SocketTimings timings(LighterSettings s) {
        return new SocketTimings(s.connectTimeout(), s.pingInterval(), s.streamSilenceMax(), s.reconnectMin(),
                s.reconnectMax());
    }

    public void addListener(MarketDataListener listener) {
        listeners.add(listener);
    }

    /** Dials, and keeps dialling after any drop until {@link #close()}. */
    public void start() {
        socket.start();
    }

    /** Follows the books of these markets (id → symbol) from now on; already watched ones are kept. */
    public void watch(Map<Integer, String> markets) {
        markets.forEach((id, symbol) -> {
            books.computeIfAbsent(symbol, s -> new LocalOrderBook(Venue.LIGHTER, s, BookSequence.LIGHTER_NONCE));
            if (watched.putIfAbsent(id, symbol) == null && socket.isUp()) {
                awaitingSnapshot.put(id, clock.instant());
                socket.send(channelMessage("subscribe", "order_book/" + id, false));
            }
        });
    }

    public boolean isWatching(String symbol) {
        return books.containsKey(symbol);
    }

    public boolean isConnected() {
        return socket.isUp();
    }

    /** How many times a connection was established (the first one included). */
    public int connectionCount() {
        return (int) socket.connects();
    }

    /** The supervised socket, for its counters (reconnects, stale drops). */
    public VenueSocket socket() {
        return socket;
    }

    /**
     * Fresh = the socket is up and heard from within {@code streamSilenceMax}, the book is in sync and was
     * updated within {@code bookMaxAge}. A book that is not fresh must not be priced on.
     */
    public boolean isFresh(String symbol) {
        LocalOrderBook book = books.get(symbol);
        if (book == null || !socket.heardWithin(settings.streamSilenceMax()) || !book.isUsable()) {
            return false;
        }
        Instant updated = book.updatedAt();
        return updated != null && !updated.plus(settings.bookMaxAge()).isBefore(clock.instant());
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
        socket.close();
        if (ownsVertx) {
            vertx.close();
        }
    }

    // ---- the session (on the socket's context) ----------------------------------------------------------------

    private final class Session implements VenueSocket.Session {
        @Override
        public void onOpen() {
            awaitingSnapshot.clear();
            LOG.info("Lighter stream: subscribing {} books{}", watched.size(), accountIndex == null ? "" : " and the account");
            for (Integer id : watched.keySet()) {
                awaitingSnapshot.put(id, clock.instant());
                socket.send(channelMessage("subscribe", "order_book/" + id, false));
            }
            socket.send(channelMessage("subscribe", "market_stats/all", false));
            if (accountIndex != null) {
                socket.send(channelMessage("subscribe", "account_all/" + accountIndex, true));
                socket.send(channelMessage("subscribe", "user_stats/" + accountIndex, true));
                // Events may have been missed while down: the engine re-reads the account.
                listeners.onAccountChanged(Venue.LIGHTER);
            }
        }

        @Override
        public void onText(String text) {
            JsonNode msg = JSON.parse(text, "Lighter stream");
            String type = msg.path("type").asText("");
            String channel = msg.path("channel").asText("");
            switch (type) {
                case "ping" -> socket.send("{\"type\":\"pong\"}");
                case "pong", "connected" -> { }
                case "subscribed/order_book", "update/order_book" -> onBook(msg, channel, type.startsWith("subscribed"));
                case "subscribed/market_stats", "update/market_stats" -> onMarketStats(msg);
                case "subscribed/account_all", "update/account_all", "update/account",
                     "subscribed/user_stats", "update/user_stats" -> listeners.onAccountChanged(Venue.LIGHTER);
                case "error" -> LOG.warn("Lighter stream error message: {}", abbreviate(text));
                default -> {
                    if (msg.has("error")) {
                        LOG.warn("Lighter stream error message: {}", abbreviate(text));
                    } else {
                        LOG.debug("Lighter stream: ignored message type '{}'", type);
                    }
                }
            }
        }

        @Override
        public void onDown(String reason) {
            markPrices.clear();
            awaitingSnapshot.clear();
            books.forEach((symbol, book) -> {
                book.invalidate();
                listeners.onMarketDataStale(Venue.LIGHTER, symbol);
            });
        }

        /** Repeats resubscriptions whose snapshot never came, and refreshes quiet books. */
        @Override
        public void onTick(Instant now) {
            refreshQuietBooks(now);
            for (Iterator<Map.Entry<Integer, Instant>> it = awaitingSnapshot.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Integer, Instant> e = it.next();
                if (e.getValue().plus(settings.resyncTimeout()).isBefore(now)) {
                    it.remove();
                    resync(e.getKey());
                }
            }
        }
    }

    /**
     * A book that has not changed for half its maximum age is asked for again: a quiet market then stays fresh,
     * and a channel that stopped answering goes stale instead of looking alive.
     */
    private void refreshQuietBooks(Instant now) {
        Instant quietSince = now.minus(settings.bookMaxAge().dividedBy(2));
        watched.forEach((id, symbol) -> {
            LocalOrderBook book = books.get(symbol);
            Instant updated = book.updatedAt();
            if (book.isSynced() && updated != null && updated.isBefore(quietSince) && !awaitingSnapshot.containsKey(id)) {
                resync(id);
            }
        });
    }

    private void onBook(JsonNode msg, String channel, boolean snapshot) {
        Integer id = marketIdOf(channel, "order_book:");
        String symbol = id == null ? null : watched.get(id);
        if (symbol == null) {
            return;
        }
        LocalOrderBook book = books.get(symbol);
        LocalOrderBook.Outcome outcome;
        try {
            BookDelta delta = bookDelta(msg, snapshot, "Lighter " + channel);
            if (snapshot) {
                awaitingSnapshot.remove(id);
            }
            outcome = book.apply(delta, clock.instant());
        } catch (VenueException | IllegalArgumentException e) {
            LOG.warn("Lighter {} book message unreadable ({}); resubscribing", symbol, e.getMessage());
            book.invalidate();
            outcome = LocalOrderBook.Outcome.GAP;
        }
        switch (outcome) {
            case APPLIED -> {
                if (book.isUsable()) {
                    listeners.onBookChanged(Venue.LIGHTER, symbol);
                }
            }
            case GAP, CROSSED -> {
                if (!awaitingSnapshot.containsKey(id)) {
                    LOG.warn("Lighter {} book {}; resubscribing for a fresh snapshot", symbol, outcome);
                    listeners.onMarketDataStale(Venue.LIGHTER, symbol);
                    resync(id);
                }
            }
            default -> { }
        }
    }

    /**
     * One {@code order_book} message: absolute sizes, zero deletes; an update's {@code begin_nonce} chains to the
     * previous {@code nonce} (a snapshot's is 0, and optional).
     */
    static BookDelta bookDelta(JsonNode msg, boolean snapshot, String where) {
        JsonNode ob = JSON.field(msg, "order_book", where);
        long nonce = JSON.integer(ob, "nonce", where);
        long begin = snapshot ? JSON.optInteger(ob, "begin_nonce", where).orElse(0L)
                : JSON.integer(ob, "begin_nonce", where);
        return new BookDelta(snapshot, begin, nonce, JSON.bookLevels(ob, "bids", where), JSON.bookLevels(ob, "asks", where));
    }

    private void onMarketStats(JsonNode msg) {
        JsonNode stats = msg.path("market_stats");
        if (stats.has("market_id")) {
            markStats(stats);
        } else {
            stats.forEach(this::markStats);
        }
    }

    private void markStats(JsonNode s) {
        try {
            int id = JSON.smallInt(s, "market_id", "Lighter market_stats");
            JSON.optDecimal(s, "mark_price", "Lighter market_stats").ifPresent(p -> markPrices.put(id, p));
        } catch (VenueException e) {
            LOG.debug("Lighter market_stats: {}", e.getMessage());
        }
    }

    private void resync(int id) {
        awaitingSnapshot.put(id, clock.instant());
        socket.send(channelMessage("unsubscribe", "order_book/" + id, false));
        socket.send(channelMessage("subscribe", "order_book/" + id, false));
    }

    /** Account channels carry the current auth token: fetched per message, so a resubscription is re-authenticated. */
    private String channelMessage(String type, String channel, boolean withAuth) {
        ObjectNode m = VenueJson.MAPPER.createObjectNode().put("type", type).put("channel", channel);
        if (withAuth && authToken != null) {
            m.put("auth", authToken.get());
        }
        return m.toString();
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
        return "LighterStreams[" + socket + ", books=" + books.keySet() + "]";
    }
}
