package io.perpcarry.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.config.BotConfig;
import io.perpcarry.config.BotConfigLoader;
import io.perpcarry.config.BotConfigSchema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --grid key=v1,v2,...} (repeatable): every combination of the values, first key outermost. Each combination is
 * bot.json with those keys replaced, validated by the same loader as the daemon's. {@code rotation_mode} is always
 * compared: when no grid names it, both modes are run.
 */
public final class Grid {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<String>> axes = new LinkedHashMap<>();

    public static Grid parse(List<String> specs) {
        Grid g = new Grid();
        for (String spec : specs == null ? List.<String>of() : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new IllegalArgumentException("--grid expects key=v1,v2,..., got '" + spec + "'");
            }
            String key = spec.substring(0, eq).trim();
            if (BotConfigSchema.find(key).isEmpty()) {
                throw new IllegalArgumentException("--grid: unknown bot.json key '" + key + "'"
                        + BotConfigSchema.suggest(key).map(s -> " (did you mean '" + s + "'?)").orElse(""));
            }
            if (g.axes.containsKey(key)) {
                throw new IllegalArgumentException("--grid: key '" + key + "' given twice");
            }
            g.axes.put(key, List.of(spec.substring(eq + 1).split(",")).stream().map(String::trim).toList());
        }
        if (!g.axes.containsKey("rotation_mode")) {
            g.axes.put("rotation_mode", List.of("always", "keep_if_best"));
        }
        return g;
    }

    /** One parameter set per combination, in a fixed order. */
    public List<Map<String, String>> combinations() {
        List<Map<String, String>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<String>> axis : axes.entrySet()) {
            List<Map<String, String>> grown = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String v : axis.getValue()) {
                    Map<String, String> m = new LinkedHashMap<>(partial);
                    m.put(axis.getKey(), v);
                    grown.add(m);
                }
            }
            out = grown;
        }
        return out;
    }

    /** bot.json text with the combination's keys replaced, validated. */
    public static BotConfig apply(String botJson, String source, Map<String, String> params) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(botJson);
            params.forEach((k, v) -> root.set(k, value(v)));
            return BotConfigLoader.parse(JSON.writeValueAsString(root), source + " with " + params);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": " + e.getOriginalMessage());
        }
    }

    private static JsonNode value(String v) {
        if (v.equals("true") || v.equals("false")) {
            return JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(v));
        }
        if (v.equals("null")) {
            return JSON.getNodeFactory().nullNode();
        }
        try {
            return JSON.getNodeFactory().numberNode(new BigDecimal(v));
        } catch (NumberFormatException e) {
            return JSON.getNodeFactory().textNode(v);
        }
    }
}
