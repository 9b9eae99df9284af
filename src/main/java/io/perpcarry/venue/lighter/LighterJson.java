package io.perpcarry.venue.lighter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import io.perpcarry.venue.common.VenueJson;
import java.math.BigDecimal;

/**
 * Strict reading of Lighter JSON for the mapper: Lighter's envelope ({@code code} 200) on top of the shared
 * {@link VenueJson} reader, which the streams use directly. Every missing or mistyped field is a MALFORMED_RESPONSE
 * naming the field and where it was expected: a default here would turn "unknown" into a plausible-looking zero.
 * Floats are read as BigDecimal (funding rates and volumes arrive as JSON numbers); no double on this path.
 * Lighter sends typed JSON, so text, integers and booleans stay stricter here than VenueJson's (no digits in a
 * string for an integer, no "true" string for a boolean).
 */
final class LighterJson {
    static final ObjectMapper MAPPER = VenueJson.MAPPER;
    private static final VenueJson JSON = VenueJson.of(Venue.LIGHTER);
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
        return JSON.object(body, what);
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
        return JSON.field(node, name, where);
    }

    static JsonNode array(JsonNode node, String name, String where) {
        return JSON.array(node, name, where);
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
        return JSON.decimal(node, name, where);
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
