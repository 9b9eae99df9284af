package io.perpcarry.venue.edgex;

import com.fasterxml.jackson.databind.JsonNode;
import io.perpcarry.crypto.edgex.EdgexAuthHeaders;
import io.perpcarry.crypto.edgex.EdgexRequestSigner;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.MarketDataListener;
import io.perpcarry.venue.VenueException;
import io.perpcarry.venue.common.BookDelta;
import io.perpcarry.venue.common.BookSequence;
import io.perpcarry.venue.common.Handshake;
import io.perpcarry.venue.common.LocalOrderBook;
import io.perpcarry.venue.common.SocketReport;
import io.perpcarry.venue.common.SocketTimings;
import io.perpcarry.venue.common.VenueJson;
import io.perpcarry.venue.common.VenueSocket;
import io.vertx.core.Vertx;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EdgeX's WebSocket streams (edgex.md §7-8): the public one keeps a local book and the latest ticker of each
 * configured contract, the private one (when credentials exist) tells the engine that the account changed. Both are
 * the shared {@link VenueSocket}; the books the shared {@link LocalOrderBook} with EdgeX's version chain.
 *
 * <p>A book is fresh only while the public socket is up and heard from within {@code bookMaxAge}, and the book has
 * been synced from a snapshot without a gap since. On a gap or crossed book the channel is re-subscribed (EdgeX
 * answers a subscribe with a fresh snapshot); on a drop everything is stale until the new connection's snapshots.
 */
public final class EdgexStreams implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EdgexStreams.class);
    static final String PUBLIC_PATH = "/api/v1/public/ws";
    static final String PRIVATE_PATH = "/api/v1/private/ws";
    static final VenueJson JSON = VenueJson.of(Venue.EDGEX);

    /** The private stream's signer and account. */
    record PrivateAuth(EdgexRequestSigner signer, String accountId) {
        @Override
        public String toString() {
            return "PrivateAuth[***]";
        }
    }

    private final Vertx vertx;
    private final boolean ownsVertx;
    private final URI wsBase;
    private final Map<String, String> symbolByContract;
    private final Optional<PrivateAuth> auth;
    private final EdgexSettings settings;
    private final Clock clock;
    private final MarketDataListener listener;
    private final SocketReport report;
    private final Map<String, LocalOrderBook> books = new ConcurrentHashMap<>();
    private final Map<String, EdgexMapper.Ticker> tickers = new ConcurrentHashMap<>();
    private final AtomicLong resyncs = new AtomicLong();
    private final VenueSocket publicSocket;
    private final VenueSocket privateSocket;

    /** @param vertx the Vert.x to run on, or null to own a small one (closed with this) */
    EdgexStreams(Vertx vertx, URI wsBase, Map<String, String> symbolByContract, Optional<PrivateAuth> auth,
                 EdgexSettings settings, Clock clock, MarketDataListener listener) {
        this(vertx, wsBase, symbolByContract, auth, settings, clock, listener, SocketReport.NONE);
    }

    EdgexStreams(Vertx vertx, URI wsBase, Map<String, String> symbolByContract, Optional<PrivateAuth> auth,
                 EdgexSettings settings, Clock clock, MarketDataListener listener, SocketReport report) {
        this.ownsVertx = vertx == null;
        this.vertx = vertx == null ? VenueSocket.smallVertx() : vertx;
        this.wsBase = URI.create(wsBase.toString().replaceAll("/+$", ""));
        this.symbolByContract = Map.copyOf(symbolByContract);
        this.auth = auth;
        this.settings = settings;
        this.clock = clock;
        this.listener = listener;
        this.report = report;
        symbolByContract.forEach((id, symbol) -> books.put(id, new LocalOrderBook(Venue.EDGEX, symbol,
                BookSequence.EDGEX_VERSION)));
        SocketTimings timings = timings(settings);
        this.publicSocket = new VenueSocket("EdgeX public", this.vertx,
                () -> Handshake.plain(URI.create(this.wsBase + PUBLIC_PATH + "?timestamp=" + clock.millis())),
                timings, clock, this::ping, new PublicSession(), report);
        this.privateSocket = auth.map(a -> new VenueSocket("EdgeX private", this.vertx,
                () -> privateSpec(this.wsBase, a, clock.millis()), timings, clock, this::ping, new PrivateSession(),
                report)).orElse(null);
    }

    static SocketTimings timings(EdgexSettings s) {
        return new SocketTimings(s.deadAfter(), s.pingInterval(), s.deadAfter(), s.reconnectMin(), s.reconnectMax());
    }

    void start() {
        publicSocket.start();
        if (privateSocket != null) {
            privateSocket.start();
        }
    }

    /**
     * v2 private handshake (edgex.md §2.3), built afresh for every dial: {@code accountId} and {@code timestamp} in
     * the query, the four HMAC headers signed over {@code ts + "GET" + path + "accountId=..&timestamp=.."}, and the
     * same headers offered as a subprotocol (base64 of their JSON, padding removed).
     */
    static Handshake privateSpec(URI wsBase, PrivateAuth a, long ts) {
        String query = "accountId=" + a.accountId() + "&timestamp=" + ts;
        EdgexAuthHeaders h = a.signer().sign("GET", PRIVATE_PATH, query, ts);
        String json = h.asMap().entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                .collect(Collectors.joining(", ", "{", "}"));
        String protocol = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)).replaceAll("=+$", "");
        return new Handshake(URI.create(wsBase + PRIVATE_PATH + "?" + query), h.asMap(), List.of(protocol));
    }

    // ---- reads for the connector ---------------------------------------------------------------------------------

    boolean publicUp() {
        return publicSocket.heardWithin(settings.bookMaxAge());
    }

    boolean streams(String contractId) {
        return books.containsKey(contractId);
    }

    boolean bookFresh(String contractId) {
        LocalOrderBook b = books.get(contractId);
        return b != null && publicUp() && b.isUsable();
    }

    Optional<OrderBook> freshBook(String contractId, int depth) {
        LocalOrderBook b = books.get(contractId);
        if (b == null || !publicUp()) {
            return Optional.empty();
        }
        return b.toOrderBook(depth, clock.instant());
    }

    /** The streamed ticker if the socket is up and it is younger than {@code tickerMaxAge}. */
    Optional<EdgexMapper.Ticker> freshTicker(String contractId) {
        EdgexMapper.Ticker t = tickers.get(contractId);
        if (t == null || !publicUp()
                || Duration.between(t.observedAt(), clock.instant()).compareTo(settings.tickerMaxAge()) > 0) {
            return Optional.empty();
        }
        return Optional.of(t);
    }

    long resyncs() {
        return resyncs.get();
    }

    long publicConnects() {
        return publicSocket.connects();
    }

    boolean privateUp() {
        return privateSocket != null && privateSocket.isUp();
    }

    /** The public socket, for its counters (reconnects, stale drops). */
    public VenueSocket publicSocket() {
        return publicSocket;
    }

    /** Drops the public socket and reconnects as after a failure (operator command, tests). */
    void reconnectPublic(String reason) {
        publicSocket.reconnect(reason);
    }

    // ---- public stream -------------------------------------------------------------------------------------------

    private String depthChannel(String contractId) {
        return "depth." + contractId + "." + settings.depthLevel();
    }

    private final class PublicSession implements VenueSocket.Session {
        @Override
        public void onOpen() {
            for (String id : books.keySet()) {
                publicSocket.send(subscribe("subscribe", depthChannel(id)));
                publicSocket.send(subscribe("subscribe", "ticker." + id));
            }
        }

        @Override
        public void onText(String text) {
            JsonNode msg = JSON.parse(text, "EdgeX public stream");
            switch (msg.path("type").asText("")) {
                case "ping" -> publicSocket.send(pong(msg));
                case "quote-event", "payload" -> onQuote(msg);
                case "error" -> LOG.warn("EdgeX public stream error: {}", msg.path("content"));
                default -> { } // connected, subscribed, pong, ...
            }
        }

        @Override
        public void onDown(String reason) {
            books.values().forEach(LocalOrderBook::invalidate);
            tickers.clear();
            symbolByContract.values().forEach(symbol -> listener.onMarketDataStale(Venue.EDGEX, symbol));
        }
    }

    private void onQuote(JsonNode msg) {
        JsonNode content = msg.path("content");
        String channel = msg.path("channel").asText(content.path("channel").asText(""));
        if (channel.startsWith("depth.")) {
            String contractId = channel.split("\\.")[1];
            LocalOrderBook book = books.get(contractId);
            if (book == null) {
                return;
            }
            try {
                for (BookDelta d : depthDeltas(content, "EdgeX " + channel)) {
                    if (!onDepth(contractId, book, d)) {
                        return;
                    }
                }
            } catch (VenueException | IllegalArgumentException e) {
                LOG.warn("EdgeX depth frame for {} unreadable ({}): resyncing", contractId, e.getMessage());
                resync(contractId, book);
            }
        } else if (channel.startsWith("ticker.")) {
            for (JsonNode item : content.path("data")) {
                try {
                    EdgexMapper.Ticker t = EdgexMapper.ticker(item, clock.instant());
                    if (books.containsKey(t.contractId())) {
                        tickers.put(t.contractId(), t);
                    }
                } catch (VenueException e) {
                    LOG.debug("EdgeX ticker row skipped: {}", e.getMessage());
                }
            }
        }
    }

    /**
     * The depth records of one {@code quote-event}: {@code content.dataType} is "Snapshot" or, live, lower-case
     * "changed" (captures/edgex/ws_depth.json), read case-blind; a record's own {@code depthType} must agree.
     * Versions are strings of digits; levels {@code {price, size}} with absolute sizes, zero deleting.
     */
    static List<BookDelta> depthDeltas(JsonNode content, String where) {
        String dataType = JSON.text(content, "dataType", where);
        boolean snapshot;
        if (dataType.equalsIgnoreCase("snapshot")) {
            snapshot = true;
        } else if (dataType.equalsIgnoreCase("changed")) {
            snapshot = false;
        } else {
            throw JSON.malformed(where, "unknown dataType '" + dataType + "'");
        }
        List<BookDelta> out = new ArrayList<>();
        for (JsonNode d : JSON.array(content, "data", where)) {
            Optional<String> depthType = JSON.optText(d, "depthType", where);
            if (depthType.isPresent() && depthType.get().equalsIgnoreCase("SNAPSHOT") != snapshot) {
                throw JSON.malformed(where, "depthType " + depthType.get() + " in a '" + dataType + "' frame");
            }
            out.add(new BookDelta(snapshot, JSON.integer(d, "startVersion", where), JSON.integer(d, "endVersion", where),
                    JSON.bookLevels(d, "bids", where), JSON.bookLevels(d, "asks", where)));
        }
        return out;
    }

    /** @return false when the book was invalidated (the rest of the frame is moot until the snapshot) */
    private boolean onDepth(String contractId, LocalOrderBook book, BookDelta d) {
        LocalOrderBook.Outcome result = book.apply(d, clock.instant());
        switch (result) {
            case GAP, CROSSED -> {
                LOG.warn("EdgeX book {} {}: resyncing", symbolByContract.get(contractId), result);
                resync(contractId, book);
                return false;
            }
            case APPLIED -> {
                if (book.isUsable()) {
                    listener.onBookChanged(Venue.EDGEX, symbolByContract.get(contractId));
                }
            }
            default -> { }
        }
        return true;
    }

    /** A fresh snapshot for one contract: EdgeX sends one on every subscribe. */
    private void resync(String contractId, LocalOrderBook book) {
        resyncs.incrementAndGet();
        book.invalidate();
        listener.onMarketDataStale(Venue.EDGEX, symbolByContract.get(contractId));
        publicSocket.send(subscribe("unsubscribe", depthChannel(contractId)));
        publicSocket.send(subscribe("subscribe", depthChannel(contractId)));
    }

    // ---- private stream ------------------------------------------------------------------------------------------

    private final class PrivateSession implements VenueSocket.Session {
        @Override
        public void onOpen() {
            // Events may have been missed while the socket was down: the engine re-reads the account.
            listener.onAccountChanged(Venue.EDGEX);
        }

        @Override
        public void onText(String text) {
            JsonNode msg = JSON.parse(text, "EdgeX private stream");
            switch (msg.path("type").asText("")) {
                case "ping" -> privateSocket.send(pong(msg));
                case "trade-event" -> listener.onAccountChanged(Venue.EDGEX);
                case "error" -> LOG.warn("EdgeX private stream error: {}", msg.path("content"));
                default -> { }
            }
        }

        @Override
        public void onDown(String reason) {
            // Nothing cached from the private stream; its reconnect's onOpen asks the engine to re-read.
        }
    }

    private String ping() {
        return "{\"type\":\"ping\",\"time\":\"" + clock.millis() + "\"}";
    }

    private static String subscribe(String type, String channel) {
        return "{\"type\":\"" + type + "\",\"channel\":\"" + channel + "\"}";
    }

    private static String pong(JsonNode ping) {
        return "{\"type\":\"pong\",\"time\":\"" + ping.path("time").asText() + "\"}";
    }

    @Override
    public void close() {
        publicSocket.close();
        if (privateSocket != null) {
            privateSocket.close();
        }
        if (ownsVertx) {
            vertx.close();
        }
    }
}
