package io.perpcarry.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.Venue;
import io.perpcarry.record.RecordingFormat;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Funding history only (what {@code record --backfill} writes): the cost model applies, funding is paid at each venue's
 * own settlements with its sign, and keep_if_best saves the round trips that always pays.
 */
class FundingHistoryBacktestTest {
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final MarketSpec LIGHTER = MarketSpec.lighter("HYPE", 24, 2, 4, new BigDecimal("0.5"), new BigDecimal("10"),
            BigDecimal.ZERO, BigDecimal.ZERO);
    static final MarketSpec EDGEX = MarketSpec.edgex("HYPE", "10000004", new BigDecimal("0.001"), new BigDecimal("0.1"),
            new BigDecimal("0.1"), new BigDecimal("0.00038"), new BigDecimal("0.00018"), 240);

    @TempDir
    Path dir;

    @Test
    void paysEachVenuesSettlementsWithTheirSignAndComparesModes() throws Exception {
        // 3 days: Lighter longs pay 0.03 %/h every hour, EdgeX shorts pay 0.02 % every 4 h
        List<ObjectNode> lines = new ArrayList<>();
        lines.add(RecordingFormat.spec(T0, LIGHTER));
        lines.add(RecordingFormat.spec(T0, EDGEX));
        for (int h = 0; h <= 72; h++) {
            Instant t = T0.plus(Duration.ofHours(h));
            lines.add(RecordingFormat.settled(new FundingQuote(Venue.LIGHTER, "HYPE", new BigDecimal("0.0003"),
                    Duration.ofHours(1), t)));
            if (h % 4 == 0) {
                lines.add(RecordingFormat.settled(new FundingQuote(Venue.EDGEX, "HYPE", new BigDecimal("-0.0002"),
                        Duration.ofHours(4), t)));
            }
        }
        Files.write(dir.resolve(RecordingFormat.fileName(T0)), RecordingFormat.gzip(lines));
        MarketHistory h = MarketHistory.read(dir);
        assertThat(h.hasBooks()).isFalse();

        Map<Venue, BigDecimal> capital = new EnumMap<>(Venue.class);
        capital.put(Venue.LIGHTER, new BigDecimal("1000"));
        capital.put(Venue.EDGEX, new BigDecimal("1000"));
        BacktestReport report = Backtest.run(h, "{\"symbols_to_monitor\": [\"HYPE\"], \"min_volume_usd\": 0}", "test",
                Grid.parse(List.of()), capital, new CostModel(new BigDecimal("2")));
        RunResult always = report.rows().get(0).result();
        RunResult keep = report.rows().get(1).result();
        assertThat(report.rows().get(0).params()).containsEntry("rotation_mode", "always");

        // short Lighter receives, long EdgeX receives (negative rate: shorts pay longs)
        assertThat(always.funding().get(Venue.LIGHTER)).isPositive();
        assertThat(always.funding().get(Venue.EDGEX)).isPositive();
        assertThat(always.decisions().get(0).longVenue()).isEqualTo(Venue.EDGEX);
        // keep_if_best opens once and extends; always pays a round trip per hold
        assertThat(keep.cycles()).isEqualTo(1);
        assertThat(always.cycles()).isGreaterThan(1);
        assertThat(keep.fees()).isLessThan(always.fees());
        assertThat(keep.net()).isGreaterThan(always.net());
        // held from the first hour to the end: 72 Lighter settlements after the open at 320 USD notional
        assertThat(keep.funding().get(Venue.LIGHTER)).isEqualByComparingTo(
                new BigDecimal("320").multiply(new BigDecimal("0.0003")).multiply(BigDecimal.valueOf(72)));
        assertThat(report.rows().get(1).captureRatio()).isNotNull();
        assertThat(report.rows().get(1).captureRatio()).isLessThanOrEqualTo(BigDecimal.ONE);
    }

    @Test
    void refusesAnotherFormatVersion() throws Exception {
        ObjectNode line = RecordingFormat.spec(T0, LIGHTER);
        line.put("v", 2);
        Files.write(dir.resolve(RecordingFormat.fileName(T0)), RecordingFormat.gzip(List.of(line)));
        assertThatThrownBy(() -> MarketHistory.read(dir)).hasMessageContaining("version 2");
    }

    @Test
    void gridIsTheCartesianProductWithBothRotationModes() {
        assertThat(Grid.parse(List.of("min_net_apr_threshold=0,5,20")).combinations()).hasSize(6);
        assertThat(Grid.parse(List.of("min_net_apr_threshold=0,5,20", "rotation_mode=always,keep_if_best")).combinations())
                .hasSize(6).first().isEqualTo(Map.of("min_net_apr_threshold", "0", "rotation_mode", "always"));
        assertThatThrownBy(() -> Grid.parse(List.of("min_net_apr_treshold=1"))).hasMessageContaining("min_net_apr_threshold");
        assertThatThrownBy(() -> Grid.apply("{}", "t", Map.of("leverage", "0"))).hasMessageContaining("leverage");
    }
}
