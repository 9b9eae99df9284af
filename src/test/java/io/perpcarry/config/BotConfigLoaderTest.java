package io.perpcarry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.perpcarry.strategy.RotationMode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BotConfigLoaderTest {

    @Test
    void shippedConfigLoadsWithTheOriginalBotsMeanings() {
        BotConfig c = BotConfigLoader.load(Path.of("config/bot.json"));
        assertThat(c.symbolsToMonitor()).contains("BTC", "ETH", "SOL", "PAXG", "HYPE", "XPL");
        assertThat(c.quote()).isEqualTo("USD");
        assertThat(c.leverage()).isEqualTo(3);
        assertThat(c.notionalPerPosition()).isEqualByComparingTo("320");
        assertThat(c.holdDurationHours()).isEqualByComparingTo("8");
        assertThat(c.minNetAprThresholdPct()).isEqualByComparingTo("5");
        assertThat(c.maxSpreadPct()).isEqualByComparingTo("0.15");
        assertThat(c.stopLossPercent()).isEmpty();
        assertThat(c.rotationMode()).isEqualTo(RotationMode.ALWAYS);
        assertThat(c.crossTicks()).isEqualTo(100);
    }

    @Test
    void emptyObjectGivesEveryDefaultAndSaysSo() {
        BotConfig c = BotConfigLoader.parse("{}", "t");
        assertThat(c.symbolsToMonitor()).isEqualTo(BotConfigSchema.DEFAULT_SYMBOLS);
        assertThat(c.effective().values()).noneMatch(BotConfig.EffectiveValue::fromFile);
        assertThat(c.effective()).hasSize(BotConfigSchema.KEYS.size());
    }

    @Test
    void valuesFromTheFileAreMarkedAndDecimalsStayExact() {
        BotConfig c = BotConfigLoader.parse("{\"notional_per_position\": 320.10, \"rotation_mode\": \"keep_if_best\","
                + " \"stop_loss_percent\": 12.5}", "t");
        assertThat(c.notionalPerPosition()).isEqualTo(new BigDecimal("320.1"));
        assertThat(c.rotationMode()).isEqualTo(RotationMode.KEEP_IF_BEST);
        assertThat(c.stopLossPercent()).contains(new BigDecimal("12.5"));
        assertThat(c.effective().get("notional_per_position").fromFile()).isTrue();
        assertThat(c.effective().get("leverage").fromFile()).isFalse();
    }

    @Test
    void unknownKeyIsNamedWithASuggestion() {
        assertThatThrownBy(() -> BotConfigLoader.parse("{\"levrage\": 3}", "bot.json"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown key 'levrage'")
                .hasMessageContaining("did you mean 'leverage'?");
    }

    @Test
    void unknownKeyFarFromAnyKnownOneHasNoSuggestion() {
        assertThatThrownBy(() -> BotConfigLoader.parse("{\"telegram_token\": \"x\"}", "bot.json"))
                .hasMessageContaining("unknown key 'telegram_token'")
                .hasMessageNotContaining("did you mean");
    }

    @Test
    void wrongTypeNamesKeyAndWhatWasFound() {
        assertThatThrownBy(() -> BotConfigLoader.parse("{\"leverage\": \"3\"}", "bot.json"))
                .hasMessageContaining("'leverage': expected an integer, got the string \"3\"");
        assertThatThrownBy(() -> BotConfigLoader.parse("{\"enable_stop_loss\": 1}", "bot.json"))
                .hasMessageContaining("'enable_stop_loss': expected true or false");
        assertThatThrownBy(() -> BotConfigLoader.parse("{\"leverage\": 2.5}", "bot.json"))
                .hasMessageContaining("'leverage': expected an integer");
    }

    @Test
    void outOfRangeNamesKeyAndRange() {
        assertThatThrownBy(() -> BotConfigLoader.parse("{\"leverage\": 0}", "bot.json"))
                .hasMessageContaining("'leverage': 0 is out of range [1, 20]");
        assertThatThrownBy(() -> BotConfigLoader.parse("{\"max_price_deviation_pct\": 7}", "bot.json"))
                .hasMessageContaining("'max_price_deviation_pct': 7 is out of range [0.01, 5]");
        assertThatThrownBy(() -> BotConfigLoader.parse("{\"notional_per_position\": -1}", "bot.json"))
                .hasMessageContaining("'notional_per_position'");
    }

    @Test
    void badChoiceAndBadSymbolsAreNamed() {
        assertThatThrownBy(() -> BotConfigLoader.parse("{\"rotation_mode\": \"sometimes\"}", "b"))
                .hasMessageContaining("'rotation_mode': \"sometimes\" is not one of");
        assertThatThrownBy(() -> BotConfigLoader.parse("{\"symbols_to_monitor\": [\"BTC\", \"B-TC\", \"btc\"]}", "b"))
                .hasMessageContaining("'symbols_to_monitor'[1]")
                .hasMessageContaining("'symbols_to_monitor'[2]: \"btc\" is listed twice");
        assertThatThrownBy(() -> BotConfigLoader.parse("{\"symbols_to_monitor\": []}", "b"))
                .hasMessageContaining("'symbols_to_monitor': expected a non-empty array");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ConfigException e = (ConfigException) org.assertj.core.api.Assertions.catchThrowable(() ->
                BotConfigLoader.parse("{\"leverage\": 99, \"quote\": \"EUR\", \"foo\": 1}", "b"));
        assertThat(e.problems()).hasSize(3);
    }

    @Test
    void malformedJsonGivesLineAndColumn() {
        String text = "{\n  \"leverage\": 3,\n  \"quote\": \"USD\"\n  \"cross_ticks\": 5\n}";
        assertThatThrownBy(() -> BotConfigLoader.parse(text, "bot.json"))
                .hasMessageContaining("malformed JSON at line 4, column 3");
    }

    @Test
    void duplicateKeyIsRefusedNotSilentlyOverwritten() {
        assertThatThrownBy(() -> BotConfigLoader.parse("{\"leverage\": 3, \"leverage\": 5}", "b"))
                .hasMessageContaining("leverage");
    }

    @Test
    void missingFileAndNonObjectAreClearErrors(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> BotConfigLoader.load(dir.resolve("nope.json")))
                .hasMessageContaining("config file not found");
        Path arr = Files.writeString(dir.resolve("a.json"), "[1,2]");
        assertThatThrownBy(() -> BotConfigLoader.load(arr)).hasMessageContaining("must be a JSON object");
    }

    @Test
    void mapsOntoTheStrategyRules() {
        BotConfig c = BotConfigLoader.parse("{\"margin_buffer_pct\": 25, \"hold_duration_hours\": 1.5, \"leverage\": 1}", "b");
        assertThat(c.sizingRules().marginBuffer()).isEqualByComparingTo("0.25");
        assertThat(c.rankingRules().plannedHold()).isEqualTo(java.time.Duration.ofMinutes(90));
        assertThat(new io.perpcarry.strategy.StopLoss(c.stopLossRules()).thresholdPercent()).isEqualByComparingTo("69.23");
        assertThat(c.pricingRules().crossTicks()).isEqualTo(100);
    }

    @Test
    void commentKeysAreAllowed() {
        assertThat(BotConfigLoader.parse("{\"_comment\": \"hello\", \"leverage\": 2}", "b").leverage()).isEqualTo(2);
    }

    @Test
    void theOriginalBotsConfigLoadsWarningOnceAboutTheKeysItIgnores() throws Exception {
        Path original = Path.of("src/test/resources/original-bot/bot_config.json");
        BotConfig c = BotConfigLoader.load(original);
        assertThat(c.unusedKeys()).containsExactlyInAnyOrder("enable_pnl_tracking", "enable_health_monitoring");
        assertThat(c.warnings()).hasSize(1);
        assertThat(c.warnings().get(0)).contains("enable_pnl_tracking").contains("enable_health_monitoring")
                .doesNotContain("comment");
        assertThat(c.minVolumeUsd()).isEqualByComparingTo("250000000");
        assertThat(c.maxSpreadPct()).isEqualByComparingTo("0.15");
        assertThat(c.rankingRules().minCombinedVolumeUsd()).isEqualByComparingTo("250000000");
        assertThat(c.rankingRules().maxMidGapPct()).isEqualByComparingTo("0.15");
        assertThat(c.checkIntervalSeconds()).isEqualTo(60);
    }

    @Test
    void seedKeysKeepTheOriginalsMeaningAndNewChecksHaveNewNames() {
        BotConfig d = BotConfig.defaults();
        assertThat(d.minVolumeUsd()).isEqualByComparingTo("250000000");          // combined, the original's scale
        assertThat(d.rankingRules().maxMidGapPct()).isEqualByComparingTo("0.15"); // cross-venue gap
        BotConfig c = BotConfigLoader.parse("{\"max_spread_pct\": 0.3, \"max_book_spread_pct\": 0.05}", "b");
        assertThat(c.rankingRules().maxMidGapPct()).isEqualByComparingTo("0.3");
        assertThat(c.rankingRules().maxBookSpreadPct()).isEqualByComparingTo("0.05");
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void unknownKeysStayErrorsBesideTheOriginalsUnusedOnes() {
        assertThatThrownBy(() -> BotConfigLoader.parse("{\"enable_pnl_tracking\": true, \"enable_telegram\": true}", "b"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown key 'enable_telegram'")
                .hasMessageNotContaining("'enable_pnl_tracking'");
        assertThatThrownBy(() -> BotConfigLoader.parse("{\"enable_health_monitoring\": \"yes\"}", "b"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("'enable_health_monitoring'");
    }

    @Test
    void theLiquidationGuardHasItsOwnKeyDerivedFromLeverage() {
        assertThat(BotConfig.defaults().liquidationBufferPct()).isEqualByComparingTo("16.67"); // 50 / 3
        BotConfig ten = BotConfigLoader.parse("{\"leverage\": 10}", "b");
        assertThat(ten.liquidationBufferPct()).isEqualByComparingTo("5");
        assertThat(ten.marginBufferPct()).isEqualByComparingTo("20"); // sizing only
        // fresh hedge at 10x, 20 % kept back: 100 / (10 x 0.8) - 2 = 10.5 % from liquidation > 5 %: held
        assertThat(io.perpcarry.strategy.LiquidationBuffer.freshDistancePct(10, ten.marginBufferPct()))
                .isGreaterThan(ten.liquidationBufferPct());
        assertThat(BotConfigLoader.parse("{\"leverage\": 10, \"liquidation_buffer_pct\": 8}", "b").liquidationBufferPct())
                .isEqualByComparingTo("8");
    }

    @Test
    void aGuardAFreshHedgeWouldTripAtOnceIsRefused() {
        // the old coupling: leverage 7 and the 20 % buffer as the guard: fresh distance 17.9 - 2 = 15.9 % < 20 %
        assertThatThrownBy(() -> BotConfigLoader.parse("{\"leverage\": 7, \"liquidation_buffer_pct\": 20}", "bot.json"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("liquidation_buffer_pct 20 would close a hedge the moment it opens")
                .hasMessageContaining("leverage 7");
        assertThatThrownBy(() -> BotConfigLoader.parse("{\"leverage\": 20, \"margin_buffer_pct\": 0,"
                + " \"liquidation_buffer_pct\": 4}", "bot.json"))
                .hasMessageContaining("liquidation_buffer_pct 4");
        for (int leverage = 1; leverage <= 20; leverage++) { // every default is safe
            BotConfigLoader.parse("{\"leverage\": " + leverage + ", \"margin_buffer_pct\": 0}", "b");
        }
    }
}
