package io.perpcarry.config;

import io.perpcarry.strategy.LiquidationBuffer;
import io.perpcarry.strategy.PricingRules;
import io.perpcarry.strategy.RankingRules;
import io.perpcarry.strategy.RotationMode;
import io.perpcarry.strategy.SizingRules;
import io.perpcarry.strategy.StopLossRules;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validated strategy configuration ({@code bot.json}). Built only by {@link BotConfigLoader}, so every
 * instance has passed validation; {@link #effective()} tells which values came from the file.
 */
public final class BotConfig {
    private final Map<String, Object> values;
    private final Map<String, Boolean> fromFile;
    private final String source;
    private final List<String> unusedKeys;

    BotConfig(Map<String, Object> values, Map<String, Boolean> fromFile, String source, List<String> unusedKeys) {
        this.unusedKeys = List.copyOf(unusedKeys);
        this.values = Map.copyOf(values.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        this.fromFile = Map.copyOf(fromFile);
        this.source = source;
    }

    /** Defaults only, as if {@code bot.json} were an empty object. */
    public static BotConfig defaults() {
        return BotConfigLoader.parse("{}", "(defaults)");
    }

    @SuppressWarnings("unchecked")
    public List<String> symbolsToMonitor() {
        return (List<String>) values.get("symbols_to_monitor");
    }

    public String quote() {
        return (String) values.get("quote");
    }

    public int leverage() {
        return (Integer) values.get("leverage");
    }

    public BigDecimal notionalPerPosition() {
        return dec("notional_per_position");
    }

    public BigDecimal holdDurationHours() {
        return dec("hold_duration_hours");
    }

    public BigDecimal waitBetweenCyclesMinutes() {
        return dec("wait_between_cycles_minutes");
    }

    public int checkIntervalSeconds() {
        return (Integer) values.get("check_interval_seconds");
    }

    public int scanIntervalSeconds() {
        return (Integer) values.get("scan_interval_seconds");
    }

    public BigDecimal minNetAprThresholdPct() {
        return dec("min_net_apr_threshold");
    }

    /** The configured stop-loss, or empty to derive it from leverage. */
    public Optional<BigDecimal> stopLossPercent() {
        return Optional.ofNullable((BigDecimal) values.get("stop_loss_percent"));
    }

    public boolean enableStopLoss() {
        return (Boolean) values.get("enable_stop_loss");
    }

    public BigDecimal minVolumeUsd() {
        return dec("min_volume_usd");
    }

    /** The original's cross-venue filter: largest gap between the two venues' mids, percent. */
    public BigDecimal maxSpreadPct() {
        return dec("max_spread_pct");
    }

    /** Largest bid/ask spread on each venue, percent of mid. */
    public BigDecimal maxBookSpreadPct() {
        return dec("max_book_spread_pct");
    }

    /** The configured liquidation guard, or empty to derive it from leverage. */
    public Optional<BigDecimal> liquidationBufferPctSetting() {
        return Optional.ofNullable((BigDecimal) values.get("liquidation_buffer_pct"));
    }

    /** The liquidation-distance guard in force: the configured one, else {@link LiquidationBuffer#derived}. */
    public BigDecimal liquidationBufferPct() {
        return liquidationBufferPctSetting().orElse(LiquidationBuffer.derived(leverage()));
    }

    /** Original-bot keys present in the file that this bot ignores. */
    public List<String> unusedKeys() {
        return unusedKeys;
    }

    /** One warning naming the ignored keys, and one if a fresh hedge would trip the liquidation guard. */
    public List<String> warnings() {
        List<String> w = new java.util.ArrayList<>();
        if (!unusedKeys.isEmpty()) {
            w.add(source + ": keys of the original bot accepted and ignored: " + String.join(", ", unusedKeys)
                    + " (" + unusedKeys.stream().map(BotConfigSchema.KNOWN_UNUSED::get)
                    .collect(java.util.stream.Collectors.joining("; ")) + ")");
        }
        return w;
    }

    /** Retries of an opening IOC leg's unfilled part at fresh prices. */
    public int openRetries() {
        return (Integer) values.get("open_retries");
    }

    public int crossTicks() {
        return (Integer) values.get("cross_ticks");
    }

    public BigDecimal maxPriceDeviationPct() {
        return dec("max_price_deviation_pct");
    }

    public RotationMode rotationMode() {
        return "keep_if_best".equals(values.get("rotation_mode")) ? RotationMode.KEEP_IF_BEST : RotationMode.ALWAYS;
    }

    /** The planned hold as a Duration (hours may be fractional). */
    public Duration holdDuration() {
        return Duration.ofSeconds(holdDurationHours().multiply(BigDecimal.valueOf(3600)).longValue());
    }

    public RankingRules rankingRules() {
        return new RankingRules(notionalPerPosition(), holdDuration(), minVolumeUsd(), maxSpreadPct(), maxBookSpreadPct(),
                minNetAprThresholdPct());
    }

    public SizingRules sizingRules() {
        return new SizingRules(notionalPerPosition(), BigDecimal.valueOf(leverage()), percentToFraction(marginBufferPct()));
    }

    public PricingRules pricingRules() {
        return new PricingRules(crossTicks(), maxPriceDeviationPct());
    }

    public StopLossRules stopLossRules() {
        return new StopLossRules(BigDecimal.valueOf(leverage()), stopLossPercent().orElse(null));
    }

    private static BigDecimal percentToFraction(BigDecimal pct) {
        return pct.divide(BigDecimal.valueOf(100), MathContext.DECIMAL64);
    }

    public BigDecimal marginBufferPct() {
        return dec("margin_buffer_pct");
    }

    /** The daemon runs the recorder routes (routes/record.yaml) too. */
    public boolean recordMarketData() {
        return (Boolean) values.get("record_market_data");
    }

    public BigDecimal maxLegImbalancePct() {
        return dec("max_leg_imbalance_pct");
    }

    /** Where the configuration was read from. */
    public String source() {
        return source;
    }

    /** Every key in schema order with its effective value and whether the file set it. */
    public Map<String, EffectiveValue> effective() {
        Map<String, EffectiveValue> out = new LinkedHashMap<>();
        for (ConfigKey k : BotConfigSchema.KEYS) {
            out.put(k.name(), new EffectiveValue(values.get(k.name()), fromFile.getOrDefault(k.name(), false)));
        }
        return out;
    }

    private BigDecimal dec(String key) {
        return (BigDecimal) values.get(key);
    }

    /** A key's value and whether it came from the file (otherwise the default). */
    public record EffectiveValue(Object value, boolean fromFile) {
        public String display() {
            if (value == null) {
                return "null";
            }
            if (value instanceof BigDecimal d) {
                return d.stripTrailingZeros().toPlainString();
            }
            return value.toString();
        }
    }
}
