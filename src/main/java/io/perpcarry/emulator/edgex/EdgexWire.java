package io.perpcarry.emulator.edgex;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/** Small Vert.x helpers shared by the REST and admin handlers. */
final class EdgexWire {
    private EdgexWire() {
    }

    static void sendJson(RoutingContext ctx, int status, String body) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    }

    /** The first value of each parameter: the HMAC payload has one value per key. */
    static Map<String, String> firstValues(MultiMap params) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : params) {
            out.putIfAbsent(e.getKey(), e.getValue());
        }
        return out;
    }

    static Map<String, String> headers(RoutingContext ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : ctx.request().headers()) {
            out.putIfAbsent(e.getKey(), e.getValue());
        }
        return out;
    }

    /** The JSON body; an empty object when there is none (GET). */
    static JsonNode body(RoutingContext ctx) {
        String text = ctx.body() == null ? null : ctx.body().asString();
        if (text == null || text.isBlank()) {
            return EdgexJson.object();
        }
        return EdgexJson.parse(text);
    }
}
