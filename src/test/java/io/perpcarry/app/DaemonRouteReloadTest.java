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
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Editing any file in routes/ while the daemon runs makes Camel remove every route (Java-added ones included: EdgeX's
 * streams used to be such routes) and load the files again. The venue streams live outside the routes, so both
 * venues' books stay fresh through each reload: no stale event, no reconnect, and updates keep coming.
 *
 * <p>Found while writing this test, not fixed here (routes/app area): with the whole route set, Camel's reload
 * fails re-adding the routes ("Failed to start route: ... duplicate route id"), leaving the daemon with a few
 * routes; it reports this as a WARN from FileWatcherResourceReloadStrategy. The test prints the outcome.
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

    /**
     * Counts down when Camel acts on an edit of routes/: a route removed (the reload removes every route, Java-added
     * ones included) or the reload finished. The reload of the whole route set can itself fail today ("duplicate
     * route id", see the class comment), so its success is reported, not asserted, here.
     */
    static final class ReloadWatch extends EventNotifierSupport {
        volatile CountDownLatch acted = new CountDownLatch(1);
        volatile boolean reloaded;

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof CamelEvent.RouteReloadedEvent || event instanceof CamelEvent.RouteRemovedEvent;
        }

        @Override
        public void notify(CamelEvent event) {
            if (event instanceof CamelEvent.RouteReloadedEvent e && e.getIndex() == e.getTotal()) {
                reloaded = true;
            }
            acted.countDown();
        }
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
    void editingAnyRouteFileLeavesBothVenuesBooksFreshAndUpdating() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("routes"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path f : files) {
            Files.copy(f, routes.resolve(f.getFileName()));
        }
        ex = EmulatedDaemon.exchanges(EmulatedDaemon.DEMO, 7L, 10);
        // No timers: a reload stops every route gracefully, and an exchange in flight towards a direct: route already
        // stopped (scan -> lighter-snapshots, protect-events -> protect) waits for the shutdown timeout (20 s).
        daemon = new EmulatedDaemon(ex, CONFIG, data).withReloadableRoutes(routes)
                .override("perpcarry.timers-enabled", "false").start();
        ReloadWatch reloads = new ReloadWatch();
        daemon.camel().getManagementStrategy().addEventNotifier(reloads);
        LighterConnector lighter = (LighterConnector) daemon.venue(Venue.LIGHTER);
        EdgexConnector edgex = (EdgexConnector) daemon.venue(Venue.EDGEX);
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
            Path copy = routes.resolve(f.getFileName());
            reloads.acted = new CountDownLatch(1);
            reloads.reloaded = false;
            books.expect(5);
            // Saved the way editors do (a new file renamed over the old one): one change event, one reload.
            Path edited = routes.resolve(f.getFileName() + ".edit");
            Files.writeString(edited, Files.readString(copy) + "\n# edited by " + getClass().getSimpleName() + "\n");
            Files.move(edited, copy, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            assertThat(reloads.acted.await(90, TimeUnit.SECONDS)).as("Camel reloads routes after editing " + f.getFileName())
                    .isTrue();
            for (Venue v : Venue.values()) {
                assertThat(books.changes.get(v).await(60, TimeUnit.SECONDS))
                        .as(v + " books keep updating after editing " + f.getFileName()).isTrue();
            }
            for (String s : SYMBOLS) {
                assertThat(lighter.marketDataFresh(s)).as("Lighter " + s + " fresh after editing " + f.getFileName()).isTrue();
                assertThat(edgex.marketDataFresh(s)).as("EdgeX " + s + " fresh after editing " + f.getFileName()).isTrue();
            }
            assertThat(books.stale).as("no book went stale around the reload of " + f.getFileName()).isEmpty();
            System.out.println("routes/" + f.getFileName() + " edited: books fresh; YAML routes reloaded: " + reloads.reloaded
                    + ", routes now " + daemon.camel().getRoutes().size());
        }
        assertThat(lighter.streams().connectionCount()).as("no reconnect").isEqualTo(lighterConnections);
    }
}
