package io.perpcarry.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.domain.Venue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real recording of the demo scenario's emulators by {@code bin/perpcarry record} (src/test/resources/backtest/recorded,
 * provenance in its PROVENANCE.md) replayed with the grid of the acceptance check: the report equals the golden one byte for byte, and a second run
 * prints and draws exactly the same.
 */
class GoldenBacktestTest {
    static final Path FIXTURE = Path.of("src/test/resources/backtest/recorded");
    static final Path GOLDEN = Path.of("src/test/resources/backtest/golden-report.txt");
    static final String BOT_JSON = """
            {"symbols_to_monitor": ["BTC", "ETH", "SOL", "HYPE"], "hold_duration_hours": 8,
             "wait_between_cycles_minutes": 30, "min_volume_usd": 0}
            """;

    @TempDir
    Path tmp;

    @Test
    void reportEqualsTheGoldenOneAndIsDeterministic() throws Exception {
        BacktestReport first = run();
        String table = first.table();
        if (Boolean.getBoolean("perpcarry.update-golden")) {
            Files.writeString(GOLDEN, table);
        }
        assertThat(table).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
        assertThat(first.rows()).hasSize(6); // 3 thresholds × 2 rotation modes

        BacktestReport second = run();
        assertThat(second.table()).isEqualTo(table);
        assertThat(second.json().toString()).isEqualTo(first.json().toString());
        PnlChart.write(tmp.resolve("a.png"), "t", first.rows().get(0).result().curve());
        PnlChart.write(tmp.resolve("b.png"), "t", second.rows().get(0).result().curve());
        assertThat(Files.readAllBytes(tmp.resolve("a.png"))).isEqualTo(Files.readAllBytes(tmp.resolve("b.png")));
    }

    @Test
    void everyRowIsBoundedByForesightOnFundingAndCosts() throws Exception {
        for (BacktestRow row : run().rows()) {
            RunResult r = row.result();
            // the bound ignores price luck: compare it with the carry part (funding − fees − slippage)
            BigDecimal carry = r.fundingTotal().subtract(r.fees()).subtract(r.slippage());
            assertThat(carry).as(row.label()).isLessThanOrEqualTo(row.foresightNet().add(new BigDecimal("0.01")));
            assertThat(r.net()).as(row.label()).isEqualByComparingTo(r.fundingTotal().add(r.trading()).subtract(r.fees()));
        }
    }

    private static BacktestReport run() throws Exception {
        Map<Venue, BigDecimal> capital = new EnumMap<>(Venue.class);
        capital.put(Venue.LIGHTER, new BigDecimal("1000"));
        capital.put(Venue.EDGEX, new BigDecimal("1000"));
        return Backtest.run(MarketHistory.read(FIXTURE), BOT_JSON, "golden bot.json",
                Grid.parse(List.of("min_net_apr_threshold=0,5,20", "rotation_mode=always,keep_if_best")), capital,
                new CostModel(CostModel.DEFAULT_SLIPPAGE_BPS));
    }
}
