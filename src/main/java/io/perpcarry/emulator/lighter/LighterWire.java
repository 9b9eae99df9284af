package io.perpcarry.emulator.lighter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.emulator.Fault;
import io.perpcarry.emulator.FaultKind;
import io.perpcarry.emulator.FaultPlan;
import io.perpcarry.emulator.FaultRequest;
import io.perpcarry.emulator.RequestLog;
import io.perpcarry.emulator.VenueId;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-request front of every REST route: records the request in the {@link RequestLog}, takes the
 * {@link FaultPlan}'s faults for it and applies them (delay, 429, 5xx, malformed body, never answer, venue
 * reject), then lets the route run. Also writes Lighter's JSON answers and error bodies.
 */
final class LighterWire {
    private static final Logger LOG = LoggerFactory.getLogger(LighterWire.class);
    /** Context key holding the REJECT fault a tx handler must answer with after parsing. */
    static final String REJECT_KEY = "lighter.reject";
    /** Context key holding the PARTIAL_FILL fraction for order execution. */
    static final String PARTIAL_KEY = "lighter.partialFill";
    /** Context key set when a REFUSE_AFTER_ACCEPT fault applies: ack the order, then cancel it at execution. */
    static final String REFUSE_KEY = "lighter.refuseAfterAccept";

    private final Vertx vertx;
    private final FaultPlan faults;
    private final RequestLog log;
    private final java.util.function.IntFunction<String> symbolOf;

    /** @param symbolOf Lighter market index → engine symbol, null when unknown (for fault matching by symbol) */
    LighterWire(Vertx vertx, FaultPlan faults, RequestLog log, java.util.function.IntFunction<String> symbolOf) {
        this.vertx = vertx;
        this.faults = faults;
        this.log = log;
        this.symbolOf = symbolOf;
    }

    /** Event-loop handler placed after the body handler and before every REST route. */
    void front(RoutingContext ctx) {
        String method = ctx.request().method().name();
        String path = ctx.request().path();
        TxPeek peek = path.startsWith("/api/v1/sendTx") ? TxPeek.of(ctx) : TxPeek.NONE;
        if (peek.marketIndex() != null) {
            peek = peek.withSymbol(symbolOf.apply(peek.marketIndex()));
        } else if (ctx.request().getParam("market_id") != null) {
            try {
                peek = peek.withSymbol(symbolOf.apply(Integer.parseInt(ctx.request().getParam("market_id"))));
            } catch (NumberFormatException e) {
                // the route answers the bad parameter
            }
        }
        log.record(VenueId.LIGHTER, method, path, peek.txType, peek.side, peek.clientOrderId);
        if (path.startsWith("/_emulator/")) {
            ctx.next(); // the admin API itself is never faulted
            return;
        }
        List<Fault> taken = faults.take(new FaultRequest(VenueId.LIGHTER, method, path, peek.txType, peek.side,
                peek.clientOrderId, peek.symbol));
        long delay = 0;
        Fault terminal = null;
        for (Fault f : taken) {
            if (f.kind() == FaultKind.DELAY_MS) {
                delay += f.delayMs();
            } else if (f.kind() == FaultKind.PARTIAL_FILL) {
                ctx.put(PARTIAL_KEY, f.fraction());
            } else if (f.kind() == FaultKind.REFUSE_AFTER_ACCEPT) {
                ctx.put(REFUSE_KEY, Boolean.TRUE);
            } else if (f.kind().terminal()) {
                terminal = f;
            }
        }
        Fault t = terminal;
        Runnable go = () -> apply(ctx, t);
        if (delay > 0) {
            vertx.setTimer(delay, id -> go.run());
        } else {
            go.run();
        }
    }

    private void apply(RoutingContext ctx, Fault f) {
        if (f == null) {
            ctx.next();
            return;
        }
        switch (f.kind()) {
            case NO_ANSWER -> LOG.debug("fault NO_ANSWER: leaving {} unanswered", ctx.request().path());
            case HTTP_429 -> error(ctx, new LighterApiException(429, LighterErrors.TOO_MANY_REQUESTS,
                    "Too Many Requests!"));
            case HTTP_5XX -> {
                int status = f.httpStatus() == null ? 500 : f.httpStatus();
                // what a proxy in front of the API answers: not Lighter's JSON
                ctx.response().setStatusCode(status).putHeader("content-type", "text/html")
                        .end("<html><head><title>" + status + "</title></head><body><center><h1>" + status
                                + "</h1></center><hr><center>nginx</center></body></html>\n");
            }
            case MALFORMED_BODY -> ctx.response().setStatusCode(200).putHeader("content-type", "application/json")
                    .end("{\"code\":200,\"message\":\"ok\",\"data\":[{\"truncat");
            case REJECT -> {
                ctx.put(REJECT_KEY, f);
                ctx.next();
            }
            case DROP_WEBSOCKET -> ctx.next(); // only meaningful for /stream; REST answers normally
            default -> ctx.next();
        }
    }

    /** The Lighter error body of a REJECT fault. */
    static LighterApiException rejection(Fault f) {
        int code;
        try {
            code = Integer.parseInt(f.errorCode() == null ? "" : f.errorCode().trim());
        } catch (NumberFormatException e) {
            // a Lighter code is an integer; a wrong fault is a test-setup error, reported as such
            return new LighterApiException(500, LighterErrors.INTERNAL,
                    "emulator fault " + f.id() + " has a non-integer Lighter errorCode: " + f.errorCode());
        }
        return LighterApiException.badRequest(code, f.message());
    }

    static void json(RoutingContext ctx, JsonNode body) {
        ctx.response().setStatusCode(200).putHeader("content-type", "application/json").end(body.toString());
    }

    static void error(RoutingContext ctx, LighterApiException e) {
        ObjectNode body = LighterJson.object().put("code", e.code()).put("message", e.getMessage());
        ctx.response().setStatusCode(e.httpStatus()).putHeader("content-type", "application/json")
                .end(body.toString());
    }

    /** Route failure handler: Lighter error bodies for our exceptions, a 500 ResultCode for bugs. */
    static void failure(RoutingContext ctx) {
        Throwable t = ctx.failure();
        if (ctx.response().ended()) {
            return;
        }
        if (t instanceof LighterApiException e) {
            error(ctx, e);
        } else if (t != null) {
            LOG.error("lighter emulator: {} {} failed", ctx.request().method(), ctx.request().path(), t);
            error(ctx, new LighterApiException(500, LighterErrors.INTERNAL, "internal error: " + t));
        } else {
            int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
            error(ctx, new LighterApiException(status, status == 404 ? 404 : LighterErrors.INTERNAL,
                    status == 404 ? "not found" : "request failed"));
        }
    }

    // ---- query parameters ----

    static long requiredLong(RoutingContext ctx, String name) {
        String v = ctx.request().getParam(name);
        if (v == null || v.isBlank()) {
            throw LighterErrors.invalidParam(name + " is required");
        }
        return parseLong(name, v);
    }

    static long optionalLong(RoutingContext ctx, String name, long dflt) {
        String v = ctx.request().getParam(name);
        return v == null || v.isBlank() ? dflt : parseLong(name, v);
    }

    private static long parseLong(String name, String v) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw LighterErrors.invalidParam(name + " must be an integer");
        }
    }

    /** What the log and fault matching need from a sendTx body, read leniently (the handler validates). */
    record TxPeek(Integer txType, String side, String clientOrderId, Integer marketIndex, String symbol) {
        static final TxPeek NONE = new TxPeek(null, null, null, null, null);

        static TxPeek of(RoutingContext ctx) {
            try {
                String type = ctx.request().getFormAttribute("tx_type");
                String info = ctx.request().getFormAttribute("tx_info");
                if (type == null) { // batch: the first tx stands for the request
                    JsonNode types = LighterJson.MAPPER.readTree(ctx.request().getFormAttribute("tx_types"));
                    JsonNode infos = LighterJson.MAPPER.readTree(ctx.request().getFormAttribute("tx_infos"));
                    type = types.get(0).asText();
                    info = infos.get(0).asText();
                }
                return of(Integer.parseInt(type.trim()), LighterJson.MAPPER.readTree(info));
            } catch (Exception e) {
                return NONE; // unparseable: the handler answers with the precise error
            }
        }

        static TxPeek of(int txType, JsonNode info) {
            if (info == null || !info.isObject()) {
                return new TxPeek(txType, null, null, null, null);
            }
            String side = info.has("IsAsk") ? (info.get("IsAsk").asInt() == 1 ? "SELL" : "BUY") : null;
            String cid = null;
            if (info.has("ClientOrderIndex")) {
                cid = info.get("ClientOrderIndex").asText();
            } else if (info.has("Index") && info.get("Index").asLong() < (1L << 48)) {
                cid = info.get("Index").asText();
            }
            Integer market = info.has("MarketIndex") ? info.get("MarketIndex").asInt() : null;
            return new TxPeek(txType, side, cid, market, null);
        }

        TxPeek withSymbol(String s) {
            return new TxPeek(txType, side, clientOrderId, marketIndex, s);
        }
    }
}
