package io.perpcarry.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A standalone emulator ({@code perpcarry emulator --print-env}) in its own process, and its admin API:
 * what the venues hold, which orders arrived, faults, prices, funding.
 */
final class EmulatorProcess implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final Map<String, String> env;
    private final String admin;
    final double timeScale;
    final Instant marketStart;

    private EmulatorProcess(Process process, Map<String, String> env, double timeScale) throws IOException {
        this.process = process;
        this.env = env;
        this.admin = env.get("LIGHTER_BASE_URL");
        this.timeScale = timeScale;
        this.marketStart = Instant.parse(get("/_emulator/state").path("startTime").asText());
    }

    static EmulatorProcess start(Path scenario, long seed, double timeScale, Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("emulator.out");
        Files.deleteIfExists(out);
        Files.createFile(out);
        Process p = Jvm.start(List.of("-Xmx256m", "-XX:+UseSerialGC", "-Xss512k"), "io.perpcarry.app.Cli",
                List.of("emulator", "--scenario", scenario.toString(), "--seed", Long.toString(seed),
                        "--time-scale", Double.toString(timeScale), "--print-env"), Map.of(), out);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, String> env = exports(Files.readAllLines(out));
            if (env.containsKey("EDGEX_TRADING_PRIVATE_KEY")) {
                try {
                    return new EmulatorProcess(p, env, timeScale);
                } catch (IOException | RuntimeException e) {
                    p.destroyForcibly();
                    throw e;
                }
            }
            if (!p.isAlive()) {
                throw new IOException("the emulator exited with " + p.exitValue() + ":\n" + Files.readString(out));
            }
            Thread.sleep(100);
        }
        p.destroyForcibly();
        throw new IOException("the emulator printed no environment within 60 s:\n" + Files.readString(out));
    }

    private static Map<String, String> exports(List<String> lines) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String l : lines) {
            if (l.startsWith("export ") && l.contains("=")) {
                String kv = l.substring(7);
                String v = kv.substring(kv.indexOf('=') + 1);
                if (v.startsWith("'") && v.endsWith("'") && v.length() >= 2) {
                    v = v.substring(1, v.length() - 1).replace("'\\''", "'");
                }
                env.put(kv.substring(0, kv.indexOf('=')), v);
            }
        }
        return env;
    }

    /** The daemon's environment: live mode on these emulators. */
    Map<String, String> daemonEnv() {
        Map<String, String> m = new LinkedHashMap<>(env);
        m.put("PERPCARRY_MODE", "live");
        return m;
    }

    JsonNode get(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(admin + path)).GET());
    }

    JsonNode post(String path, String body) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(admin + path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json"));
    }

    JsonNode delete(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(admin + path)).DELETE());
    }

    private JsonNode send(HttpRequest.Builder b) throws IOException {
        try {
            HttpResponse<String> r = HTTP.send(b.timeout(Duration.ofSeconds(90)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException("emulator admin " + r.uri() + " answered " + r.statusCode() + ": " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Signed position size per venue and symbol of the bot's (first) account, non-zero sizes only. */
    Map<String, Map<String, BigDecimal>> holdings() throws IOException {
        Map<String, Map<String, BigDecimal>> out = new LinkedHashMap<>();
        JsonNode venues = get("/_emulator/state").path("venues");
        for (String venue : List.of("LIGHTER", "EDGEX")) {
            Map<String, BigDecimal> sizes = new LinkedHashMap<>();
            JsonNode account = venues.path(venue).path("accounts").path(0);
            for (JsonNode p : account.path("positions")) {
                BigDecimal size = new BigDecimal(p.path("size").asText("0"));
                if (size.signum() != 0) {
                    sizes.put(p.path("symbol").asText(), size);
                }
            }
            out.put(venue, sizes);
        }
        return out;
    }

    int openOrders() throws IOException {
        int n = 0;
        JsonNode venues = get("/_emulator/state").path("venues");
        for (String venue : List.of("LIGHTER", "EDGEX")) {
            n += venues.path(venue).path("accounts").path(0).path("openOrders").asInt();
        }
        return n;
    }

    /** Order placements that reached a venue (Lighter CreateOrder txs, EdgeX createOrder). */
    List<JsonNode> placements() throws IOException {
        List<JsonNode> out = new java.util.ArrayList<>();
        for (JsonNode r : get("/_emulator/requests").path("requests")) {
            String path = r.path("path").asText();
            boolean lighter = r.path("venue").asText().equals("LIGHTER") && path.startsWith("/api/v1/sendTx")
                    && r.path("txType").asInt(-1) == 14;
            boolean edgex = r.path("venue").asText().equals("EDGEX") && path.endsWith("/order/createOrder");
            if ("POST".equals(r.path("method").asText()) && (lighter || edgex)) {
                out.add(r);
            }
        }
        return out;
    }

    void fault(String json) throws IOException {
        post("/_emulator/faults", "{\"faults\": [" + json + "]}");
    }

    void clearFaults() throws IOException {
        delete("/_emulator/faults");
    }

    void shock(String symbol, String pct) throws IOException {
        post("/_emulator/price", "{\"symbol\": \"" + symbol + "\", \"shockPct\": \"" + pct + "\"}");
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
