package io.perpcarry.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.emulator.scenario.JsonReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * JSON form of faults, shared by the scenario file ({@code "faults": [...]}) and {@code POST /_emulator/faults}.
 * One fault:
 * <pre>
 * {"venue": "LIGHTER" | "EDGEX" (omit = both), "kind": "REJECT", "count": 2 (omit = 1, -1 = forever),
 *  "match": {"path": "/api/v1/sendTx", "txType": 14, "side": "BUY", "clientOrderId": "42", "symbol": "BTC"},
 *  "errorCode": "21739", "message": "not enough margin to create the order",   (REJECT)
 *  "delayMs": 1500,                                                             (DELAY_MS)
 *  "fraction": "0.4",                                                           (PARTIAL_FILL)
 *  "httpStatus": 503,                                                           (HTTP_5XX, default 500)
 *  "skewMs": 660000}                                                            (CLOCK_SKEW)
 * </pre>
 */
public final class FaultJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FaultJson() {
    }

    /** Parses an array of faults; problems are added with {@code path} as prefix ("faults[1].kind: ..."). */
    public static List<Fault> parseList(JsonNode array, String path, List<String> problems) {
        List<Fault> out = new ArrayList<>();
        if (array == null || !array.isArray()) {
            problems.add(path + ": must be an array of faults");
            return out;
        }
        for (int i = 0; i < array.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode node = array.get(i);
            if (!node.isObject()) {
                problems.add(at + ": must be an object");
                continue;
            }
            Fault f = parse(new JsonReader(node, at, problems));
            if (f != null) {
                out.add(f);
            }
        }
        return out;
    }

    private static Fault parse(JsonReader r) {
        int before = r.problems().size();
        r.rejectUnknown(Set.of("venue", "kind", "count", "match", "errorCode", "message", "delayMs", "fraction",
                "httpStatus", "skewMs"));
        VenueId venue = r.has("venue") ? r.enumValue("venue", VenueId.class) : null;
        FaultKind kind = r.enumValue("kind", FaultKind.class);
        Integer count = r.has("count") ? r.intIn("count", -1, 1_000_000) : Integer.valueOf(1);
        if (count != null && count == 0) {
            r.problem("count", "must be positive or -1 (forever)");
        }
        FaultMatch match = FaultMatch.ANY;
        if (r.has("match")) {
            JsonReader m = r.object("match");
            if (m != null) {
                m.rejectUnknown(Set.of("path", "txType", "side", "clientOrderId", "symbol"));
                String side = m.has("side") ? m.string("side") : null;
                if (side != null && !side.equalsIgnoreCase("BUY") && !side.equalsIgnoreCase("SELL")) {
                    m.problem("side", "must be BUY or SELL, was \"" + side + "\"");
                }
                match = new FaultMatch(
                        m.has("path") ? m.string("path") : null,
                        m.has("txType") ? m.intIn("txType", 0, 255) : null,
                        side == null ? null : side.toUpperCase(),
                        m.has("clientOrderId") ? text(m, "clientOrderId") : null,
                        m.has("symbol") ? m.string("symbol") : null);
            }
        }
        String errorCode = r.has("errorCode") ? text(r, "errorCode") : null;
        String message = r.has("message") ? r.string("message") : null;
        Long delayMs = r.has("delayMs") ? r.longValue("delayMs") : null;
        BigDecimal fraction = r.has("fraction") ? r.decimal("fraction") : null;
        Integer httpStatus = r.has("httpStatus") ? r.intIn("httpStatus", 100, 599) : null;
        Long skewMs = r.has("skewMs") ? r.longValue("skewMs") : null;
        if (r.problems().size() > before || kind == null || count == null) {
            return null;
        }
        try {
            return new Fault(0, venue, kind, match, count, errorCode, message, delayMs, fraction, httpStatus, skewMs);
        } catch (IllegalArgumentException e) {
            r.problem("kind", e.getMessage());
            return null;
        }
    }

    /** Client order ids and error codes may be written as JSON numbers or strings. */
    private static String text(JsonReader r, String name) {
        JsonNode v = r.raw(name);
        if (v.isIntegralNumber()) {
            return v.asText();
        }
        return r.string(name);
    }

    public static JsonNode toJson(Fault fault) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", fault.id());
        if (fault.venue() != null) {
            n.put("venue", fault.venue().name());
        }
        n.put("kind", fault.kind().name());
        n.put("count", fault.remaining());
        ObjectNode m = n.putObject("match");
        FaultMatch match = fault.match();
        putIfSet(m, "path", match.path());
        if (match.txType() != null) {
            m.put("txType", match.txType());
        }
        putIfSet(m, "side", match.side());
        putIfSet(m, "clientOrderId", match.clientOrderId());
        putIfSet(m, "symbol", match.symbol());
        putIfSet(n, "errorCode", fault.errorCode());
        putIfSet(n, "message", fault.message());
        if (fault.delayMs() != null) {
            n.put("delayMs", fault.delayMs());
        }
        if (fault.fraction() != null) {
            n.put("fraction", fault.fraction().toPlainString());
        }
        if (fault.httpStatus() != null) {
            n.put("httpStatus", fault.httpStatus());
        }
        if (fault.skewMs() != null) {
            n.put("skewMs", fault.skewMs());
        }
        return n;
    }

    public static JsonNode toJson(List<Fault> faults) {
        ArrayNode a = JSON.createArrayNode();
        faults.forEach(f -> a.add(toJson(f)));
        return a;
    }

    private static void putIfSet(ObjectNode n, String name, String value) {
        if (value != null) {
            n.put(name, value);
        }
    }
}
