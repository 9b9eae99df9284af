package io.perpcarry.venue.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

/**
 * The one strict reader of venue JSON, for both venues' streams and mappers. A missing, null or mistyped field is a
 * {@link VenueErrorKind#MALFORMED_RESPONSE} naming the venue, the place and the field: a default here would turn
 * "unknown" into a plausible zero. Numbers never pass through double: decimals (string or JSON number, exponent form
 * {@code 5e-05} included) are BigDecimal, integers (order ids beyond 2^53 included) are exact longs.
 */
public final class VenueJson {
    /** Floats as BigDecimal, trailing zeros kept; integers are read exactly by Jackson (int, long, BigInteger). */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final Venue venue;

    private VenueJson(Venue venue) {
        this.venue = venue;
    }

    public static VenueJson of(Venue venue) {
        return new VenueJson(venue);
    }

    public Venue venue() {
        return venue;
    }

    /** One JSON value; blank or unparsable text is MALFORMED_RESPONSE naming {@code where}. */
    public JsonNode parse(String text, String where) {
        if (text == null || text.isBlank()) {
            throw malformed(where, "empty body");
        }
        try {
            JsonNode n = MAPPER.readTree(text);
            if (n == null || n.isMissingNode()) {
                throw malformed(where, "empty body");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw malformed(where, "not JSON (" + e.getOriginalMessage() + ")");
        }
    }

    /** Like {@link #parse} but the value must be an object (every venue message and REST body is). */
    public JsonNode object(String text, String where) {
        JsonNode n = parse(text, where);
        if (!n.isObject()) {
            throw malformed(where, "expected a JSON object");
        }
        return n;
    }

    public JsonNode field(JsonNode node, String name, String where) {
        JsonNode v = node == null ? null : node.get(name);
        if (v == null || v.isNull()) {
            throw malformed(where, "missing field '" + name + "'");
        }
        return v;
    }

    public JsonNode array(JsonNode node, String name, String where) {
        JsonNode v = field(node, name, where);
        if (!v.isArray()) {
            throw malformed(where, "field '" + name + "' is not an array");
        }
        return v;
    }

    /** A JSON string, non-blank. */
    public String text(JsonNode node, String name, String where) {
        JsonNode v = field(node, name, where);
        if (!v.isTextual() || v.textValue().isBlank()) {
            throw malformed(where, "field '" + name + "' is not a non-blank string");
        }
        return v.textValue();
    }

    /** Absent, null or blank is empty; anything else must be a string. */
    public Optional<String> optText(JsonNode node, String name, String where) {
        JsonNode v = node == null ? null : node.get(name);
        if (v == null || v.isNull() || (v.isTextual() && v.textValue().isBlank())) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw malformed(where, "field '" + name + "' is not a string");
        }
        return Optional.of(v.textValue());
    }

    /** A decimal sent as a string ("3024.66", "5e-05") or a JSON number (0.000096, 5e-05). */
    public BigDecimal decimal(JsonNode node, String name, String where) {
        return toDecimal(field(node, name, where), name, where);
    }

    /** Absent, null or "" is empty; a present value must be a decimal. */
    public Optional<BigDecimal> optDecimal(JsonNode node, String name, String where) {
        JsonNode v = node == null ? null : node.get(name);
        if (v == null || v.isNull() || (v.isTextual() && v.textValue().isBlank())) {
            return Optional.empty();
        }
        return Optional.of(toDecimal(v, name, where));
    }

    /**
     * An exact long, sent as a JSON integer or a string of digits ("2070263104"). A fraction, an exponent that is
     * not whole, or a value outside the long range is refused rather than rounded.
     */
    public long integer(JsonNode node, String name, String where) {
        return toLong(field(node, name, where), name, where);
    }

    public Optional<Long> optInteger(JsonNode node, String name, String where) {
        JsonNode v = node == null ? null : node.get(name);
        if (v == null || v.isNull() || (v.isTextual() && v.textValue().isBlank())) {
            return Optional.empty();
        }
        return Optional.of(toLong(v, name, where));
    }

    public int smallInt(JsonNode node, String name, String where) {
        long v = integer(node, name, where);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw malformed(where, "field '" + name + "' is out of range: " + v);
        }
        return (int) v;
    }

    /** A JSON boolean, or the strings "true"/"false" (EdgeX sends both forms). */
    public boolean bool(JsonNode node, String name, String where) {
        JsonNode v = field(node, name, where);
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual() && ("true".equals(v.textValue()) || "false".equals(v.textValue()))) {
            return Boolean.parseBoolean(v.textValue());
        }
        throw malformed(where, "field '" + name + "' is not a boolean");
    }

    /** Epoch milliseconds. */
    public Instant millis(JsonNode node, String name, String where) {
        return Instant.ofEpochMilli(integer(node, name, where));
    }

    public VenueException malformed(String where, String problem) {
        return new VenueException(venue, VenueErrorKind.MALFORMED_RESPONSE, where + ": " + problem);
    }

    private BigDecimal toDecimal(JsonNode v, String name, String where) {
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.textValue().strip());
            } catch (NumberFormatException e) {
                throw malformed(where, "field '" + name + "' is not a decimal: '" + v.textValue() + "'");
            }
        }
        throw malformed(where, "field '" + name + "' is not a number");
    }

    private long toLong(JsonNode v, String name, String where) {
        BigInteger exact;
        if (v.isIntegralNumber()) {
            exact = v.bigIntegerValue();
        } else if (v.isNumber() || v.isTextual()) {
            try {
                exact = (v.isNumber() ? v.decimalValue() : new BigDecimal(v.textValue().strip())).toBigIntegerExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw malformed(where, "field '" + name + "' is not an integer: '" + v.asText() + "'");
            }
        } else {
            throw malformed(where, "field '" + name + "' is not an integer");
        }
        if (exact.compareTo(LONG_MIN) < 0 || exact.compareTo(LONG_MAX) > 0) {
            throw malformed(where, "field '" + name + "' is out of the long range: " + exact);
        }
        return exact.longValue();
    }

    /**
     * The {@code side} array of a book message ({@code [{"price","size"},...]}, both venues' shape) as levels; a
     * level with a price not above zero or a negative size is malformed.
     */
    public java.util.List<BookDelta.Level> bookLevels(JsonNode book, String side, String where) {
        JsonNode arr = array(book, side, where);
        java.util.List<BookDelta.Level> out = new java.util.ArrayList<>(arr.size());
        String at = where + " " + side;
        for (JsonNode level : arr) {
            BigDecimal price = decimal(level, "price", at);
            BigDecimal size = decimal(level, "size", at);
            if (price.signum() <= 0 || size.signum() < 0) {
                throw malformed(at, "level with price " + price + " and size " + size);
            }
            out.add(new BookDelta.Level(price, size));
        }
        return out;
    }
}
