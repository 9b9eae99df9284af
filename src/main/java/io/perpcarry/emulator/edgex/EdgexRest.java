package io.perpcarry.emulator.edgex;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.perpcarry.crypto.edgex.EdgexCanonicalPayload;
import io.perpcarry.crypto.edgex.EdgexSigningException;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Mounts REST handlers on the router: public ones under {@code /api/v2/public/} and
 * {@code /api/v1/public/}, private ones under {@code /api/v2/private/} behind {@link EdgexAuth}.
 * Every answer, success or refusal, is the venue's envelope.
 */
final class EdgexRest {
    private static final Logger LOG = LoggerFactory.getLogger(EdgexRest.class);

    private final Router router;
    private final EdgexAuth auth;
    private final LongSupplier marketMillis;

    EdgexRest(Router router, EdgexAuth auth, LongSupplier marketMillis) {
        this.router = router;
        this.auth = auth;
        this.marketMillis = marketMillis;
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
        int status;
        String body;
        try {
            EdgexCall call = call(ctx, isPrivate, requestTime);
            JsonNode data = h.handle(call);
            status = 200;
            body = EdgexJson.successBody(data, requestTime, marketMillis.getAsLong());
        } catch (EdgexError e) {
            status = e.httpStatus();
            body = EdgexJson.errorBody(e, requestTime, marketMillis.getAsLong());
        } catch (RuntimeException e) {
            // A bug in the emulator, not a venue refusal: still the envelope, so clients parse it,
            // but logged loudly so a test run shows it.
            LOG.error("EdgeX emulator handler failed on {} {}", ctx.request().method(), ctx.request().path(), e);
            status = 500;
            body = EdgexJson.errorBody(new EdgexError(EdgexError.Codes.SERVER_ERROR, 500,
                    "emulator error: " + e, Map.of()), requestTime, marketMillis.getAsLong());
        }
        EdgexWire.sendJson(ctx, status, body);
    }

    private EdgexCall call(RoutingContext ctx, boolean isPrivate, long now) {
        String method = ctx.request().method().name();
        Map<String, String> query = EdgexWire.firstValues(ctx.queryParams());
        JsonNode body = EdgexWire.body(ctx);
        Optional<EdgexAccount> account = Optional.empty();
        if (isPrivate) {
            String payload = payload(method, query, body);
            account = Optional.of(auth.authenticate(method, ctx.request().path(), payload, EdgexWire.headers(ctx)));
        }
        return new EdgexCall(method, ctx.request().path(), query, body, account, now);
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
}
