package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged daemon as a user runs it ({@code bin/perpcarry run}: the jar and target/lib only, no test classpath),
 * in demo mode: every route of routes/ must start (a route on a component that is only on the test classpath fails
 * here and nowhere else), the API answers, and SIGTERM ends it cleanly. Runs in the integration-test phase of
 * {@code mvn verify}, after the jar is built.
 */
class PackagedDaemonSmoke {
    private static final Pattern DASHBOARD = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");

    @TempDir
    Path data;

    @Test
    void thePackagedDemoStartsEveryRouteAnswersAndStopsOnSigterm() throws Exception {
        Path jar = Path.of("target/perpcarry.jar");
        assertThat(jar).as("mvn package built the jar").exists();
        Path log = data.resolve("daemon.log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Ports other than the defaults, as a user who moves them would: the API must follow.
                "-Xmx192m", "-Dcamel.server.port=" + freePort(), "-Dcamel.management.port=" + freePort(),
                "-cp", jar + java.io.File.pathSeparator + "target/lib/*", "io.perpcarry.app.Cli",
                "run", "--data-dir", data.resolve("data").toString());
        pb.environment().keySet().removeIf(k -> k.startsWith("LIGHTER_") || k.startsWith("EDGEX_")
                || k.startsWith("PERPCARRY_"));
        pb.environment().put("PERPCARRY_HOME", Path.of("").toAbsolutePath().toString());
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process p = pb.start();
        try {
            String text = awaitLog(p, log, "dashboard: http://", Duration.ofSeconds(180));
            assertThat(text).as("the daemon log").doesNotContain("NoSuchEndpointException")
                    .doesNotContain("FailedToStartRouteException").contains("Apache Camel 4");
            Matcher m = DASHBOARD.matcher(text.substring(text.indexOf("dashboard: http://")));
            assertThat(m.find()).as("the dashboard address with its bound port").isTrue();
            HttpResponse<String> state = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + m.group(1) + "/api/state")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(state.statusCode()).as(state.body()).isEqualTo(200);
            assertThat(state.body()).contains("\"state\"");
            for (Path routeFile : routeFiles()) {
                for (String id : routeIds(routeFile)) {
                    assertThat(text).as("route " + id + " of " + routeFile + " started")
                            .containsPattern("Started " + Pattern.quote(id) + " \\(");
                }
            }
            new ProcessBuilder("kill", "-TERM", Long.toString(p.pid())).start().waitFor();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s of SIGTERM").isTrue();
            assertThat(Files.readString(log)).contains("is shutdown");
        } finally {
            p.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String awaitLog(Process p, Path log, String needle, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline && p.isAlive()) {
            String text = Files.readString(log);
            if (text.contains(needle)) {
                Thread.sleep(2000); // the route start lines come with it; let the last ones be written
                return Files.readString(log);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + needle + "' in the daemon's log (alive: " + p.isAlive() + "):\n"
                + tail(Files.readString(log)));
    }

    private static String tail(String text) {
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    }

    private static List<Path> routeFiles() throws IOException {
        try (var s = Files.list(Path.of("routes"))) {
            return s.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** The route ids a YAML file declares (route configurations are not routes). */
    private static List<String> routeIds(Path file) throws IOException {
        List<String> ids = new java.util.ArrayList<>();
        String previous = "";
        for (String line : Files.readAllLines(file)) {
            Matcher m = Pattern.compile("^    id: ([\\w-]+)").matcher(line);
            if (m.find() && previous.startsWith("- route:")) {
                ids.add(m.group(1));
            }
            previous = line;
        }
        return ids;
    }
}
