package io.perpcarry.emulator.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads typed fields of one JSON object and records a problem naming the field's path for every missing,
 * mistyped or out-of-range value. Decimals may be JSON strings or numbers (strings keep exact digits).
 * Returns null on a problem so parsing continues and all problems are reported at once.
 */
public final class JsonReader {
    private final JsonNode node;
    private final String path;
    private final List<String> problems;

    public JsonReader(JsonNode node, String path, List<String> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    public String path() {
        return path;
    }

    public List<String> problems() {
        return problems;
    }

    public String field(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    public void problem(String name, String text) {
        problems.add(field(name) + ": " + text);
    }

    public boolean has(String name) {
        JsonNode v = node.get(name);
        return v != null && !v.isNull();
    }

    /** Flags keys that are not in {@code known} (typos would otherwise be silently ignored); "_..." keys are comments. */
    public void rejectUnknown(Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.startsWith("_") && !known.contains(name)) {
                problems.add(field(name) + ": unknown field");
            }
        }
    }

    /** An optional boolean; {@code absent} when the key is missing. */
    public Boolean boolOr(String name, boolean absent) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return absent;
        }
        if (!v.isBoolean()) {
            problem(name, "must be true or false");
            return null;
        }
        return v.booleanValue();
    }

    private JsonNode required(String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            problem(name, "is required");
            return null;
        }
        return v;
    }

    public String string(String name) {
        JsonNode v = required(name);
        if (v == null) {
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            problem(name, "must be a non-empty string");
            return null;
        }
        return v.asText();
    }

    public Long longValue(String name) {
        JsonNode v = required(name);
        if (v == null) {
            return null;
        }
        if (!v.canConvertToExactIntegral() || !v.canConvertToLong()) {
            problem(name, "must be an integer");
            return null;
        }
        return v.asLong();
    }

    public Integer intIn(String name, int min, int max) {
        Long v = longValue(name);
        if (v == null) {
            return null;
        }
        if (v < min || v > max) {
            problem(name, "must be between " + min + " and " + max + ", was " + v);
            return null;
        }
        return v.intValue();
    }

    public BigDecimal decimal(String name) {
        JsonNode v = required(name);
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.asText().trim());
            } catch (NumberFormatException e) {
                problem(name, "must be a decimal number, was \"" + v.asText() + "\"");
                return null;
            }
        }
        problem(name, "must be a decimal number (string or number)");
        return null;
    }

    public BigDecimal positive(String name) {
        BigDecimal v = decimal(name);
        if (v != null && v.signum() <= 0) {
            problem(name, "must be positive, was " + v.toPlainString());
            return null;
        }
        return v;
    }

    public BigDecimal nonNegative(String name) {
        BigDecimal v = decimal(name);
        if (v != null && v.signum() < 0) {
            problem(name, "must not be negative, was " + v.toPlainString());
            return null;
        }
        return v;
    }

    /** A fraction in (0, 1). */
    public BigDecimal fraction(String name) {
        BigDecimal v = decimal(name);
        if (v != null && (v.signum() <= 0 || v.compareTo(BigDecimal.ONE) >= 0)) {
            problem(name, "must be a fraction between 0 and 1 exclusive, was " + v.toPlainString());
            return null;
        }
        return v;
    }

    /** ISO-8601 duration such as "PT1S", "PT4H". */
    public Duration duration(String name) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        try {
            Duration d = Duration.parse(text);
            if (d.isNegative()) {
                problem(name, "must not be negative, was " + text);
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            problem(name, "must be an ISO-8601 duration like \"PT1S\" or \"PT4H\", was \"" + text + "\"");
            return null;
        }
    }

    public Duration durationOr(String name, Duration absent) {
        return has(name) ? duration(name) : absent;
    }

    public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            problem(name, "must be one of " + List.of(type.getEnumConstants()) + ", was \"" + text + "\"");
            return null;
        }
    }

    public JsonReader object(String name) {
        JsonNode v = required(name);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            problem(name, "must be an object");
            return null;
        }
        return new JsonReader(v, field(name), problems);
    }

    /** Reads an array of objects; an absent array is empty when {@code optional}. */
    public <T> List<T> list(String name, boolean optional, BiFunction<JsonReader, Integer, T> element) {
        JsonNode v = node.get(name);
        List<T> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            if (!optional) {
                problem(name, "is required");
            }
            return out;
        }
        if (!v.isArray()) {
            problem(name, "must be an array");
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            String at = field(name) + "[" + i + "]";
            if (!e.isObject()) {
                problems.add(at + ": must be an object");
                continue;
            }
            T parsed = element.apply(new JsonReader(e, at, problems), i);
            if (parsed != null) {
                out.add(parsed);
            }
        }
        return out;
    }

    public JsonNode raw(String name) {
        return node.get(name);
    }
}
