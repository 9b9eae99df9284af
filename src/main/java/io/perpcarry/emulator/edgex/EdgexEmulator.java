package io.perpcarry.emulator.edgex;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.perpcarry.emulator.AdminApi;
import io.perpcarry.emulator.FaultPlan;
import io.perpcarry.emulator.RequestLog;
import io.perpcarry.emulator.VenueId;
import io.perpcarry.emulator.engine.Exchange;
import io.perpcarry.emulator.engine.MarketEngine;
import io.perpcarry.emulator.scenario.EdgexAccountSpec;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The EdgeX (API v2) venue on a loopback port: REST under {@code /api/v2/...} (public also under
 * {@code /api/v1/public/...}), WebSockets on {@code /api/v1/public/ws} and {@code /api/v1/private/ws},
 * and the emulator controls under {@code /_emulator/...}. All market behaviour comes from the shared
 * {@link MarketEngine}; this class only speaks the venue's wire format.
 *
 * <pre>
 * EdgexEmulator edgex = EdgexEmulator.forScenario(engine, Clock.systemUTC(), faults, requests,
 *         EdgexEmulatorOptions.defaults()).start();
 * edgex.baseUrl();  // http://127.0.0.1:PORT — the SDK's base_url
 * edgex.wsUrl();    // ws://127.0.0.1:PORT   — the WebSocket base
 * edgex.stop();
 * </pre>
 */
public final class EdgexEmulator implements AutoCloseable {
    private final MarketEngine engine;
    private final FaultPlan faults;
    private final RequestLog requests;
    private final EdgexAuth auth;
    /** What the wire stamps (server time, request/response times, pings): the engine's wall clock, skewed. */
    private final Clock wireClock;
    private final EdgexEmulatorOptions options;
    private Vertx vertx;
    private HttpServer server;
    private EdgexStreams streams;

    /**
     * @param wallClock what {@code X-edgeX-Timestamp} is checked against (clients stamp requests with
     *                  their own wall time, whatever the engine's scenario clock says); it and the wire's stamps
     *                  (the engine's wall clock) are read through the CLOCK_SKEW the fault plan holds for EdgeX
     * @param accounts  the accounts whose API keys and trading addresses are accepted
     */
    public EdgexEmulator(MarketEngine engine, Clock wallClock, FaultPlan faults, RequestLog requests,
                         List<EdgexAccount> accounts, EdgexEmulatorOptions options) {
        this.engine = engine;
        this.faults = faults;
        this.requests = requests;
        this.options = options;
        this.wireClock = new io.perpcarry.emulator.SkewedClock(engine.wallClock(), faults, VenueId.EDGEX);
        this.auth = new EdgexAuth(accounts, new io.perpcarry.emulator.SkewedClock(wallClock, faults, VenueId.EDGEX),
                options.authWindow());
    }

    /** With the scenario's EdgeX accounts. */
    public static EdgexEmulator forScenario(MarketEngine engine, Clock wallClock, FaultPlan faults, RequestLog requests,
                                            EdgexEmulatorOptions options) {
        List<EdgexAccount> accounts = engine.scenario().edgexAccounts().stream().map(EdgexEmulator::account).toList();
        return new EdgexEmulator(engine, wallClock, faults, requests, accounts, options);
    }

    static EdgexAccount account(EdgexAccountSpec s) {
        return EdgexAccount.of(s.accountId(), s.tradingAddress(), s.apiKey(), s.passphrase(), s.secret());
    }

    public synchronized EdgexEmulator start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        Exchange exchange = engine.venue(VenueId.EDGEX);
        EdgexContracts contracts = new EdgexContracts(exchange);
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().method(HttpMethod.POST).handler(BodyHandler.create().setBodyLimit(1 << 20));

        EdgexFaults wireFaults = new EdgexFaults(faults);
        EdgexPublicHandlers pub = new EdgexPublicHandlers(exchange, contracts, options.domain());
        EdgexAccountHandlers acct = new EdgexAccountHandlers(exchange, contracts);
        EdgexOrderHandlers ord = new EdgexOrderHandlers(exchange, contracts, new EdgexOrderCheck(options.domain()),
                new EdgexOrderWireFields());
        EdgexQuoteChannels channels = new EdgexQuoteChannels(exchange, contracts, pub::metaData);
        streams = new EdgexStreams(engine, wireClock, auth, wireFaults, requests, channels, options.tick(), options.pingInterval());
        streams.mount(router, new EdgexPushes(streams, contracts, channels, acct, ord, auth, exchange));

        EdgexRest rest = new EdgexRest(vertx, router, auth, wireClock::millis, requests, wireFaults,
                contracts, streams::dropAll);
        pub.mount(rest);
        acct.mount(rest);
        ord.mount(rest);
        new EdgexAdminHandlers(new AdminApi(engine, faults, requests)).mount(router);
        // An unknown path is Spring's 404 page, with no envelope (recorded errors.json).
        router.route().handler(ctx -> EdgexWire.sendJson(ctx, 404, EdgexJson.write(EdgexJson.object()
                .put("timestamp", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)
                        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx")))
                .put("status", 404).put("error", "Not Found").put("path", ctx.request().path()))));

        HttpServerOptions serverOptions = new HttpServerOptions().setHost(options.host()).setPort(options.port())
                // "*" makes Netty echo the offered subprotocol, which the SDK's websocket-client requires
                .setWebSocketSubProtocols(List.of("*"));
        try {
            server = vertx.createHttpServer(serverOptions).requestHandler(router).listen()
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("EdgeX emulator could not listen on " + options.host() + ":" + options.port(), e);
        }
        streams.start();
        return this;
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        streams.stop();
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("EdgeX emulator did not stop cleanly", e);
        } finally {
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.actualPort();
    }

    /** {@code http://127.0.0.1:PORT}: the SDK's {@code base_url}. */
    public String baseUrl() {
        return "http://" + options.host() + ":" + port();
    }

    /** {@code ws://127.0.0.1:PORT}: the base both WebSocket paths are appended to. */
    public String wsUrl() {
        return "ws://" + options.host() + ":" + port();
    }

    public EdgexEmulatorOptions options() {
        return options;
    }
}
