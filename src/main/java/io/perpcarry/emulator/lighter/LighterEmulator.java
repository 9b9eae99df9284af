package io.perpcarry.emulator.lighter;

import com.fasterxml.jackson.databind.JsonNode;
import io.perpcarry.emulator.AdminApi;
import io.perpcarry.emulator.AdminRequestException;
import io.perpcarry.emulator.FaultPlan;
import io.perpcarry.emulator.RequestLog;
import io.perpcarry.emulator.VenueId;
import io.perpcarry.emulator.engine.Exchange;
import io.perpcarry.emulator.engine.MarketEngine;
import io.perpcarry.emulator.engine.VenueMarket;
import io.perpcarry.emulator.scenario.LighterAccountSpec;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Lighter's REST API and {@code /stream} WebSocket on 127.0.0.1, served from the shared {@link MarketEngine}.
 * Paths, JSON keys and types follow the official OpenAPI spec; transactions are verified like the venue
 * does (Schnorr signature under the registered API key, nonce, deadline, signer validation rules).
 * Admin endpoints ({@code /_emulator/*}) are mounted on the same port.
 *
 * <pre>
 * LighterEmulator lighter = new LighterEmulator(engine, clock, faults, requestLog, keys).start(0);
 * lighter.baseUrl();  // http://127.0.0.1:PORT
 * lighter.wsUrl();    // ws://127.0.0.1:PORT/stream
 * </pre>
 */
public final class LighterEmulator implements AutoCloseable {
    /** Mainnet chain id: what the official SDK signs with for unknown hosts such as 127.0.0.1. */
    public static final long DEFAULT_CHAIN_ID = 304;
    private static final long SYNC_INTERVAL_MS = 100;
    private static final long FAULT_POLL_MS = 50;

    private final MarketEngine engine;
    private final Exchange exchange;
    private final Clock clock;
    private final FaultPlan faults;
    private final RequestLog log;
    private final LighterApiKeys keys;
    private final long chainId;
    private final Map<Long, String> l1Addresses = new HashMap<>();
    private Vertx vertx;
    private HttpServer server;
    private LighterStream stream;

    /**
     * @param clock  the clock tx deadlines and auth tokens are checked against (the engine's clock, normally);
     *               the wire reads it through the CLOCK_SKEW the fault plan holds for Lighter
     * @param keys   API keys whose signatures are accepted
     */
    public LighterEmulator(MarketEngine engine, Clock clock, FaultPlan faults, RequestLog log,
                           List<LighterApiKey> keys) {
        this(engine, clock, faults, log, keys, DEFAULT_CHAIN_ID);
    }

    public LighterEmulator(MarketEngine engine, Clock clock, FaultPlan faults, RequestLog log,
                           List<LighterApiKey> keys, long chainId) {
        this.engine = engine;
        this.exchange = engine.venue(VenueId.LIGHTER);
        this.clock = new io.perpcarry.emulator.SkewedClock(clock, faults, VenueId.LIGHTER);
        this.faults = faults;
        this.log = log;
        this.keys = new LighterApiKeys(keys);
        this.chainId = chainId;
        for (LighterAccountSpec a : engine.scenario().lighterAccounts()) {
            l1Addresses.put(a.accountIndex(), a.l1Address());
        }
    }

    /** Binds 127.0.0.1:{@code port} (0 = any free port) and starts serving. */
    public synchronized LighterEmulator start(int port) {
        if (server != null) {
            throw new IllegalStateException("already started on port " + port());
        }
        vertx = Vertx.vertx();
        LighterTxLog txLog = new LighterTxLog();
        LighterMarketHandlers markets = new LighterMarketHandlers(exchange, clock, txLog);
        LighterAccountHandlers accounts = new LighterAccountHandlers(exchange, clock, keys, markets, l1Addresses);
        LighterTxHandler txs = new LighterTxHandler(exchange, clock, keys, markets, chainId, txLog);
        stream = new LighterStream(vertx, exchange, clock, faults, markets, accounts, txs);
        LighterWire wire = new LighterWire(vertx, faults, log, id -> exchange.marketByVenueId(Integer.toString(id))
                .map(VenueMarket::symbol).orElse(null));
        AdminApi admin = new AdminApi(engine, faults, log);

        Router router = Router.router(vertx);
        // before the body handler: the WebSocket upgrade must see an unread request
        router.get(LighterStream.PATH).handler(ctx -> {
            log.record(VenueId.LIGHTER, "GET", LighterStream.PATH, null, null, null);
            var conn = ctx.request().connection();
            ctx.request().toWebSocket().onSuccess(ws -> stream.open(ws, conn)).onFailure(ctx::fail);
        });
        router.route().handler(BodyHandler.create());
        router.route().handler(wire::front);
        get(router, "/", markets::status);
        get(router, "/info", markets::info);
        get(router, "/api/v1/orderBooks", markets::orderBooks);
        get(router, "/api/v1/orderBookDetails", markets::orderBookDetails);
        get(router, "/api/v1/orderBookOrders", markets::orderBookOrders);
        get(router, "/api/v1/recentTrades", markets::recentTrades);
        get(router, "/api/v1/exchangeStats", markets::exchangeStats);
        get(router, "/api/v1/funding-rates", markets::fundingRates);
        get(router, "/api/v1/fundings", markets::fundings);
        get(router, "/api/v1/account", accounts::account);
        get(router, "/api/v1/apikeys", accounts::apiKeys);
        get(router, "/api/v1/nextNonce", accounts::nextNonce);
        get(router, "/api/v1/positionFunding", accounts::positionFunding);
        get(router, "/api/v1/accountActiveOrders", accounts::activeOrders);
        get(router, "/api/v1/accountInactiveOrders", accounts::inactiveOrders);
        get(router, "/api/v1/trades", accounts::trades);
        get(router, "/api/v1/pnl", accounts::pnl);
        get(router, "/api/v1/accountsByL1Address", accounts::accountsByL1Address);
        get(router, "/api/v1/assetDetails", markets::assetDetails);
        get(router, "/api/v1/candles", markets::candles);
        get(router, "/api/v1/currentHeight", markets::currentHeight);
        get(router, "/api/v1/tx", markets::tx);
        router.post("/api/v1/sendTx").blockingHandler(txs::sendTx, false);
        router.post("/api/v1/sendTxBatch").blockingHandler(txs::sendTxBatch, false);
        admin(router, "GET", "/_emulator/requests", b -> admin.requests());
        admin(router, "DELETE", "/_emulator/requests", b -> admin.clearRequests());
        admin(router, "GET", "/_emulator/faults", b -> admin.faults());
        admin(router, "POST", "/_emulator/faults", admin::applyFaults);
        admin(router, "DELETE", "/_emulator/faults", b -> admin.clearFaults());
        admin(router, "POST", "/_emulator/price", admin::setPrice);
        admin(router, "POST", "/_emulator/funding", admin::setFunding);
        admin(router, "POST", "/_emulator/book", admin::freezeBook);
        admin(router, "GET", "/_emulator/state", b -> admin.state());
        admin(router, "GET", "/_emulator/execution", b -> admin.execution());
        admin(router, "POST", "/_emulator/execution", admin::setExecution);
        router.route().failureHandler(LighterWire::failure);
        router.route().handler(ctx -> LighterWire.error(ctx, new LighterApiException(404, 404, "not found")));

        engine.addListener(stream);
        server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port));
        server.requestHandler(router);
        await(server.listen().toCompletionStage().toCompletableFuture());
        // the engine advances on calls; a timer keeps WebSocket pushes flowing when nobody calls
        vertx.setPeriodic(SYNC_INTERVAL_MS, id -> vertx.executeBlocking(() -> {
            engine.sync();
            return null;
        }, true));
        vertx.setPeriodic(FAULT_POLL_MS, id -> stream.applyDropFaults());
        return this;
    }

    private static void get(Router router, String path, Handler<RoutingContext> h) {
        router.get(path).blockingHandler(h, false);
    }

    private static void admin(Router router, String method, String path, Function<JsonNode, JsonNode> op) {
        router.route(io.vertx.core.http.HttpMethod.valueOf(method), path).blockingHandler(ctx -> {
            try {
                String body = ctx.body().asString();
                JsonNode in = body == null || body.isBlank() ? LighterJson.object() : LighterJson.MAPPER.readTree(body);
                LighterWire.json(ctx, op.apply(in));
            } catch (AdminRequestException | com.fasterxml.jackson.core.JsonProcessingException e) {
                ctx.response().setStatusCode(400).putHeader("content-type", "application/json")
                        .end(LighterJson.object().put("error", e.getMessage()).toString());
            }
        }, false);
    }

    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("not started");
        }
        return server.actualPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public String wsUrl() {
        return "ws://127.0.0.1:" + port() + LighterStream.PATH;
    }

    public long chainId() {
        return chainId;
    }

    /** Stops serving: closes WebSocket sessions and the server, detaches from the engine. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        engine.removeListener(stream);
        exchange.executionLatency().close();
        stream.closeAll();
        await(vertx.close().toCompletionStage().toCompletableFuture());
        server = null;
        vertx = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** API keys of the scenario's Lighter accounts (nonces from 0). */
    public static List<LighterApiKey> scenarioKeys(MarketEngine engine) {
        return LighterApiKey.fromScenario(engine.scenario().lighterAccounts());
    }

    private static <T> T await(java.util.concurrent.CompletableFuture<T> f) {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("lighter emulator server: " + e.getMessage(), e);
        }
    }
}
