package io.perpcarry.emulator.edgex;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reading request parameters the way EdgeX sends them: ids and decimals as strings (a JSON number
 * is tolerated for ids), lists comma-joined in a query and JSON arrays in a body. Every miss is a
 * 400 with the envelope; nothing is defaulted silently.
 */
public final class EdgexParams {
    private EdgexParams() {
    }

    public static String text(JsonNode body, String key) {
        JsonNode n = body.get(key);
        if (n == null || n.isNull() || (n.isTextual() && n.asText().isEmpty())) {
            throw EdgexError.badRequest(key + " is required");
        }
        if (!n.isValueNode()) {
            throw EdgexError.badRequest(key + " must be a string");
        }
        return n.asText();
    }

    public static String optText(JsonNode body, String key) {
        JsonNode n = body.get(key);
        return n == null || n.isNull() ? "" : n.asText();
    }

    public static long id(String key, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw EdgexError.badRequest(key + " is not an int64: " + value);
        }
    }

    public static long id(JsonNode body, String key) {
        return id(key, text(body, key));
    }

    public static BigDecimal decimal(String key, String value) {
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw EdgexError.badRequest(key + " is not a decimal: " + value);
        }
    }

    public static BigDecimal decimal(JsonNode body, String key) {
        return decimal(key, text(body, key));
    }

    public static boolean bool(JsonNode body, String key) {
        JsonNode n = body.get(key);
        if (n == null || n.isNull()) {
            return false; // the SDK always sends reduceOnly; other clients may omit it, which means false
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isTextual() && (n.asText().equals("true") || n.asText().equals("false"))) {
            return Boolean.parseBoolean(n.asText());
        }
        throw EdgexError.badRequest(key + " must be a boolean");
    }

    /** A JSON array of strings (or numbers) in a body; absent → empty. */
    public static List<String> list(JsonNode body, String key) {
        JsonNode n = body.get(key);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw EdgexError.badRequest(key + " must be a JSON array");
        }
        n.forEach(e -> out.add(e.asText()));
        return out;
    }

    public static String query(Map<String, String> q, String key) {
        String v = q.get(key);
        if (v == null || v.isEmpty()) {
            throw EdgexError.badRequest(key + " is required");
        }
        return v;
    }

    /** A comma-joined query list; absent or empty → empty list. */
    public static List<String> queryList(Map<String, String> q, String key) {
        String v = q.get(key);
        List<String> out = new ArrayList<>();
        if (v == null || v.isBlank()) {
            return out;
        }
        for (String part : v.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    /** Page size within 1..max; when absent 100 (capped at max): the venue documents no default. */
    public static int size(Map<String, String> q, int max) {
        String v = q.get("size");
        if (v == null || v.isEmpty()) {
            return Math.min(100, max);
        }
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw EdgexError.badRequest("size is not an integer: " + v);
        }
        if (n < 1 || n > max) {
            throw EdgexError.badRequest("size must be within 1.." + max + ": " + v);
        }
        return n;
    }
}
