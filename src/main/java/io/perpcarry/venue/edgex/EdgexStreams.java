package io.perpcarry.venue.edgex;

import com.fasterxml.jackson.databind.JsonNode;
import io.perpcarry.crypto.edgex.EdgexAuthHeaders;
import io.perpcarry.crypto.edgex.EdgexRequestSigner;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.MarketDataListener;
import io.perpcarry.venue.VenueException;
import io.vertx.core.VertxOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.component.vertx.websocket.VertxWebsocketComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EdgeX's WebSocket streams (edgex.md §7-8): the public one keeps a local book and the latest ticker of each
 * configured contract, the private one (when credentials exist) tells the engine that the account changed.
 *
 * <p>Frames run on a dedicated Camel Vert.x WebSocket component whose Vert.x has one worker thread: the component
 * hands client frames to {@code executeBlocking(..., ordered=false)}, so with the default pool two depth updates
 * could be applied out of order. One worker makes them strictly FIFO.
 *
 * <p>A book is fresh only while the public socket is up, the book has been synced from a snapshot without a gap
 * since, and the socket has shown a frame within {@code bookMaxAge}. On a gap or crossed book the channel is
 * re-subscribed (EdgeX answers a subscribe with a fresh snapshot); on a drop everything is stale until the new
 * connection's snapshots arrive.
 */
public final class EdgexStreams implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EdgexStreams.class);
    static final String PUBLIC_PATH = "/api/v1/public/ws";
    static final String PRIVATE_PATH = "/api/v1/private/ws";
    private static final AtomicLong INSTANCES = new AtomicLong();

    /** The private stream's signer and account. */
    record PrivateAuth(EdgexRequestSigner signer, String accountId) {
        @Override
        public String toString() {
            return "PrivateAuth[***]";
        }
    }

    private final CamelContext camel;
    private final URI wsBase;
    private final Map<String, String> symbolByContract;
    private final Optional<PrivateAuth> auth;
    private final EdgexSettings settings;
    private final Clock clock;
    private final MarketDataListener listener;
    private final String componentName;
    private final ScheduledExecutorService scheduler;
    private final Map<String, LocalBook> books = new ConcurrentHashMap<>();
    private final Map<String, EdgexMapper.Ticker> tickers = new ConcurrentHashMap<>();
    private final AtomicLong resyncs = new AtomicLong();
    private VertxWebsocketComponent component;
    private EdgexSocket publicSocket;
    private EdgexSocket privateSocket;

    EdgexStreams(CamelContext camel, URI wsBase, Map<String, String> symbolByContract, Optional<PrivateAuth> auth,
                 EdgexSettings settings, Clock clock, MarketDataListener listener) {
        this.camel = camel;
        this.wsBase = URI.create(wsBase.toString().replaceAll("/+$", ""));
        this.symbolByContract = Map.copyOf(symbolByContract);
        this.auth = auth;
        this.settings = settings;
        this.clock = clock;
        this.listener = listener;
        this.componentName = "edgex-ws-" + INSTANCES.incrementAndGet();
        this.scheduler = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, componentName + "-supervisor");
            t.setDaemon(true);
            return t;
        });
        symbolByContract.forEach((id, symbol) -> books.put(id, new LocalBook(symbol)));
    }

    void start() {
        component = new VertxWebsocketComponent();
        component.setVertxOptions(new VertxOptions().setWorkerPoolSize(1));
        camel.addComponent(componentName, component);
        publicSocket = new EdgexSocket("public", camel, componentName, this::publicSpec, settings, clock, scheduler,
                new PublicHandler());
        publicSocket.start();
        auth.ifPresent(a -> {
            privateSocket = new EdgexSocket("private", camel, componentName, () -> privateSpec(a), settings, clock,
                    scheduler, new PrivateHandler());
            privateSocket.start();
        });
    }

    private EdgexSocket.ConnectSpec publicSpec() {
        return new EdgexSocket.ConnectSpec(URI.create(wsBase + PUBLIC_PATH + "?timestamp=" + clock.millis()), Map.of(),
                null);
    }

    /**
     * v2 private handshake (edgex.md §2.3): {@code accountId} and {@code timestamp} in the query, the four HMAC
     * headers signed over {@code ts + "GET" + path + "accountId=..&timestamp=.."}, and the same headers offered as a
     * subprotocol (base64 of their JSON, padding removed).
     */
    static EdgexSocket.ConnectSpec privateSpec(URI wsBase, PrivateAuth a, long ts) {
        String query = "accountId=" + a.accountId() + "&timestamp=" + ts;
        EdgexAuthHeaders h = a.signer().sign("GET", PRIVATE_PATH, query, ts);
        Map<String, Object> headers = new LinkedHashMap<>(h.asMap());
        String json = h.asMap().entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"")
                .collect(Collectors.joining(", ", "{", "}"));
        String protocol = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)).replaceAll("=+$", "");
        return new EdgexSocket.ConnectSpec(URI.create(wsBase + PRIVATE_PATH + "?" + query), headers, protocol);
    }

    private EdgexSocket.ConnectSpec privateSpec(PrivateAuth a) {
        return privateSpec(wsBase, a, clock.millis());
    }

    // ---- reads for the connector ---------------------------------------------------------------------------------

    boolean publicUp() {
        return publicSocket != null && publicSocket.isUp()
                && Duration.between(publicSocket.lastFrameAt(), clock.instant()).compareTo(settings.bookMaxAge()) <= 0;
    }

    boolean streams(String contractId) {
        return books.containsKey(contractId);
    }

    boolean bookFresh(String contractId) {
        LocalBook b = books.get(contractId);
        if (b == null || !publicUp()) {
            return false;
        }
        synchronized (b) {
            return b.usable();
        }
    }

    Optional<OrderBook> freshBook(String contractId, int depth) {
        LocalBook b = books.get(contractId);
        if (b == null || !publicUp()) {
            return Optional.empty();
        }
        synchronized (b) {
            return b.usable() ? Optional.of(b.toOrderBook(depth, clock.instant())) : Optional.empty();
        }
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
        return publicSocket == null ? 0 : publicSocket.connects();
    }

    boolean privateUp() {
        return privateSocket != null && privateSocket.isUp();
    }

    /** Drops the public socket and reconnects as after a failure (operator command, tests). */
    void reconnectPublic(String reason) {
        publicSocket.reconnect(reason);
    }

    // ---- public stream -------------------------------------------------------------------------------------------

    private String depthChannel(String contractId) {
        return "depth." + contractId + "." + settings.depthLevel();
    }

    private final class PublicHandler implements EdgexSocket.Handler {
        @Override
        public void onOpen() {
            for (String id : books.keySet()) {
                publicSocket.send(subscribe("subscribe", depthChannel(id)));
                publicSocket.send(subscribe("subscribe", "ticker." + id));
            }
        }

        @Override
        public void onText(String text) {
            JsonNode msg = Wire.parse("public stream", text);
            String type = msg.path("type").asText("");
            switch (type) {
                case "ping" -> publicSocket.send(pong(msg));
                case "quote-event", "payload" -> onQuote(msg);
                case "error" -> LOG.warn("EdgeX public stream error: {}", msg.path("content"));
                default -> { } // subscribed, pong, ...
            }
        }

        @Override
        public void onDown(String reason) {
            books.values().forEach(b -> {
                synchronized (b) {
                    b.invalidate();
                }
            });
            tickers.clear();
            symbolByContract.values().forEach(symbol -> listener.onMarketDataStale(Venue.EDGEX, symbol));
        }
    }

    private void onQuote(JsonNode msg) {
        String channel = msg.path("channel").asText(msg.path("content").path("channel").asText(""));
        JsonNode data = msg.path("content").path("data");
        if (channel.startsWith("depth.")) {
            String contractId = channel.split("\\.")[1];
            LocalBook book = books.get(contractId);
            if (book == null) {
                return;
            }
            try {
                for (JsonNode item : data) {
                    onDepth(contractId, book, EdgexMapper.depth(item));
                }
            } catch (VenueException e) {
                LOG.warn("EdgeX depth frame for {} unreadable ({}): resyncing", contractId, e.getMessage());
                resync(contractId, book);
            }
        } else if (channel.startsWith("ticker.")) {
            for (JsonNode item : data) {
                EdgexMapper.Ticker t = EdgexMapper.ticker(item, clock.instant());
                if (books.containsKey(t.contractId())) {
                    tickers.put(t.contractId(), t);
                }
            }
        }
    }

    private void onDepth(String contractId, LocalBook book, EdgexMapper.Depth d) {
        LocalBook.Applied result;
        boolean usable;
        synchronized (book) {
            result = book.apply(d, clock.instant());
            usable = book.usable();
        }
        switch (result) {
            case GAP, CROSSED -> {
                LOG.warn("EdgeX book {} {}: resyncing", symbolByContract.get(contractId), result);
                resync(contractId, book);
            }
            case OK -> {
                if (usable) {
                    listener.onBookChanged(Venue.EDGEX, symbolByContract.get(contractId));
                }
            }
            default -> { }
        }
    }

    /** A fresh snapshot for one contract: EdgeX sends one on every subscribe. */
    private void resync(String contractId, LocalBook book) {
        resyncs.incrementAndGet();
        synchronized (book) {
            book.invalidate();
        }
        listener.onMarketDataStale(Venue.EDGEX, symbolByContract.get(contractId));
        publicSocket.send(subscribe("unsubscribe", depthChannel(contractId)));
        publicSocket.send(subscribe("subscribe", depthChannel(contractId)));
    }

    // ---- private stream ------------------------------------------------------------------------------------------

    private final class PrivateHandler implements EdgexSocket.Handler {
        @Override
        public void onOpen() {
            // Events may have been missed while the socket was down: the engine re-reads the account.
            listener.onAccountChanged(Venue.EDGEX);
        }

        @Override
        public void onText(String text) {
            JsonNode msg = Wire.parse("private stream", text);
            switch (msg.path("type").asText("")) {
                case "ping" -> privateSocket.send(pong(msg));
                case "trade-event" -> listener.onAccountChanged(Venue.EDGEX);
                case "error" -> LOG.warn("EdgeX private stream error: {}", msg.path("content"));
                default -> { }
            }
        }

        @Override
        public void onDown(String reason) {
            LOG.warn("EdgeX private stream down: {}", reason);
        }
    }

    private static String subscribe(String type, String channel) {
        return "{\"type\":\"" + type + "\",\"channel\":\"" + channel + "\"}";
    }

    private static String pong(JsonNode ping) {
        return "{\"type\":\"pong\",\"time\":\"" + ping.path("time").asText() + "\"}";
    }

    @Override
    public void close() {
        if (publicSocket != null) {
            publicSocket.close();
        }
        if (privateSocket != null) {
            privateSocket.close();
        }
        scheduler.shutdownNow();
        if (component != null) {
            try {
                camel.removeComponent(componentName);
                component.stop();
            } catch (RuntimeException e) {
                LOG.debug("stopping {}: {}", componentName, e.toString());
            }
        }
    }
}
