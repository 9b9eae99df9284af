package io.perpcarry.venue.lighter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;

/**
 * Strict reading of Lighter JSON. Every missing or mistyped field is a MALFORMED_RESPONSE naming the field
 * and where it was expected: a default here would turn "unknown" into a plausible-looking zero.
 * Floats are read as BigDecimal (funding rates and volumes arrive as JSON numbers); no double on this path.
 */
final class LighterJson {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    /** Lighter's "success" code in every JSON body. */
    static final int OK_CODE = 200;

    private LighterJson() {
    }

    /** Parses a body and refuses a {@code code} other than 200 (the venue's own failure report). */
    static JsonNode parseOk(String body, String what) {
        JsonNode root = parse(body, what);
        JsonNode code = root.get("code");
        if (code != null && code.isInt() && code.intValue() != OK_CODE) {
            throw rejected(root, what);
        }
        return root;
    }

    static JsonNode parse(String body, String what) {
        if (body == null || body.isBlank()) {
            throw malformed(what + ": empty body");
        }
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || !root.isObject()) {
                throw malformed(what + ": expected a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw malformed(what + ": not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /** The venue refused: its code and message are kept for the operator and the engine. */
    static VenueException rejected(JsonNode root, String what) {
        JsonNode code = root.get("code");
        JsonNode message = root.get("message");
        String text = message == null || message.isNull() ? "(no message)" : message.asText();
        return new VenueException(Venue.LIGHTER, VenueErrorKind.REJECTED, what + " refused: " + text,
                code == null ? null : code.asText(), null, null);
    }

    static JsonNode field(JsonNode node, String name, String where) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw malformed(where + ": missing field '" + name + "'");
        }
        return v;
    }

    static JsonNode array(JsonNode node, String name, String where) {
        JsonNode v = field(node, name, where);
        if (!v.isArray()) {
            throw malformed(where + ": field '" + name + "' is not an array");
        }
        return v;
    }

    static String text(JsonNode node, String name, String where) {
        JsonNode v = field(node, name, where);
        if (!v.isTextual()) {
            throw malformed(where + ": field '" + name + "' is not a string");
        }
        return v.textValue();
    }

    /** A decimal sent either as a string ("3024.66") or as a JSON number (0.000096). */
    static BigDecimal decimal(JsonNode node, String name, String where) {
        JsonNode v = field(node, name, where);
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.textValue().trim());
            } catch (NumberFormatException e) {
                throw malformed(where + ": field '" + name + "' is not a decimal: '" + v.textValue() + "'");
            }
        }
        throw malformed(where + ": field '" + name + "' is not a number");
    }

    static long integer(JsonNode node, String name, String where) {
        JsonNode v = field(node, name, where);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw malformed(where + ": field '" + name + "' is not an integer");
        }
        return v.longValue();
    }

    static int smallInt(JsonNode node, String name, String where) {
        long v = integer(node, name, where);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw malformed(where + ": field '" + name + "' is out of range");
        }
        return (int) v;
    }

    static boolean bool(JsonNode node, String name, String where) {
        JsonNode v = field(node, name, where);
        if (!v.isBoolean()) {
            throw malformed(where + ": field '" + name + "' is not a boolean");
        }
        return v.booleanValue();
    }

    static VenueException malformed(String message) {
        return new VenueException(Venue.LIGHTER, VenueErrorKind.MALFORMED_RESPONSE, message);
    }
}
