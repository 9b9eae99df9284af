package io.perpcarry.venue.edgex;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import io.perpcarry.venue.common.VenueJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * Reading EdgeX JSON strictly for the REST side and the mapper: every number is a string, every REST answer an
 * envelope whose {@code code} must be SUCCESS. Parsing and decimals go through the shared {@link VenueJson} (the
 * streams use it directly). A missing or unparsable field is {@link VenueErrorKind#MALFORMED_RESPONSE}, never a
 * default value.
 */
final class Wire {
    /** Decimals are read exactly: a JSON number must never pass through double. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private static final VenueJson JSON = VenueJson.of(Venue.EDGEX);

    private Wire() {
    }

    static JsonNode parse(String what, String text) {
        return JSON.parse(text, what);
    }

    /**
     * The {@code data} of a SUCCESS envelope. A business refusal (HTTP 200, code != SUCCESS) is REJECTED with the
     * venue's code and msg; EdgeX answers rate limiting the same way, so that code is RATE_LIMITED.
     */
    static JsonNode data(String path, String body) {
        JsonNode env = parse(path, body);
        JsonNode code = env.get("code");
        if (code == null || !code.isTextual()) {
            throw malformed(path, "no envelope code");
        }
        if (!"SUCCESS".equals(code.asText())) {
            String msg = env.path("msg").isTextual() ? env.path("msg").asText() : "(no msg)";
            JsonNode param = env.get("errorParam");
            if (param != null && !param.isNull() && !param.isEmpty()) {
                msg = msg + " " + param;
            }
            VenueErrorKind kind = code.asText().contains("TOO_MANY") || code.asText().contains("RATE_LIMIT")
                    ? VenueErrorKind.RATE_LIMITED : VenueErrorKind.REJECTED;
            throw new VenueException(Venue.EDGEX, kind, path + " refused: " + msg, code.asText(), null, null);
        }
        JsonNode data = env.get("data");
        if (data == null || data.isNull()) {
            throw malformed(path, "SUCCESS without data");
        }
        return data;
    }

    static JsonNode field(JsonNode node, String name, String where) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw malformed(where, "missing " + name);
        }
        return v;
    }

    static JsonNode array(JsonNode node, String name, String where) {
        JsonNode v = field(node, name, where);
        if (!v.isArray()) {
            throw malformed(where, name + " is not a list");
        }
        return v;
    }

    static String text(JsonNode node, String name, String where) {
        JsonNode v = field(node, name, where);
        if (!v.isValueNode() || v.asText().isBlank()) {
            throw malformed(where, name + " is blank or not a value");
        }
        return v.asText().strip();
    }

    static Optional<String> optText(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(v.asText().strip());
    }

    static BigDecimal decimal(JsonNode node, String name, String where) {
        return toDecimal(text(node, name, where), name, where);
    }

    static Optional<BigDecimal> optDecimal(JsonNode node, String name, String where) {
        return optText(node, name).map(t -> toDecimal(t, name, where));
    }

    static long integer(JsonNode node, String name, String where) {
        String t = text(node, name, where);
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw malformed(where, name + " is not an integer: " + t);
        }
    }

    static Instant millis(JsonNode node, String name, String where) {
        return Instant.ofEpochMilli(integer(node, name, where));
    }

    static boolean bool(JsonNode node, String name, String where) {
        JsonNode v = field(node, name, where);
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) {
            return Boolean.parseBoolean(v.asText());
        }
        throw malformed(where, name + " is not a boolean");
    }

    private static BigDecimal toDecimal(String t, String name, String where) {
        try {
            return new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw malformed(where, name + " is not a decimal: " + t);
        }
    }

    static VenueException malformed(String where, String problem) {
        return new VenueException(Venue.EDGEX, VenueErrorKind.MALFORMED_RESPONSE, where + ": " + problem);
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain maps and strings always serialise", e);
        }
    }
}
