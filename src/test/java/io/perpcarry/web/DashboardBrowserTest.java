package io.perpcarry.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.perpcarry.api.ApiAccess;
import io.perpcarry.app.EmulatedDaemon;
import io.perpcarry.emulator.LocalExchanges;
import io.perpcarry.state.JournalEntry;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web dashboard in a real headless Chromium against the daemon on both emulators: with the HYPE hedge held the
 * page shows both legs, the funding table (which sorts on a header click), the capital and the transfer that would
 * balance it, with no console error; the Pause button asks for confirmation and, accepted, pauses the bot
 * (journaled by api); a daemon restart shows "disconnected", then the restarted bot's state again.
 */
class DashboardBrowserTest {
    static final String CONFIG = """
            {"symbols_to_monitor": ["HYPE", "BTC", "ETH", "SOL"], "hold_duration_hours": 8, "min_volume_usd": 0}
            """;
    static final String TOKEN = "browser-test-token-0123456789";
    static final Duration LIMIT = Duration.ofSeconds(90);
    static final List<String> SYMBOLS = List.of("BTC", "ETH", "HYPE", "SOL");

    @TempDir
    Path tmp;
    final List<String> consoleErrors = new CopyOnWriteArrayList<>();
    final CompletableFuture<JsonNode> dialog = new CompletableFuture<>();

    @Test
    void showsTheHeldHedgeSortsFundingAndPausesThroughTheConfirmedButton() throws Exception {
        HeadlessChromium.binary(); // skipped (or, in CI, failed) before anything starts when there is no browser
        int port = freePort();
        try (LocalExchanges ex = EmulatedDaemon.exchanges(scenario(), 7L, 600)) {
            EmulatedDaemon daemon = new EmulatedDaemon(ex, CONFIG, Files.createDirectory(tmp.resolve("data"))).withHttp()
                    .apiEnv(ApiAccess.TOKEN_VAR, TOKEN).override("camel.server.port", String.valueOf(port))
                    .override("perpcarry.dashboard-interval-ms", "500")
                    // Only the API server: with the management server beside it, Camel 4.17's platform-http puts the
                    // routes on "the" server only when there is one, else on the router of port 8080 (or of port 0).
                    .override("camel.management.enabled", "false");
            try (HeadlessChromium browser = HeadlessChromium.launch(tmp.resolve("profile"), "1280,1600")) {
                daemon.start();
                daemon.awaitHolding(LIMIT);
                watchConsole(browser);
                browser.call("Page.navigate", Map.of("url", "http://127.0.0.1:" + port + "/"));
                awaitPage(browser, "the held hedge, 4 funding rows and the rebalance line",
                        "document.querySelectorAll('#legs tbody tr').length === 2"
                                + " && document.querySelectorAll('#funding tbody tr[data-symbol]').length === 4"
                                + " && document.querySelectorAll('#capital tbody tr').length === 2"
                                + " && !!document.getElementById('rebalance')");

                assertHedgeAndCapital(browser, port);
                assertSorting(browser);
                assertThat(consoleErrors).as("console errors while loading and sorting").isEmpty();

                pauseThroughTheButton(browser, daemon);
                assertThat(consoleErrors).as("console errors after pausing").isEmpty();

                daemon.stop();
                awaitPage(browser, "the disconnected line", "document.getElementById('conn').textContent.startsWith('disconnected')"
                        + " && document.body.classList.contains('disconnected')");
                daemon.start();
                awaitPage(browser, "the restarted bot's hedge and PAUSED banner",
                        "document.getElementById('conn').textContent.startsWith('connected')"
                                + " && document.querySelectorAll('#legs tbody tr').length === 2"
                                + " && document.getElementById('banner').textContent.startsWith('PAUSED by api')");
            } finally {
                daemon.close();
            }
        }
    }

    private void assertHedgeAndCapital(HeadlessChromium browser, int port) throws Exception {
        assertThat(browser.eval("document.getElementById('hedge-symbol').textContent").asText()).isEqualTo("HYPE");
        JsonNode legs = browser.eval("[...document.querySelectorAll('#legs tbody tr')]"
                + ".map(tr => [...tr.cells].slice(0, 3).map(td => td.textContent))");
        assertThat(legs.toString()).as("venue, side, size of each leg")
                .contains("[\"lighter\",\"SHORT\"", "[\"edgex\",\"LONG\"");
        for (JsonNode leg : legs) {
            assertThat(Double.parseDouble(leg.get(2).asText())).as("leg size").isPositive();
        }
        JsonNode current = browser.eval("[...document.querySelectorAll('#funding tbody tr.current')].map(tr => tr.dataset.symbol)");
        assertThat(current.toString()).isEqualTo("[\"HYPE\"]");
        assertThat(browser.eval("document.querySelector('#funding tr.current').textContent").asText()).contains("◀ CURRENT");

        JsonNode capital = browser.eval("[...document.querySelectorAll('#capital tbody tr')].map(tr => tr.cells[0].textContent)");
        assertThat(capital.toString()).contains("lighter", "edgex");
        // The page polls: wait until it shows what the API says now (equities move a little with every read).
        String[] seen = new String[2];
        try {
            EmulatedDaemon.awaitTrue(LIMIT, "the API's rebalance on the page", () -> {
                try {
                    JsonNode r = api(port, "capital").get("rebalance");
                    seen[0] = r.toString();
                    seen[1] = browser.eval("document.getElementById('rebalance').textContent").asText();
                    return new java.math.BigDecimal(r.get("amount_usd").asText()).signum() == 0
                            ? seen[1].startsWith("balanced")
                            : seen[1].startsWith("to balance: move " + r.get("amount_usd").asText() + " USD from "
                                    + r.get("from").asText() + " to " + r.get("to").asText());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; API " + seen[0] + ", page: " + seen[1], e);
        }
        String line = seen[1];
        assertThat(line).doesNotContain("undefined", "null");
    }

    private void assertSorting(HeadlessChromium browser) throws Exception {
        String symbols = "[...document.querySelectorAll('#funding tbody tr')].map(tr => tr.dataset.symbol)";
        browser.eval("document.querySelector('#funding th[data-key=symbol]').click()");
        assertThat(strings(browser.eval(symbols))).as("symbol ascending").containsExactlyElementsOf(SYMBOLS);
        browser.eval("document.querySelector('#funding th[data-key=symbol]').click()");
        assertThat(strings(browser.eval(symbols))).as("symbol descending")
                .containsExactlyElementsOf(SYMBOLS.stream().sorted(Comparator.reverseOrder()).toList());
        browser.eval("document.querySelector('#funding th[data-key=net_apr_pct]').click()");
        JsonNode rows = browser.eval("[...document.querySelectorAll('#funding tbody tr')]"
                + ".map(tr => Number(tr.cells[4].textContent))");
        List<Double> net = new ArrayList<>();
        rows.forEach(n -> net.add(n.asDouble()));
        assertThat(net).as("net APR descending").isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(strings(browser.eval(symbols))).as("HYPE, the held and best, on top").first().isEqualTo("HYPE");
    }

    private void pauseThroughTheButton(HeadlessChromium browser, EmulatedDaemon daemon) throws Exception {
        int controlsBefore = daemon.journal("control").size();
        browser.eval("document.getElementById('token').value = '" + TOKEN + "'");
        // The click runs after evaluate returns: confirm() blocks the page until the dialog is answered.
        browser.eval("setTimeout(() => document.getElementById('btn-pause').click(), 0); true");
        JsonNode opened = dialog.get(30, TimeUnit.SECONDS);
        assertThat(opened.path("type").asText()).isEqualTo("confirm");
        assertThat(opened.path("message").asText()).contains("Pause");
        assertThat(daemon.state().orElseThrow().paused()).as("nothing done before the confirmation").isFalse();
        browser.call("Page.handleJavaScriptDialog", Map.of("accept", true));

        daemon.await(Duration.ofSeconds(30), s -> s.paused());
        List<JournalEntry> controls = daemon.journal("control");
        assertThat(controls).hasSize(controlsBefore + 1);
        assertThat(controls.get(controls.size() - 1).text("by")).hasValue("api");
        awaitPage(browser, "the PAUSED banner and the control's answer",
                "!document.getElementById('banner').hidden && document.getElementById('banner').textContent.startsWith('PAUSED by api')"
                        + " && document.getElementById('control-result').textContent.includes('HTTP 200')");
    }

    private void watchConsole(HeadlessChromium browser) throws Exception {
        browser.onEvent(e -> {
            String method = e.path("method").asText();
            JsonNode p = e.path("params");
            switch (method) {
                case "Page.javascriptDialogOpening" -> dialog.complete(p);
                case "Runtime.exceptionThrown" -> consoleErrors.add("exception: " + p.path("exceptionDetails"));
                case "Runtime.consoleAPICalled" -> {
                    if (p.path("type").asText().equals("error")) {
                        consoleErrors.add("console.error: " + p.path("args"));
                    }
                }
                case "Log.entryAdded" -> {
                    if (p.path("entry").path("level").asText().equals("error")) {
                        consoleErrors.add("log: " + p.path("entry").path("text").asText() + " " + p.path("entry").path("url").asText());
                    }
                }
                default -> { }
            }
        });
        browser.call("Page.enable", Map.of());
        browser.call("Runtime.enable", Map.of());
        browser.call("Log.enable", Map.of());
    }

    private void awaitPage(HeadlessChromium browser, String what, String condition) throws Exception {
        try {
            EmulatedDaemon.awaitTrue(LIMIT, what + " on the page", () -> {
                try {
                    return browser.eval(condition).asBoolean();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nconsole errors: " + consoleErrors + "\npage text:\n"
                    + browser.eval("document.body.innerText").asText(), e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static JsonNode api(int port, String endpoint) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/" + endpoint)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return HeadlessChromium.JSON.readTree(r.body());
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** The flat HYPE market plus the demo's BTC, ETH and SOL made flat too: four funding rows, HYPE the best. */
    private Path scenario() throws Exception {
        ObjectNode flat = (ObjectNode) HeadlessChromium.JSON.readTree(EmulatedDaemon.FLAT_HYPE.toFile());
        JsonNode demo = HeadlessChromium.JSON.readTree(EmulatedDaemon.DEMO.toFile());
        ArrayNode markets = (ArrayNode) flat.get("markets");
        for (JsonNode m : demo.get("markets")) {
            if (!m.get("symbol").asText().equals("HYPE")) {
                ObjectNode copy = m.deepCopy();
                copy.put("volatility", "0");
                copy.putArray("shocks");
                markets.add(copy);
            }
        }
        Path f = tmp.resolve("scenario.json");
        HeadlessChromium.JSON.writeValue(f.toFile(), flat);
        return f;
    }
}
