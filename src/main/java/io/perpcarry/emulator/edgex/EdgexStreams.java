package io.perpcarry.emulator.edgex;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.perpcarry.crypto.edgex.EdgexCanonicalPayload;
import io.perpcarry.emulator.RequestLog;
import io.perpcarry.emulator.VenueId;
import io.perpcarry.emulator.engine.MarketEngine;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The two WebSocket endpoints: public market data on {@code /api/v1/public/ws} and the private
 * account stream on {@code /api/v1/private/ws} (edgex.md §7-8; v2 keeps the v1 paths). A ticker
 * thread drives the engine ({@link MarketEngine#sync()}), whose listener callbacks
 * ({@link EdgexPushes}) become frames; it also sends heartbeats and applies DROP_WEBSOCKET faults.
 */
final class EdgexStreams {
    static final String PUBLIC_PATH = "/api/v1/public/ws";
    static final String PRIVATE_PATH = "/api/v1/private/ws";
    private static final Logger LOG = LoggerFactory.getLogger(EdgexStreams.class);

    private final MarketEngine engine;
    private final java.time.Clock wireClock;
    private final EdgexAuth auth;
    private final EdgexFaults faults;
    private final RequestLog log;
    private final EdgexQuoteChannels channels;
    private final Duration tick;
    private final Duration pingInterval;
    final List<EdgexPublicSession> publicSessions = new CopyOnWriteArrayList<>();
    final List<EdgexPrivateSession> privateSessions = new CopyOnWriteArrayList<>();
    private EdgexPushes pushes;
    private ScheduledExecutorService ticker;

    EdgexStreams(MarketEngine engine, java.time.Clock wireClock, EdgexAuth auth, EdgexFaults faults, RequestLog log,
                 EdgexQuoteChannels channels, Duration tick, Duration pingInterval) {
        this.engine = engine;
        this.wireClock = wireClock;
        this.auth = auth;
        this.faults = faults;
        this.log = log;
        this.channels = channels;
        this.tick = tick;
        this.pingInterval = pingInterval;
    }

    void mount(Router router, EdgexPushes pushes) {
        this.pushes = pushes;
        router.get(PUBLIC_PATH).handler(this::openPublic);
        router.get(PRIVATE_PATH).handler(this::openPrivate);
    }

    void start() {
        engine.addListener(pushes);
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "edgex-emulator-ticker");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tickSafely, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
        ticker.scheduleAtFixedRate(this::pingAll, pingInterval.toMillis(), pingInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop() {
        engine.removeListener(pushes);
        if (ticker != null) {
            ticker.shutdownNow();
        }
        publicSessions.forEach(EdgexSocket::close);
        privateSessions.forEach(EdgexSocket::close);
    }

    /** Drops every open socket (a DROP_WEBSOCKET fault that a REST request matched). */
    void dropAll() {
        publicSessions.forEach(EdgexSocket::drop);
        privateSessions.forEach(EdgexSocket::drop);
    }

    private void tickSafely() {
        try {
            engine.sync();
            for (EdgexSocket s : sessions()) {
                if (!s.isClosed() && faults.takeDrop(s.path())) {
                    s.drop();
                }
            }
            publicSessions.removeIf(EdgexSocket::isClosed);
            privateSessions.removeIf(EdgexSocket::isClosed);
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; log and keep ticking.
            LOG.error("EdgeX emulator tick failed", e);
        }
    }

    private void pingAll() {
        long now = wireClock.millis();
        sessions().forEach(s -> s.ping(now));
    }

    private List<EdgexSocket> sessions() {
        List<EdgexSocket> all = new java.util.ArrayList<>(publicSessions);
        all.addAll(privateSessions);
        return all;
    }

    private void openPublic(RoutingContext ctx) {
        log.record(VenueId.EDGEX, "GET", PUBLIC_PATH, null, null, null);
        HttpConnection conn = ctx.request().connection();
        ctx.request().toWebSocket().onSuccess(ws -> {
                    EdgexPublicSession s = new EdgexPublicSession(ws, conn, channels);
                    s.sendConnected(null);
                    publicSessions.add(s);
                })
                .onFailure(e -> LOG.warn("public WebSocket upgrade failed: {}", e.toString()));
    }

    /**
     * Authenticates before upgrading: the HMAC headers sign {@code GET /api/v1/private/ws} with
     * the query {@code accountId=..&timestamp=..} (duplicates collapse to their first value). A
     * client that cannot set headers may put them, as base64 JSON, in the offered subprotocol.
     */
    private void openPrivate(RoutingContext ctx) {
        log.record(VenueId.EDGEX, "GET", PRIVATE_PATH, null, null, null);
        long now = wireClock.millis();
        EdgexAccount account;
        try {
            Map<String, String> query = EdgexWire.firstValues(ctx.queryParams());
            Map<String, String> headers = EdgexWire.headers(ctx);
            headers.putAll(subprotocolHeaders(headers));
            account = auth.authenticate("GET", PRIVATE_PATH, EdgexCanonicalPayload.ofQuery(query), headers);
            String named = query.get("accountId");
            if (named == null || EdgexParams.id("accountId", named) != account.accountId()) {
                throw EdgexError.business(EdgexError.Codes.INVALID_ACCOUNT_ID, "accountId " + named
                        + " does not belong to this api key");
            }
        } catch (EdgexError e) {
            EdgexWire.sendJson(ctx, e.httpStatus() == 200 ? 403 : e.httpStatus(), EdgexJson.errorBody(e, now, now));
            return;
        }
        HttpConnection conn = ctx.request().connection();
        EdgexAccount a = account;
        ctx.request().toWebSocket().onSuccess(ws -> {
            EdgexPrivateSession s = new EdgexPrivateSession(ws, conn, a);
            s.sendConnected(engine.wallClock().millis());
            privateSessions.add(s);
            pushes.snapshot(s);
        }).onFailure(e -> LOG.warn("private WebSocket upgrade failed: {}", e.toString()));
    }

    /** Headers carried in {@code Sec-WebSocket-Protocol} as base64 JSON, when the real headers are absent. */
    private static Map<String, String> subprotocolHeaders(Map<String, String> headers) {
        String offered = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Sec-WebSocket-Protocol"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        boolean hasHeaders = headers.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("X-edgeX-Api-Key"));
        if (offered == null || hasHeaders) {
            return Map.of();
        }
        String token = offered.split(",")[0].strip();
        String padded = token + "=".repeat((4 - token.length() % 4) % 4);
        try {
            byte[] json = token.contains("-") || token.contains("_")
                    ? Base64.getUrlDecoder().decode(padded) : Base64.getDecoder().decode(padded);
            JsonNode n = EdgexJson.MAPPER.readTree(new String(json, StandardCharsets.UTF_8));
            Map<String, String> out = new java.util.LinkedHashMap<>();
            n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
            return out;
        } catch (Exception e) {
            throw EdgexError.unauthorized(EdgexError.Codes.AUTH_HEADER_MISSING,
                    "no auth headers, and the subprotocol is not base64 JSON of them");
        }
    }
}
