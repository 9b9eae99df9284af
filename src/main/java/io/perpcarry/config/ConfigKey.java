package io.perpcarry.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One key of {@code bot.json}: its type, default, allowed range and meaning. The table of these keys is
 * the single source for validation, for {@code check}'s output and for the README's table.
 */
public record ConfigKey(String name, Type type, Object defaultValue, BigDecimal min, BigDecimal max,
                        Set<String> choices, String meaning) {

    public enum Type { INTEGER, DECIMAL, BOOLEAN, STRING, CHOICE, SYMBOL_LIST, OPTIONAL_DECIMAL }

    /** Parses {@code node} or returns the problem, naming the key. */
    Object parse(JsonNode node, List<String> problems) {
        int before = problems.size();
        Object value = switch (type) {
            case INTEGER -> node.isIntegralNumber() ? inRange(node.decimalValue(), problems) : wrongType("an integer", node, problems);
            case DECIMAL -> node.isNumber() ? inRange(node.decimalValue(), problems) : wrongType("a number", node, problems);
            case OPTIONAL_DECIMAL -> node.isNull() ? null
                    : node.isNumber() ? inRange(node.decimalValue(), problems) : wrongType("a number or null", node, problems);
            case BOOLEAN -> node.isBoolean() ? node.booleanValue() : wrongType("true or false", node, problems);
            case STRING -> node.isTextual() && !node.textValue().isBlank() ? node.textValue() : wrongType("a non-empty string", node, problems);
            case CHOICE -> parseChoice(node, problems);
            case SYMBOL_LIST -> parseSymbols(node, problems);
        };
        if (problems.size() > before) {
            return null;
        }
        if (value instanceof BigDecimal d && type == Type.INTEGER) {
            return d.intValueExact();
        }
        return value;
    }

    private Object parseChoice(JsonNode node, List<String> problems) {
        if (!node.isTextual()) {
            return wrongType("one of " + choices, node, problems);
        }
        if (!choices.contains(node.textValue())) {
            problems.add("'" + name + "': \"" + node.textValue() + "\" is not one of " + choices);
            return null;
        }
        return node.textValue();
    }

    private Object parseSymbols(JsonNode node, List<String> problems) {
        if (!node.isArray() || node.isEmpty()) {
            return wrongType("a non-empty array of symbols", node, problems);
        }
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode s = node.get(i);
            if (!s.isTextual() || !s.textValue().matches("[A-Za-z0-9]{1,20}")) {
                problems.add("'" + name + "'[" + i + "]: " + describe(s) + " is not a symbol (letters and digits, e.g. \"BTC\")");
            } else if (symbols.contains(s.textValue().toUpperCase())) {
                problems.add("'" + name + "'[" + i + "]: \"" + s.textValue() + "\" is listed twice");
            } else {
                symbols.add(s.textValue().toUpperCase());
            }
        }
        return List.copyOf(symbols);
    }

    private BigDecimal inRange(BigDecimal v, List<String> problems) {
        if (min != null && v.compareTo(min) < 0 || max != null && v.compareTo(max) > 0) {
            problems.add("'" + name + "': " + v.toPlainString() + " is out of range " + rangeText());
            return null;
        }
        if (type == Type.INTEGER && v.stripTrailingZeros().scale() > 0) {
            problems.add("'" + name + "': " + v.toPlainString() + " must be a whole number");
            return null;
        }
        return v;
    }

    private Object wrongType(String expected, JsonNode node, List<String> problems) {
        problems.add("'" + name + "': expected " + expected + ", got " + describe(node));
        return null;
    }

    public String rangeText() {
        if (type == Type.CHOICE) {
            return String.join(" | ", choices);
        }
        if (min == null && max == null) {
            return "";
        }
        return "[" + (min == null ? "-inf" : min.toPlainString()) + ", " + (max == null ? "inf" : max.toPlainString()) + "]";
    }

    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "the string \"" + node.textValue() + "\"";
        }
        if (node.isNull()) {
            return "null";
        }
        return node.getNodeType().name().toLowerCase() + " " + node;
    }
}
