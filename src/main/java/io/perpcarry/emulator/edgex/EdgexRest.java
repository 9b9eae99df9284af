package io.perpcarry.emulator.edgex;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.perpcarry.crypto.edgex.EdgexCanonicalPayload;
import io.perpcarry.crypto.edgex.EdgexSigningException;
import io.perpcarry.emulator.Fault;
import io.perpcarry.emulator.FaultKind;
import io.perpcarry.emulator.FaultRequest;
import io.perpcarry.emulator.RequestLog;
import io.perpcarry.emulator.VenueId;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Mounts REST handlers on the router: public ones under {@code /api/v2/public/} and
 * {@code /api/v1/public/}, private ones under {@code /api/v2/private/} behind {@link EdgexAuth}.
 * Each request is recorded, then the fault plan is consulted, then it is answered; every answer
 * except the planned misbehaviours (5xx page, malformed body, silence) is the venue's envelope.
 */
final class EdgexRest {
    private static final Logger LOG = LoggerFactory.getLogger(EdgexRest.class);

    private final Vertx vertx;
    private final Router router;
    private final EdgexAuth auth;
    private final LongSupplier marketMillis;
    private final RequestLog log;
    private final EdgexFaults faults;
    private final EdgexContracts contracts;
    private final Runnable dropSockets;

    EdgexRest(Vertx vertx, Router router, EdgexAuth auth, LongSupplier marketMillis, RequestLog log,
              EdgexFaults faults, EdgexContracts contracts, Runnable dropSockets) {
        this.vertx = vertx;
        this.router = router;
        this.auth = auth;
        this.marketMillis = marketMillis;
        this.log = log;
        this.faults = faults;
        this.contracts = contracts;
        this.dropSockets = dropSockets;
    }

    /** {@code relative} like {@code meta/getServerTime}; answered on the v2 and the v1 prefix. */
    void publicGet(String relative, EdgexHandler h) {
        for (String prefix : new String[] {"/api/v2/public/", "/api/v1/public/"}) {
            router.route(HttpMethod.GET, prefix + relative).handler(ctx -> serve(ctx, h, false));
        }
    }

    void privateGet(String relative, EdgexHandler h) {
        router.route(HttpMethod.GET, "/api/v2/private/" + relative).handler(ctx -> serve(ctx, h, true));
    }

    void privatePost(String relative, EdgexHandler h) {
        router.route(HttpMethod.POST, "/api/v2/private/" + relative).handler(ctx -> serve(ctx, h, true));
    }

    private void serve(RoutingContext ctx, EdgexHandler h, boolean isPrivate) {
        long requestTime = marketMillis.getAsLong();
        String method = ctx.request().method().name();
        String path = ctx.request().path();
        JsonNode peek = peekBody(ctx);
        String side = textOrNull(peek, "side");
        String clientOrderId = clientOrderIdOf(peek);
        log.record(VenueId.EDGEX, method, path, null, side, clientOrderId);
        EdgexFaults.Decision d = faults.take(new FaultRequest(VenueId.EDGEX, method, path, null, side,
                clientOrderId, symbolOf(ctx, peek)));
        Runnable answer = () -> {
            Optional<Fault> t = d.terminal();
            if (t.isPresent() && t.get().kind() != FaultKind.DROP_WEBSOCKET) {
                EdgexFaults.answer(ctx, t.get(), requestTime, marketMillis.getAsLong());
                return;
            }
            if (t.isPresent()) {
                dropSockets.run(); // a DROP_WEBSOCKET matched by a REST request drops the venue's sockets
            }
            respond(ctx, h, isPrivate, requestTime, d.partialFill());
        };
        if (d.delayMs() > 0) {
            vertx.setTimer(d.delayMs(), id -> answer.run());
        } else {
            answer.run();
        }
    }

    /**
     * Runs the handler on a worker thread: engine calls may wait for the engine's lock while it
     * catches up with an accelerated clock, and the event loop must keep serving sockets meanwhile.
     */
    private void respond(RoutingContext ctx, EdgexHandler h, boolean isPrivate, long requestTime,
                         Optional<BigDecimal> partialFill) {
        vertx.<Answer>executeBlocking(() -> answer(ctx, h, isPrivate, requestTime, partialFill), false)
                .onSuccess(a -> EdgexWire.sendJson(ctx, a.status(), a.body()))
                .onFailure(e -> {
                    LOG.error("EdgeX emulator worker failed on {} {}", ctx.request().method(), ctx.request().path(), e);
                    ctx.response().setStatusCode(500).end();
                });
    }

    private record Answer(int status, String body) {
    }

    private Answer answer(RoutingContext ctx, EdgexHandler h, boolean isPrivate, long requestTime,
                          Optional<BigDecimal> partialFill) {
        try {
            EdgexCall call = call(ctx, isPrivate, requestTime, partialFill);
            JsonNode data = h.handle(call);
            return new Answer(200, EdgexJson.successBody(data, requestTime, marketMillis.getAsLong()));
        } catch (EdgexError e) {
            return new Answer(e.httpStatus(), EdgexJson.errorBody(e, requestTime, marketMillis.getAsLong()));
        } catch (RuntimeException e) {
            // A bug in the emulator, not a venue refusal: still the envelope, so clients parse it,
            // but logged loudly so a test run shows it.
            LOG.error("EdgeX emulator handler failed on {} {}", ctx.request().method(), ctx.request().path(), e);
            return new Answer(500, EdgexJson.errorBody(new EdgexError(EdgexError.Codes.SERVER_ERROR, 500,
                    "emulator error: " + e, Map.of()), requestTime, marketMillis.getAsLong()));
        }
    }

    private EdgexCall call(RoutingContext ctx, boolean isPrivate, long now, Optional<BigDecimal> partialFill) {
        String method = ctx.request().method().name();
        Map<String, String> query = EdgexWire.firstValues(ctx.queryParams());
        JsonNode body = EdgexWire.body(ctx);
        Optional<EdgexAccount> account = Optional.empty();
        if (isPrivate) {
            String payload = payload(method, query, body);
            account = Optional.of(auth.authenticate(method, ctx.request().path(), payload, EdgexWire.headers(ctx)));
        }
        return new EdgexCall(method, ctx.request().path(), query, body, account, now, partialFill);
    }

    private static String payload(String method, Map<String, String> query, JsonNode body) {
        try {
            if (method.equals("GET")) {
                return EdgexCanonicalPayload.ofQuery(query);
            }
            if (!body.isObject()) {
                throw EdgexError.badRequest("body must be a JSON object");
            }
            return EdgexCanonicalPayload.ofJsonBody(new LinkedHashMap<>(EdgexJson.toMap(body)));
        } catch (EdgexSigningException e) {
            throw EdgexError.badRequest("request cannot be authenticated: " + e.getMessage());
        }
    }

    /** The body for logging and fault matching only; a body that is not JSON is refused later. */
    private static JsonNode peekBody(RoutingContext ctx) {
        try {
            return EdgexWire.body(ctx);
        } catch (EdgexError e) {
            return EdgexJson.object();
        }
    }

    /** {@code clientOrderId} of a create, or the single id of a cancel-by-client-id. */
    private static String clientOrderIdOf(JsonNode body) {
        String id = textOrNull(body, "clientOrderId");
        JsonNode list = body.get("clientOrderIdList");
        if (id == null && list != null && list.isArray() && list.size() == 1) {
            id = list.get(0).asText();
        }
        return id;
    }

    private static String textOrNull(JsonNode body, String key) {
        JsonNode n = body.get(key);
        return n == null || n.isNull() || !n.isValueNode() ? null : n.asText();
    }

    /** The engine symbol the request is about (body or query {@code contractId}), for fault matching. */
    private String symbolOf(RoutingContext ctx, JsonNode body) {
        String id = textOrNull(body, "contractId");
        if (id == null) {
            id = ctx.queryParams().get("contractId");
        }
        if (id == null || id.contains(",")) {
            return null;
        }
        try {
            return contracts.byId(id).symbol();
        } catch (EdgexError e) {
            return null;
        }
    }
}
