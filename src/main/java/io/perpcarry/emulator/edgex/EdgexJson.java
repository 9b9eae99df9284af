package io.perpcarry.emulator.edgex;

import java.math.BigDecimal;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * JSON the way EdgeX writes it: every number except a few small ints is a string, ids are int64
 * rendered as strings, times are epoch milliseconds as strings, and every REST answer is wrapped in
 * {@code {code, data, msg, errorParam, requestTime, responseTime, traceId}} (edgex.md §1).
 */
public final class EdgexJson {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            // Bodies are read exactly: a decimal sent as a JSON number must not be rounded through double.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private EdgexJson() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** A decimal as EdgeX prints it: plain notation, no exponent, trailing zeros dropped. */
    public static String dec(BigDecimal v) {
        if (v.signum() == 0) {
            return "0";
        }
        return v.stripTrailingZeros().toPlainString();
    }

    public static String successBody(JsonNode data, long requestTimeMs, long responseTimeMs) {
        ObjectNode env = envelope("SUCCESS", requestTimeMs, responseTimeMs);
        env.set("data", data);
        env.putNull("msg");
        env.putNull("errorParam");
        return write(reorder(env));
    }

    public static String errorBody(EdgexError error, long requestTimeMs, long responseTimeMs) {
        ObjectNode env = envelope(error.code(), requestTimeMs, responseTimeMs);
        env.putNull("data");
        env.put("msg", error.msg());
        // A refusal carries an object, {} when empty (recorded errors.json); only SUCCESS has errorParam null.
        ObjectNode p = env.putObject("errorParam");
        error.errorParam().forEach(p::put);
        return write(reorder(env));
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JsonNode tree always serialises", e);
        }
    }

    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw EdgexError.badRequest("body is not JSON: " + e.getOriginalMessage());
        }
    }

    /** A 32-hex-digit trace id, like the venue's. */
    public static String traceId() {
        byte[] b = new byte[16];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static ObjectNode envelope(String code, long requestTimeMs, long responseTimeMs) {
        ObjectNode env = object();
        env.put("code", code);
        env.put("requestTime", Long.toString(requestTimeMs));
        env.put("responseTime", Long.toString(responseTimeMs));
        env.put("traceId", traceId());
        return env;
    }

    /** Key order of the venue's example: code, data, msg, errorParam, requestTime, responseTime, traceId. */
    private static ObjectNode reorder(ObjectNode env) {
        ObjectNode out = object();
        for (String k : new String[] {"code", "data", "msg", "errorParam", "requestTime", "responseTime", "traceId"}) {
            out.set(k, env.get(k));
        }
        return out;
    }

    /** Plain Java map of a JSON object, numbers as Long/BigInteger/BigDecimal (for the HMAC payload). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(JsonNode node) {
        return MAPPER.convertValue(node, Map.class);
    }
}
