package io.perpcarry.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.app.EmulatedDaemon;
import io.perpcarry.emulator.LocalExchanges;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The management server's Prometheus text after an open on the emulators: valid exposition format, the bot's names. */
class PrometheusTextTest {
    static final String CONFIG = """
            {"symbols_to_monitor": ["HYPE"], "hold_duration_hours": 8, "min_volume_usd": 0}
            """;
    static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    static final String VALUE = "(NaN|[+-]?Inf|[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?)";
    static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"(\\\\.|[^\"\\\\])*\",?)*\\})? "
            + VALUE + "( -?[0-9]+)?");
    static final Pattern HELP = Pattern.compile("# HELP " + NAME + " .*");
    static final Pattern TYPE = Pattern.compile("# TYPE " + NAME + " (counter|gauge|histogram|summary|untyped)");

    @TempDir
    Path data;

    @Test
    void everyLineParsesAndTheBotsMetricsCarryValuesAfterAnOpen() throws Exception {
        try (LocalExchanges ex = EmulatedDaemon.exchanges(EmulatedDaemon.FLAT_HYPE, 7L, 600);
             EmulatedDaemon daemon = new EmulatedDaemon(ex, CONFIG, data).withHttp()) {
            daemon.start();
            daemon.awaitHolding(Duration.ofSeconds(90));
            int port = io.perpcarry.api.HttpPorts.management(daemon.camel()).orElseThrow();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/observe/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);

            List<String> lines = r.body().lines().filter(l -> !l.isEmpty()).toList();
            assertThat(lines).isNotEmpty();
            for (String l : lines) {
                assertThat(SAMPLE.matcher(l).matches() || HELP.matcher(l).matches() || TYPE.matcher(l).matches())
                        .as("exposition format: %s", l).isTrue();
            }
            Map<String, Double> samples = lines.stream().filter(l -> !l.startsWith("#")).collect(Collectors.toMap(
                    l -> l.substring(0, l.lastIndexOf(' ')), l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)
                            .replace("+Inf", "Infinity").replace("-Inf", "-Infinity")), (a, b) -> a));
            assertThat(value(samples, "perpcarry_venue_requests_total", "venue=\"lighter\"", "method=\"GET\"")).isPositive();
            assertThat(value(samples, "perpcarry_venue_requests_total", "venue=\"edgex\"", "method=\"POST\"")).isPositive();
            assertThat(value(samples, "perpcarry_venue_errors_total", "venue=\"lighter\"", "kind=\"timeout\"")).isNotNegative();
            assertThat(value(samples, "perpcarry_rate_limit_waits_total", "venue=\"edgex\"")).isNotNegative();
            assertThat(value(samples, "perpcarry_rate_limit_wait_seconds_total", "venue=\"lighter\"")).isNotNegative();
            assertThat(samples.keySet()).anyMatch(k -> k.startsWith("perpcarry_stream_reconnects_total{"));
            double skew = value(samples, "perpcarry_leg_skew_last_open_seconds");
            assertThat(skew).as("leg skew after the open").isNotNaN().isNotNegative();
            assertThat(value(samples, "perpcarry_book_age_seconds", "venue=\"lighter\"")).isNotNaN().isNotNegative();
            assertThat(value(samples, "perpcarry_state", "state=\"HOLDING\"")).isEqualTo(1.0);
        }
    }

    private static double value(Map<String, Double> samples, String name, String... labels) {
        List<Map.Entry<String, Double>> hits = samples.entrySet().stream().filter(e -> {
            Matcher m = Pattern.compile(Pattern.quote(name) + "(\\{(.*)\\})?").matcher(e.getKey());
            if (!m.matches()) {
                return false;
            }
            String l = m.group(2) == null ? "" : m.group(2);
            for (String want : labels) {
                if (!l.contains(want)) {
                    return false;
                }
            }
            return true;
        }).toList();
        assertThat(hits).as(name + " " + List.of(labels) + " in " + samples.keySet()).hasSize(1);
        return hits.get(0).getValue();
    }
}
