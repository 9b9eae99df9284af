package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.domain.Venue;
import io.perpcarry.emulator.LocalExchanges;
import io.perpcarry.state.BotSnapshot;
import io.perpcarry.state.JournalEntry;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's acceptance on the whole daemon over both emulators: the original bot's {@code bot_config.json} starts it
 * (one warning naming the unused keys); the best-paying market with a 1 % cross-venue gap is not opened (the
 * original 0.15 % {@code max_spread_pct}); the next one, below Lighter's minimum size at a 320 USD leg, is skipped
 * within the same scan; the third is opened. Scenario: src/test/resources/emulator/acceptance-scenario.json.
 */
class DaemonOriginalConfigTest {
    static final Path SCENARIO = Path.of("src/test/resources/emulator/acceptance-scenario.json");
    static final Path ORIGINAL = Path.of("src/test/resources/original-bot/bot_config.json");

    @TempDir
    Path data;
    LocalExchanges ex;
    EmulatedDaemon daemon;

    @AfterEach
    void stop() {
        try {
            if (daemon != null) {
                daemon.close();
            }
        } finally {
            ex.close();
        }
    }

    @Test
    void theOriginalConfigStartsSkipsTheGappedAndTheUnsizeableMarketsAndOpensTheNext() throws Exception {
        ex = EmulatedDaemon.exchanges(SCENARIO, 7L, 600);
        daemon = new EmulatedDaemon(ex, Files.readString(ORIGINAL), data);
        assertThat(daemon.config().unusedKeys()).containsExactlyInAnyOrder("enable_pnl_tracking", "enable_health_monitoring");
        assertThat(daemon.config().warnings()).filteredOn(w -> w.contains("enable_pnl_tracking")).hasSize(1);
        daemon.start();

        BotSnapshot held = daemon.awaitHolding(Duration.ofSeconds(180));
        assertThat(held.position().symbol()).as("HYPE gapped 1 %%, SOL below Lighter's minimum: ETH").isEqualTo("ETH");
        assertThat(daemon.journal("order_sent")).extracting(e -> e.text("symbol").orElse("?"))
                .as("no order ever went to the gapped or the unsizeable market").containsOnly("ETH");
        assertThat(daemon.journal("state_change")).extracting(JournalEntry::fields)
                .filteredOn(f -> "OPENING".equals(f.get("to"))).as("every open attempt was ETH")
                .allSatisfy(f -> assertThat(f.get("symbol")).isEqualTo("ETH"));
        Map<Venue, BigDecimal> eth = daemon.sizes("ETH");
        assertThat(eth.get(Venue.LIGHTER).add(eth.get(Venue.EDGEX))).as("equal and opposite: " + eth).isZero();
        assertThat(eth.get(Venue.EDGEX)).as("long EdgeX (Lighter longs pay): " + eth).isPositive();
        assertThat(daemon.sizes("HYPE").values()).allSatisfy(v -> assertThat(v).isZero());
        assertThat(daemon.sizes("SOL").values()).allSatisfy(v -> assertThat(v).isZero());
    }
}
