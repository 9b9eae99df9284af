package io.perpcarry.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.domain.BookLevel;
import io.perpcarry.domain.FundingQuote;
import io.perpcarry.domain.MarketSnapshot;
import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.Venue;
import io.perpcarry.record.RecordingFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: the perfect-foresight rotation is an upper bound. On random histories (prices walking, venue gaps, thin
 * books, funding of both signs) and random points of the grid (hold, wait, threshold, notional, capital small enough
 * for the sizer to cap by equity, stop-loss), every run's net is at most the foresight's, so capture never exceeds 1.
 */
class ForesightBoundTest {
    static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    static final List<String> SYMBOLS = List.of("BTC", "SOL");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void strategyNeverBeatsForesightWithBooks(long seed) throws Exception {
        Random rnd = new Random(seed);
        Files.write(dir.resolve(RecordingFormat.fileName(T0)), RecordingFormat.gzip(booksHistory(rnd)));
        check(MarketHistory.read(dir), rnd);
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void strategyNeverBeatsForesightOnFundingHistory(long seed) throws Exception {
        Random rnd = new Random(seed);
        List<ObjectNode> lines = new ArrayList<>(specs());
        lines.addAll(settlements(rates(rnd, 72)));
        Files.write(dir.resolve(RecordingFormat.fileName(T0)), RecordingFormat.gzip(lines));
        check(MarketHistory.read(dir), rnd);
    }

    private static void check(MarketHistory history, Random rnd) {
        String botJson = "{\"symbols_to_monitor\": [\"BTC\", \"SOL\"], \"min_volume_usd\": 0, \"max_spread_pct\": 2,"
                + " \"max_book_spread_pct\": 2, \"scan_interval_seconds\": " + pick(rnd, "60", "300", "900")
                + ", \"notional_per_position\": " + pick(rnd, "200", "1000", "5000")
                + ", \"leverage\": " + pick(rnd, "1", "3") + ", \"stop_loss_percent\": " + pick(rnd, "0.5", "5") + "}";
        Grid grid = Grid.parse(List.of("hold_duration_hours=" + pick(rnd, "0.5", "2", "6"),
                "wait_between_cycles_minutes=" + pick(rnd, "0", "20"), "min_net_apr_threshold=0,20",
                "enable_stop_loss=true,false"));
        Map<Venue, BigDecimal> capital = new EnumMap<>(Venue.class);
        capital.put(Venue.LIGHTER, new BigDecimal(pick(rnd, "150", "1000", "100000")));
        capital.put(Venue.EDGEX, new BigDecimal(pick(rnd, "120", "900", "100000")));
        BacktestReport report = Backtest.run(history, botJson, "prop", grid, capital, new CostModel(new BigDecimal("3")));
        for (BacktestRow row : report.rows()) {
            assertThat(row.result().net()).as("net of %s with %s vs foresight", row.params(), botJson)
                    .isLessThanOrEqualTo(row.foresightNet());
            if (row.captureRatio() != null) {
                assertThat(row.foresightNet()).isPositive();
                assertThat(row.captureRatio()).isLessThanOrEqualTo(BigDecimal.ONE);
            } else {
                assertThat(row.foresightNet().signum()).isLessThanOrEqualTo(0);
            }
        }
    }

    /** 24 h, a pass every 5 minutes; venues missing at random passes; funding quotes and settlements of both signs. */
    private static List<ObjectNode> booksHistory(Random rnd) {
        List<ObjectNode> lines = new ArrayList<>(specs());
        Map<String, double[]> rates = rates(rnd, 24);
        Map<String, Double> mid = new java.util.HashMap<>(Map.of("BTC", 90000.0, "SOL", 150.0));
        Map<String, Double> basis = new java.util.HashMap<>(Map.of("BTC", 0.0, "SOL", 0.0));
        for (int m = 0; m <= 24 * 60; m += 5) {
            Instant t = T0.plus(Duration.ofMinutes(m));
            for (String s : SYMBOLS) {
                mid.put(s, mid.get(s) * (1 + rnd.nextGaussian() * 0.002));
                basis.put(s, basis.get(s) * 0.8 + rnd.nextGaussian() * 0.001);
                for (Venue v : Venue.values()) {
                    if (rnd.nextInt(20) == 0) {
                        continue; // the venue was not read at this pass
                    }
                    double venueMid = mid.get(s) * (1 + (v == Venue.LIGHTER ? 1 : -1) * basis.get(s));
                    MarketSpec spec = spec(v, s);
                    double hourly = rates.get(v + s)[m / 60];
                    FundingQuote q = v == Venue.LIGHTER ? new FundingQuote(v, s, rate(hourly * 8), Duration.ofHours(8), t)
                            : new FundingQuote(v, s, rate(hourly * 4), Duration.ofHours(4), t);
                    lines.add(RecordingFormat.quote(t, new MarketSnapshot(spec, q, book(rnd, v, s, venueMid, spec, t),
                            new BigDecimal("1000000")), 10));
                }
            }
        }
        lines.addAll(settlements(rates));
        return lines;
    }

    private static OrderBook book(Random rnd, Venue v, String s, double mid, MarketSpec spec, Instant t) {
        List<BookLevel> bids = new ArrayList<>();
        List<BookLevel> asks = new ArrayList<>();
        double half = mid * (0.00005 + rnd.nextDouble() * 0.0003);
        for (int i = 0; i < 5; i++) {
            double step = mid * 0.0005 * i;
            BigDecimal size = BigDecimal.valueOf(rnd.nextDouble() * (s.equals("BTC") ? 0.02 : 10)).add(spec.sizeStep())
                    .setScale(spec.sizeStep().scale(), RoundingMode.DOWN);
            bids.add(new BookLevel(price(mid - half - step, spec), size));
            asks.add(new BookLevel(price(mid + half + step, spec), size));
        }
        return new OrderBook(v, s, bids, asks, t);
    }

    private static BigDecimal price(double p, MarketSpec spec) {
        return BigDecimal.valueOf(p).setScale(spec.priceTick().scale(), RoundingMode.HALF_EVEN);
    }

    /** Per market, an hourly rate drifting around a level of either sign: carry worth taking, and turning. */
    private static Map<String, double[]> rates(Random rnd, int hours) {
        Map<String, double[]> out = new java.util.HashMap<>();
        for (String s : SYMBOLS) {
            for (Venue v : Venue.values()) {
                double[] r = new double[hours + 1];
                double level = rnd.nextGaussian() * 0.0012;
                for (int h = 0; h <= hours; h++) {
                    level = level * 0.9 + rnd.nextGaussian() * 0.0003;
                    r[h] = level;
                }
                out.put(v + s, r);
            }
        }
        return out;
    }

    /** Lighter settles hourly, EdgeX every 4 h (4 hours' worth). */
    private static List<ObjectNode> settlements(Map<String, double[]> rates) {
        List<ObjectNode> lines = new ArrayList<>();
        for (String s : SYMBOLS) {
            double[] l = rates.get(Venue.LIGHTER + s);
            for (int h = 0; h < l.length; h++) {
                Instant t = T0.plus(Duration.ofHours(h));
                lines.add(RecordingFormat.settled(new FundingQuote(Venue.LIGHTER, s, rate(l[h]), Duration.ofHours(1), t)));
                if (h % 4 == 0) {
                    lines.add(RecordingFormat.settled(new FundingQuote(Venue.EDGEX, s,
                            rate(rates.get(Venue.EDGEX + s)[h] * 4), Duration.ofHours(4), t)));
                }
            }
        }
        return lines;
    }

    private static BigDecimal rate(double r) {
        return BigDecimal.valueOf(r).setScale(8, RoundingMode.HALF_EVEN);
    }

    private static List<ObjectNode> specs() {
        List<ObjectNode> lines = new ArrayList<>();
        for (String s : SYMBOLS) {
            for (Venue v : Venue.values()) {
                lines.add(RecordingFormat.spec(T0, spec(v, s)));
            }
        }
        return lines;
    }

    private static MarketSpec spec(Venue v, String s) {
        boolean btc = s.equals("BTC");
        return v == Venue.LIGHTER
                ? MarketSpec.lighter(s, btc ? 1 : 2, btc ? 5 : 3, btc ? 1 : 3, btc ? new BigDecimal("0.0002")
                        : new BigDecimal("0.05"), new BigDecimal("10"), new BigDecimal("0.0002"), BigDecimal.ZERO)
                : MarketSpec.edgex(s, btc ? "10000001" : "10000003", btc ? new BigDecimal("0.1") : new BigDecimal("0.001"),
                        btc ? new BigDecimal("0.001") : new BigDecimal("0.1"), btc ? new BigDecimal("0.001")
                                : new BigDecimal("0.1"), new BigDecimal("0.00038"), new BigDecimal("0.00018"), 240);
    }

    private static String pick(Random rnd, String... values) {
        return values[rnd.nextInt(values.length)];
    }
}
