package io.perpcarry.venue.common;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One supervised WebSocket to a venue, the same for Lighter and EdgeX: it dials, and after any drop redials with
 * doubling jittered delays; each dial builds a fresh {@link Handshake} (a signed one gets a new timestamp) and
 * {@link Session#onOpen} subscribes again (with a fresh auth token where the venue wants one). A socket silent for
 * {@code silenceMax} although pinged is stale: closed and replaced. Everything runs on one Vert.x event-loop
 * context, so frames are handled strictly in order.
 *
 * <p>A plain Vert.x client, not a Camel route: a hot reload of {@code routes/} removes every route, Java-added ones
 * included, so a stream living in a route would die with each edit; and the {@code vertx-websocket} component's own
 * reconnect replays the first (stale) signed handshake and tells nobody, so nothing would resubscribe.
 */
public final class VenueSocket implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VenueSocket.class);

    /** What runs over the socket. Called on the socket's context, one call at a time. */
    public interface Session {
        /** Connected: subscribe now (every channel, with fresh auth where needed). */
        void onOpen();

        void onText(String text);

        /** The socket is gone: what it fed is stale until the next connection's snapshots. */
        void onDown(String reason);

        /** Every watchdog tick while connected (repeat unanswered subscriptions, refresh quiet books...). */
        default void onTick(Instant now) {
        }
    }

    private final String name;
    private final Vertx vertx;
    private final Context context;
    private final WebSocketClient client;
    private final Supplier<Handshake> handshake;
    private final SocketTimings timings;
    private final Clock clock;
    private final Supplier<String> ping;
    private final Session session;
    private final SocketReport report;
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong staleDrops = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private volatile WebSocket socket;
    private volatile Instant lastFrameAt = Instant.EPOCH;
    private volatile boolean started;
    private volatile boolean closed;
    private Instant upSince = Instant.EPOCH;
    private Instant lastPingAt = Instant.EPOCH;
    private int failures;
    private long timer = -1;

    /**
     * @param name      for logs and reports ("lighter", "edgex public", ...)
     * @param handshake called for every dial
     * @param ping      our application ping text, built per ping; null for none
     */
    public VenueSocket(String name, Vertx vertx, Supplier<Handshake> handshake, SocketTimings timings, Clock clock,
                       Supplier<String> ping, Session session, SocketReport report) {
        this.name = name;
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setConnectTimeout((int) timings.connectTimeout().toMillis())
                .setMaxFrameSize(1 << 20).setMaxMessageSize(1 << 24));
        this.handshake = handshake;
        this.timings = timings;
        this.clock = clock;
        this.ping = ping;
        this.session = session;
        this.report = report;
    }

    /** A small Vert.x for a venue's sockets (one event loop is plenty for two sockets). */
    public static Vertx smallVertx() {
        return Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
    }

    /** Dials, and keeps dialling after any drop until {@link #close()}. */
    public void start() {
        if (started || closed) {
            return;
        }
        started = true;
        io.perpcarry.metrics.VenueMetrics.stream(name);
        context.runOnContext(v -> {
            timer = vertx.setPeriodic(timings.tick().toMillis(), id -> tick());
            dial();
        });
    }

    public boolean isUp() {
        return socket != null;
    }

    /** Up and heard from (any frame, pongs included) within {@code limit}. */
    public boolean heardWithin(Duration limit) {
        return socket != null && !lastFrameAt.plus(limit).isBefore(clock.instant());
    }

    public Instant lastFrameAt() {
        return lastFrameAt;
    }

    /** Connections established, the first included. */
    public long connects() {
        return connects.get();
    }

    /** Connections established after a drop. */
    public long reconnects() {
        return reconnects.get();
    }

    /** Sockets replaced because they went silent. */
    public long staleDrops() {
        return staleDrops.get();
    }

    public long frames() {
        return frames.get();
    }

    /** Sends on the current connection; dropped when there is none (the next {@code onOpen} resubscribes). */
    public void send(String text) {
        if (Vertx.currentContext() == context) {
            write(text);
        } else {
            context.runOnContext(v -> write(text));
        }
    }

    /** Drops the connection as after a failure, and redials (a gap that cannot be repaired, an operator, a test). */
    public void reconnect(String reason) {
        context.runOnContext(v -> {
            WebSocket ws = socket;
            if (ws != null) {
                dropped(ws, reason);
                ws.close();
            }
        });
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        CompletableFuture<Void> done = new CompletableFuture<>();
        context.runOnContext(v -> {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
            WebSocket ws = socket;
            socket = null;
            if (ws != null) {
                ws.close();
            }
            client.close();
            done.complete(null);
        });
        if (Vertx.currentContext() != context) {
            try {
                done.get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.debug("{} stream: close not confirmed ({})", name, e.toString());
            }
        }
    }

    // ---- on the context ---------------------------------------------------------------------------------------

    private void dial() {
        if (closed) {
            return;
        }
        Handshake h;
        try {
            h = handshake.get();
        } catch (RuntimeException e) {
            LOG.warn("{} stream: cannot build the handshake ({}); retrying", name, e.getMessage());
            redialLater();
            return;
        }
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(h.uri().getHost()).setPort(h.port())
                .setSsl(h.tls()).setURI(h.requestUri()).setTimeout(timings.connectTimeout().toMillis());
        h.headers().forEach(options::addHeader);
        if (!h.subProtocols().isEmpty()) {
            options.setSubProtocols(h.subProtocols());
        }
        client.connect(options).onComplete(ar -> {
            if (ar.failed()) {
                LOG.warn("{} stream: cannot connect to {} ({}); retrying", name, h, ar.cause().toString());
                report.down(name, "connect failed: " + ar.cause().getMessage());
                redialLater();
            } else if (closed) {
                ar.result().close();
            } else {
                onConnected(ar.result(), h);
            }
        });
    }

    private void onConnected(WebSocket ws, Handshake h) {
        socket = ws;
        upSince = clock.instant();
        lastFrameAt = upSince;
        lastPingAt = upSince;
        ws.textMessageHandler(text -> onFrame(ws, text));
        ws.binaryMessageHandler(b -> onFrame(ws, b.toString(StandardCharsets.UTF_8)));
        ws.pongHandler(b -> {
            if (socket == ws) {
                lastFrameAt = clock.instant();
            }
        });
        ws.closeHandler(v -> dropped(ws, "closed by the venue" + (ws.closeStatusCode() == null ? ""
                : " (" + ws.closeStatusCode() + (ws.closeReason() == null ? "" : " " + ws.closeReason()) + ")")));
        ws.exceptionHandler(e -> {
            LOG.warn("{} stream error: {}", name, e.toString());
            ws.close();
        });
        long n = connects.incrementAndGet();
        LOG.info("{} stream connected ({}), connection {}", name, h, n);
        if (n == 1) {
            report.connected(name);
        } else {
            report.reconnected(name, reconnects.incrementAndGet());
            io.perpcarry.metrics.VenueMetrics.reconnect(name);
        }
        try {
            session.onOpen();
        } catch (RuntimeException e) {
            LOG.warn("{} stream: subscribing failed ({}); reconnecting", name, e.toString());
            dropped(ws, "subscribe failed");
            ws.close();
        }
    }

    private void onFrame(WebSocket ws, String text) {
        if (socket != ws) {
            return; // a frame of a connection already given up
        }
        lastFrameAt = clock.instant();
        frames.incrementAndGet();
        try {
            session.onText(text);
        } catch (RuntimeException e) {
            // One unreadable frame must not take the socket down; the session invalidated what it could not update.
            LOG.warn("{} stream: frame not handled ({})", name, e.getMessage());
        }
    }

    private void dropped(WebSocket ws, String reason) {
        if (socket != ws) {
            return;
        }
        socket = null;
        LOG.warn("{} stream down ({}); its data is stale until resynced", name, reason);
        report.down(name, reason);
        try {
            session.onDown(reason);
        } catch (RuntimeException e) {
            LOG.warn("{} stream: onDown failed", name, e);
        }
        redialLater();
    }

    private void redialLater() {
        if (closed) {
            return;
        }
        long delay = timings.backoffMillis(failures++, ThreadLocalRandom.current().nextDouble());
        vertx.setTimer(delay, id -> dial());
    }

    private void tick() {
        WebSocket ws = socket;
        if (ws == null || closed) {
            return;
        }
        Instant now = clock.instant();
        Duration silent = Duration.between(lastFrameAt, now);
        if (silent.compareTo(timings.silenceMax()) > 0) {
            staleDrops.incrementAndGet();
            report.stale(name, silent);
            dropped(ws, "silent for " + silent.toMillis() + " ms");
            ws.close();
            return;
        }
        if (Duration.between(upSince, now).compareTo(timings.silenceMax()) > 0) {
            failures = 0; // lived long enough to count as a good connection
        }
        if (ping != null && !lastPingAt.plus(timings.pingInterval()).isAfter(now)) {
            lastPingAt = now;
            write(ping.get());
        }
        try {
            session.onTick(now);
        } catch (RuntimeException e) {
            LOG.warn("{} stream: tick failed ({})", name, e.toString());
        }
    }

    private void write(String text) {
        WebSocket ws = socket;
        if (ws == null) {
            LOG.debug("{} stream: not connected, not sent", name);
            return;
        }
        ws.writeTextMessage(text).onFailure(e -> LOG.debug("{} stream: send failed ({})", name, e.toString()));
    }

    @Override
    public String toString() {
        return "VenueSocket[" + name + ", " + (isUp() ? "up" : "down") + ", connects=" + connects + "]";
    }
}
