package io.perpcarry.venue.edgex;

import io.vertx.core.http.HttpClientOptions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.vertx.websocket.VertxWebsocketEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One supervised EdgeX WebSocket over Camel Vert.x WebSocket: a {@code consumeAsClient} route receives frames,
 * a producer on the same endpoint instance sends on the same socket (subscribe, ping, pong).
 *
 * <p>Why the supervision is ours and not the component's reconnect options: the component's client reconnect
 * re-uses the handshake of the first connect (the private stream's HMAC timestamp goes stale), fires no event the
 * route could use to resubscribe, and waits a fixed interval. So the component's own reconnect is pushed out of the
 * way (first retry after an hour, at most once) and each connection is a fresh endpoint "generation": new URI
 * timestamp, new headers, new route. A socket is declared dead when it has been silent for {@code deadAfter}
 * although we ping it every {@code pingInterval}; then the route is removed, {@link Handler#onDown} fires, and a
 * new generation connects after an exponential, jittered backoff. Frames of an old generation are ignored.
 */
final class EdgexSocket implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EdgexSocket.class);

    /** What one connection attempt uses: the ws URI (with query) and, for the private stream, auth. */
    record ConnectSpec(URI uri, Map<String, Object> handshakeHeaders, String subProtocol) {
        @Override
        public String toString() {
            return "ConnectSpec[" + uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort() + uri.getPath()
                    + ", auth=" + (handshakeHeaders.isEmpty() ? "none" : "***") + "]";
        }
    }

    interface Handler {
        /** Connected; send subscriptions now. */
        void onOpen();

        void onText(String text);

        /** The socket is gone (or was never up); its data is stale from now on. */
        void onDown(String reason);
    }

    private final String name;
    private final CamelContext camel;
    private final String component;
    private final Supplier<ConnectSpec> spec;
    private final EdgexSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Handler handler;
    private ProducerTemplate producer;

    private final Object lock = new Object();
    private volatile long generation;
    private VertxWebsocketEndpoint endpoint;
    private String routeId;
    private volatile boolean up;
    private volatile Instant lastFrameAt = Instant.EPOCH;
    private volatile Instant upSince = Instant.EPOCH;
    private int failedAttempts;
    private boolean closed;
    private ScheduledFuture<?> watchdog;
    private volatile long connects;

    EdgexSocket(String name, CamelContext camel, String component, Supplier<ConnectSpec> spec, EdgexSettings settings,
                Clock clock, ScheduledExecutorService scheduler, Handler handler) {
        this.name = name;
        this.camel = camel;
        this.component = component;
        this.spec = spec;
        this.settings = settings;
        this.clock = clock;
        this.scheduler = scheduler;
        this.handler = handler;
    }

    void start() {
        scheduler.execute(this::connect);
        long ping = settings.pingInterval().toMillis();
        watchdog = scheduler.scheduleWithFixedDelay(this::watch, ping, ping, TimeUnit.MILLISECONDS);
    }

    boolean isUp() {
        return up;
    }

    Instant lastFrameAt() {
        return lastFrameAt;
    }

    /** How many times a connection was established (1 = never reconnected). */
    long connects() {
        return connects;
    }

    private void connect() {
        long gen;
        synchronized (lock) {
            if (closed || endpoint != null) {
                return;
            }
            gen = ++generation;
        }
        ConnectSpec s = spec.get();
        String id = "edgex-ws-" + name + "-" + gen;
        URI u = s.uri();
        // The Camel URI carries no query of ours (route logs would show the account id); the full URI with
        // accountId/timestamp is set on the endpoint's configuration below. The component's own reconnect is
        // kept out of the way: see the class comment.
        String uri = component + ":" + u.getScheme() + "://" + u.getHost() + ":" + port(u) + u.getPath()
                + "?consumeAsClient=true&reconnectInitialDelay=3600000&reconnectInterval=3600000&maxReconnectAttempts=1"
                // A distinct URI per generation: Camel caches producers by URI, and a cached producer of a stopped
                // endpoint would silently open a socket of its own instead of sending on the consumer's.
                + "&edgexGeneration=" + gen;
        try {
            VertxWebsocketEndpoint ep = camel.getEndpoint(uri, VertxWebsocketEndpoint.class);
            ep.getConfiguration().setWebsocketURI(u);
            ep.getConfiguration().setHandshakeHeaders(s.handshakeHeaders());
            if (s.subProtocol() != null) {
                ep.getConfiguration().setClientSubProtocols(s.subProtocol());
            }
            ep.getConfiguration().setClientOptions(new HttpClientOptions()
                    .setConnectTimeout((int) settings.deadAfter().toMillis())
                    .setSsl("wss".equalsIgnoreCase(s.uri().getScheme())));
            ProducerTemplate sender = camel.createProducerTemplate();
            synchronized (lock) {
                endpoint = ep;
                routeId = id;
                producer = sender;
            }
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(ep).routeId(id).process(ex -> onFrame(gen, ex));
                }
            });
            boolean superseded;
            synchronized (lock) {
                superseded = closed || generation != gen;
                if (!superseded) {
                    up = true;
                    upSince = clock.instant();
                    lastFrameAt = upSince;
                    connects++;
                }
            }
            if (superseded) {
                // closed or torn down while connecting: the route was added after the teardown looked for it
                removeRoute(id, ep, sender);
                return;
            }
            LOG.info("EdgeX {} stream connected ({})", name, s);
            handler.onOpen();
        } catch (Exception e) {
            LOG.warn("EdgeX {} stream connect failed: {}", name, rootMessage(e));
            tearDown(gen, "connect failed: " + rootMessage(e));
        }
    }

    private void onFrame(long gen, Exchange ex) {
        if (gen != generation) {
            return; // a frame of a generation already torn down
        }
        lastFrameAt = clock.instant();
        Object body = ex.getMessage().getBody();
        String text = body instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8)
                : ex.getMessage().getBody(String.class);
        if (text == null) {
            return;
        }
        try {
            handler.onText(text);
        } catch (RuntimeException e) {
            // A frame we cannot read must not kill the socket's thread; the handler has already invalidated
            // whatever it could not update.
            LOG.warn("EdgeX {} stream frame not handled: {}", name, e.getMessage());
        }
    }

    /** Sends on the current socket; false (and a reconnect) when it cannot be sent. */
    boolean send(String text) {
        VertxWebsocketEndpoint ep;
        ProducerTemplate p;
        long gen;
        synchronized (lock) {
            if (!up || endpoint == null) {
                return false;
            }
            ep = endpoint;
            p = producer;
            gen = generation;
        }
        Exchange result = p.send(ep, e -> e.getIn().setBody(text));
        if (result.getException() != null) {
            LOG.warn("EdgeX {} stream send failed: {}", name, rootMessage(result.getException()));
            scheduler.execute(() -> tearDown(gen, "send failed"));
            return false;
        }
        return true;
    }

    private void watch() {
        long gen;
        synchronized (lock) {
            if (closed || !up) {
                return;
            }
            gen = generation;
        }
        Instant now = clock.instant();
        if (Duration.between(lastFrameAt, now).compareTo(settings.deadAfter()) > 0) {
            LOG.warn("EdgeX {} stream silent for {} ms: reconnecting", name, Duration.between(lastFrameAt, now).toMillis());
            tearDown(gen, "silent for " + settings.deadAfter());
            return;
        }
        if (Duration.between(upSince, now).compareTo(settings.deadAfter().multipliedBy(2)) > 0) {
            failedAttempts = 0; // lived long enough to count as a good connection
        }
        send("{\"type\":\"ping\",\"time\":\"" + clock.millis() + "\"}");
    }

    /** Forces a reconnect (a gap the stream cannot repair, or a test). */
    void reconnect(String reason) {
        long gen;
        synchronized (lock) {
            gen = generation;
        }
        scheduler.execute(() -> tearDown(gen, reason));
    }

    private void tearDown(long gen, String reason) {
        String id;
        VertxWebsocketEndpoint ep;
        ProducerTemplate p;
        synchronized (lock) {
            if (gen != generation) {
                return;
            }
            generation++; // frames still arriving from the old socket are dropped from here on
            up = false;
            id = routeId;
            ep = endpoint;
            p = producer;
            routeId = null;
            endpoint = null;
            producer = null;
        }
        handler.onDown(reason);
        removeRoute(id, ep, p);
        synchronized (lock) {
            if (closed) {
                return;
            }
        }
        long delay = backoff(failedAttempts++);
        LOG.info("EdgeX {} stream down ({}); reconnecting in {} ms", name, reason, delay);
        scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private long backoff(int attempt) {
        long cap = Math.min(settings.reconnectMax().toMillis(),
                settings.reconnectMin().toMillis() << Math.min(attempt, 16));
        return ThreadLocalRandom.current().nextLong(cap / 2, cap + 1);
    }

    private void removeRoute(String id, VertxWebsocketEndpoint ep, ProducerTemplate p) {
        try {
            if (p != null) {
                p.close();
            }
            if (id != null && camel.getRoute(id) != null) {
                camel.getRouteController().stopRoute(id, 2, TimeUnit.SECONDS);
                camel.removeRoute(id);
            }
            if (ep != null) {
                camel.removeEndpoint(ep);
                ep.stop();
            }
        } catch (Exception e) {
            LOG.debug("EdgeX {} stream: removing route {} failed: {}", name, id, e.toString());
        }
    }

    @Override
    public void close() {
        String id;
        VertxWebsocketEndpoint ep;
        ProducerTemplate p;
        synchronized (lock) {
            closed = true;
            generation++;
            up = false;
            id = routeId;
            ep = endpoint;
            p = producer;
            routeId = null;
            endpoint = null;
            producer = null;
        }
        if (watchdog != null) {
            watchdog.cancel(false);
        }
        removeRoute(id, ep, p);
    }

    private static int port(URI u) {
        if (u.getPort() > 0) {
            return u.getPort();
        }
        return "wss".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static String rootMessage(Throwable e) {
        Throwable r = e;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r.getClass().getSimpleName() + (r.getMessage() == null ? "" : ": " + r.getMessage());
    }
}
