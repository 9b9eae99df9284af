package io.perpcarry.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perpcarry.strategy.LiquidationBuffer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads and validates {@code bot.json}. Every problem is collected and reported with the key it concerns;
 * nothing falls back to a default when the file is wrong (the original bot did, silently).
 */
public final class BotConfigLoader {
    public static final Path DEFAULT_PATH = Path.of("config", "bot.json");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BotConfigLoader.class);

    private BotConfigLoader() {
    }

    public static BotConfig load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file not found: " + file);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    public static BotConfig parse(String text, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ConfigException(source + ": malformed JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(source + ": the top level must be a JSON object of settings");
        }
        List<String> problems = new ArrayList<>();
        Map<String, Object> values = new HashMap<>();
        Map<String, Boolean> fromFile = new HashMap<>();
        List<String> unused = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            if (BotConfigSchema.isComment(name)) {
                continue; // "_comment"/"comment..." keys document the file and are ignored on purpose
            }
            if (BotConfigSchema.KNOWN_UNUSED.containsKey(name)) {
                if (!field.getValue().isBoolean()) {
                    problems.add("'" + name + "': expected true or false, got " + field.getValue());
                }
                unused.add(name);
                continue;
            }
            BotConfigSchema.find(name).ifPresentOrElse(key -> {
                values.put(name, key.parse(field.getValue(), problems));
                fromFile.put(name, true);
            }, () -> problems.add("unknown key '" + name + "'"
                    + BotConfigSchema.suggest(name).map(s -> " (did you mean '" + s + "'?)").orElse("")));
        }
        for (ConfigKey key : BotConfigSchema.KEYS) {
            values.putIfAbsent(key.name(), key.defaultValue());
        }
        if (problems.isEmpty()) {
            BigDecimal guard = values.get("liquidation_buffer_pct") instanceof BigDecimal g ? g
                    : LiquidationBuffer.derived((Integer) values.get("leverage"));
            LiquidationBuffer.trippedAtOpen((Integer) values.get("leverage"), (BigDecimal) values.get("margin_buffer_pct"),
                    guard).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems.stream().map(p -> source + ": " + p).toList());
        }
        BotConfig config = new BotConfig(values, fromFile, source, unused);
        config.warnings().forEach(LOG::warn);
        return config;
    }
}
