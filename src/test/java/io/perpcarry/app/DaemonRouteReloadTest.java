package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.domain.Venue;
import io.perpcarry.emulator.LocalExchanges;
import io.perpcarry.venue.MarketDataListener;
import io.perpcarry.venue.edgex.EdgexConnector;
import io.perpcarry.venue.lighter.LighterConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.spi.ResourceReload;
import org.apache.camel.support.RouteWatcherReloadStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Editing any file in routes/ while the daemon runs reloads that file only ({@link RouteFileReload}): every route of
 * the set is present and started afterwards, and the venue streams, which live outside the routes, keep both venues'
 * books fresh through each reload: no stale event, no reconnect, and updates keep coming. A file that does not load
 * changes nothing, and the error names it.
 */
class DaemonRouteReloadTest {
    static final List<String> SYMBOLS = List.of("BTC", "ETH");
    static final String CONFIG = """
            {"symbols_to_monitor": ["BTC", "ETH"], "min_net_apr_threshold": 10000, "min_volume_usd": 0}
            """;

    @TempDir
    Path data;
    @TempDir
    Path routes;
    LocalExchanges ex;
    EmulatedDaemon daemon;

    @AfterEach
    void stop() {
        try {
            if (daemon != null) {
                daemon.close();
            }
        } finally {
            if (ex != null) {
                ex.close();
            }
        }
    }

    /** Each reload the watcher makes, as it ends: the file and the error (null when the file was reloaded). */
    record Reload(String file, Exception error) {
    }

    /** Wraps the reload action Camel's watcher calls, so a test waits for the outcome instead of sleeping. */
    static BlockingQueue<Reload> watchReloads(CamelContext camel) {
        RouteWatcherReloadStrategy watcher = camel.hasService(RouteWatcherReloadStrategy.class);
        assertThat(watcher).as("routes/ watched").isNotNull();
        ResourceReload action = watcher.getResourceReload();
        assertThat(action).as("the per-file reload is installed").isInstanceOf(RouteFileReload.class);
        BlockingQueue<Reload> outcomes = new LinkedBlockingQueue<>();
        watcher.setResourceReload((name, resource) -> {
            String file = RouteFileReload.fileOf(resource).getFileName().toString();
            try {
                action.onReload(name, resource);
                outcomes.add(new Reload(file, null));
            } catch (Exception e) {
                outcomes.add(new Reload(file, e));
                throw e;
            }
        });
        return outcomes;
    }

    static Map<String, ServiceStatus> routeStates(CamelContext camel) {
        Map<String, ServiceStatus> states = new TreeMap<>();
        for (Route r : camel.getRoutes()) {
            states.put(r.getRouteId(), camel.getRouteController().getRouteStatus(r.getRouteId()));
        }
        return states;
    }

    /** Saved the way editors do (a new file renamed over the old one): one change event, one reload. */
    static void save(Path file, String content) throws Exception {
        Path edited = file.resolveSibling(file.getFileName() + ".edit");
        Files.writeString(edited, content);
        Files.move(edited, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    List<Path> startOnACopyOfRoutes() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("routes"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path f : files) {
            Files.copy(f, routes.resolve(f.getFileName()));
        }
        ex = EmulatedDaemon.exchanges(EmulatedDaemon.DEMO, 7L, 10);
        // No timers: a reload stops the file's routes gracefully, and an exchange in flight towards a direct: route
        // being replaced (scan -> lighter-snapshots, protect-events -> protect) would wait for the shutdown timeout.
        daemon = new EmulatedDaemon(ex, CONFIG, data).withReloadableRoutes(routes)
                .override("perpcarry.timers-enabled", "false").start();
        return files.stream().map(f -> routes.resolve(f.getFileName())).toList();
    }

    /** Book changes and stale marks per venue, as the engine's listener hears them. */
    static final class BookWatch implements MarketDataListener {
        final Map<Venue, CountDownLatch> changes = new ConcurrentHashMap<>();
        final List<String> stale = new CopyOnWriteArrayList<>();

        void expect(int perVenue) {
            for (Venue v : Venue.values()) {
                changes.put(v, new CountDownLatch(perVenue));
            }
            stale.clear();
        }

        @Override
        public void onBookChanged(Venue venue, String symbol) {
            CountDownLatch l = changes.get(venue);
            if (l != null) {
                l.countDown();
            }
        }

        @Override
        public void onMarketDataStale(Venue venue, String symbol) {
            stale.add(venue + " " + symbol);
        }
    }

    @Test
    void editingAnyRouteFileReloadsItAndLeavesEveryRouteStartedAndBothBooksFresh() throws Exception {
        List<Path> files = startOnACopyOfRoutes();
        CamelContext camel = daemon.camel();
        BlockingQueue<Reload> reloads = watchReloads(camel);
        Map<String, ServiceStatus> before = routeStates(camel);
        assertThat(before).as("the whole route set runs").containsKeys("scan", "open-hedge", "protect", "api-state",
                "heartbeat", "persist", "emergency-close-file", "record-write");
        LighterConnector lighter = (LighterConnector) io.perpcarry.venue.EngineTimeConnector.wire(daemon.venue(Venue.LIGHTER));
        EdgexConnector edgex = (EdgexConnector) io.perpcarry.venue.EngineTimeConnector.wire(daemon.venue(Venue.EDGEX));
        BookWatch books = new BookWatch();
        lighter.addListener(books);
        edgex.addListener(books);

        books.expect(1);
        for (Venue v : Venue.values()) {
            assertThat(books.changes.get(v).await(60, TimeUnit.SECONDS)).as(v + " books streaming").isTrue();
        }
        EmulatedDaemon.awaitTrue(java.time.Duration.ofSeconds(30), "both venues' books fresh",
                () -> SYMBOLS.stream().allMatch(s -> lighter.marketDataFresh(s) && edgex.marketDataFresh(s)));
        int lighterConnections = lighter.streams().connectionCount();

        for (Path f : files) {
            String name = f.getFileName().toString();
            books.expect(5);
            save(f, Files.readString(f) + "\n# edited by " + getClass().getSimpleName() + "\n");
            Reload reload = reloads.poll(90, TimeUnit.SECONDS);
            assertThat(reload).as("Camel reloads after editing " + name).isNotNull();
            assertThat(reload.file()).isEqualTo(name);
            assertThat(reload.error()).as("reload of " + name).isNull();
            assertThat(routeStates(camel)).as("every route present and started after editing " + name)
                    .isEqualTo(before);
            for (Venue v : Venue.values()) {
                assertThat(books.changes.get(v).await(60, TimeUnit.SECONDS))
                        .as(v + " books keep updating after editing " + name).isTrue();
            }
            for (String s : SYMBOLS) {
                assertThat(lighter.marketDataFresh(s)).as("Lighter " + s + " fresh after editing " + name).isTrue();
                assertThat(edgex.marketDataFresh(s)).as("EdgeX " + s + " fresh after editing " + name).isTrue();
            }
            assertThat(books.stale).as("no book went stale around the reload of " + name).isEmpty();
        }
        // Only routes switched off by configuration (timers off here, the recorder off by default) are not started.
        assertThat(before.entrySet().stream().filter(e -> e.getValue() != ServiceStatus.Started).map(Map.Entry::getKey))
                .allMatch(id -> id.endsWith("-timer") || id.equals("dashboard") || id.startsWith("record-"));
        assertThat(lighter.streams().connectionCount()).as("no reconnect").isEqualTo(lighterConnections);
    }

    @Test
    void anInvalidRouteFileChangesNothingAndTheErrorNamesIt() throws Exception {
        startOnACopyOfRoutes();
        CamelContext camel = daemon.camel();
        BlockingQueue<Reload> reloads = watchReloads(camel);
        Map<String, ServiceStatus> before = routeStates(camel);

        save(routes.resolve("protect.yaml"), "- route:\n    id: protect\n  from: [broken\n    steps: {\n");
        Reload reload = reloads.poll(90, TimeUnit.SECONDS);
        assertThat(reload).as("Camel tried the edited file").isNotNull();
        assertThat(reload.error()).as("invalid YAML refused").isNotNull();
        assertThat(reload.error().getMessage()).contains("protect.yaml");
        System.out.println("refused: " + reload.error().getMessage());
        assertThat(routeStates(camel)).as("the old routes keep running").isEqualTo(before);

        // A file that declares no route (as a mid-write read may see it): refused too, the routes stay.
        save(routes.resolve("protect.yaml"), "[]\n");
        reload = reloads.poll(90, TimeUnit.SECONDS);
        assertThat(reload).isNotNull();
        assertThat(reload.error().getMessage()).contains("protect.yaml").contains("declares no route");
        assertThat(routeStates(camel)).isEqualTo(before);

        // Fixed, but without the protect timer: the file loads again; a guard route dropped from it keeps running.
        String original = Files.readString(Path.of("routes/protect.yaml"));
        String withoutTimer = original.substring(original.indexOf("- route:\n    id: risk-event"));
        save(routes.resolve("protect.yaml"), withoutTimer);
        reload = reloads.poll(90, TimeUnit.SECONDS);
        assertThat(reload).isNotNull();
        assertThat(reload.error()).isNull();
        assertThat(routeStates(camel)).as("the stop-loss timer is a guard: kept").isEqualTo(before);
    }

    @Test
    void deletingARouteFileRemovesItsRoutesButNeverTheGuards() throws Exception {
        startOnACopyOfRoutes();
        CamelContext camel = daemon.camel();
        BlockingQueue<Reload> reloads = watchReloads(camel);
        Map<String, ServiceStatus> before = routeStates(camel);

        Files.delete(routes.resolve("dashboard.yaml"));
        Reload reload = reloads.poll(90, TimeUnit.SECONDS);
        assertThat(reload).as("deletion seen").isNotNull();
        assertThat(reload.error()).isNull();
        Map<String, ServiceStatus> expected = new TreeMap<>(before);
        expected.remove("dashboard");
        assertThat(routeStates(camel)).as("an ordinary route goes with its file").isEqualTo(expected);

        for (String guardFile : List.of("protect.yaml", "control.yaml")) {
            Files.delete(routes.resolve(guardFile));
            reload = reloads.poll(90, TimeUnit.SECONDS);
            assertThat(reload).as(guardFile + " deletion seen").isNotNull();
            assertThat(reload.error()).isNull();
        }
        assertThat(routeStates(camel)).as("stop-loss, risk and control-file routes keep running").isEqualTo(expected);
        assertThat(expected.keySet()).containsAll(List.of("protect-timer", "risk-event", "protect-events", "protect",
                "emergency-close-file", "control-file"));
    }
}
