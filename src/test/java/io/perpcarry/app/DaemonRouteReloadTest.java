package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.domain.Venue;
import io.perpcarry.emulator.LocalExchanges;
import io.perpcarry.venue.MarketDataListener;
import io.perpcarry.venue.edgex.EdgexConnector;
import io.perpcarry.venue.lighter.LighterConnector;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Editing any file in routes/ while the daemon runs re-deploys every YAML route (Camel removes all routes, Java-added
 * ones included, and loads the files again). The venue streams live outside the routes, so both venues' books stay
 * fresh through each reload: no stale event, no reconnect, and updates keep coming.
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

    /** Counts down when a reload of routes/ has re-deployed its last route. */
    static final class ReloadWatch extends EventNotifierSupport {
        volatile CountDownLatch done = new CountDownLatch(1);

        @Override
        public boolean isEnabled(CamelEvent event) {
            return event instanceof CamelEvent.RouteReloadedEvent;
        }

        @Override
        public void notify(CamelEvent event) {
            CamelEvent.RouteReloadedEvent e = (CamelEvent.RouteReloadedEvent) event;
            if (e.getIndex() == e.getTotal()) {
                done.countDown();
            }
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
            reloads.done = new CountDownLatch(1);
            books.expect(5);
            Files.writeString(copy, Files.readString(copy) + "\n# edited by " + getClass().getSimpleName() + "\n");
            assertThat(reloads.done.await(90, TimeUnit.SECONDS)).as("routes reloaded after editing " + f.getFileName())
                    .isTrue();
            assertThat(daemon.camel().getRoute("heartbeat")).as("the YAML routes are back").isNotNull();
            for (Venue v : Venue.values()) {
                assertThat(books.changes.get(v).await(60, TimeUnit.SECONDS))
                        .as(v + " books keep updating after editing " + f.getFileName()).isTrue();
            }
            for (String s : SYMBOLS) {
                assertThat(lighter.marketDataFresh(s)).as("Lighter " + s + " fresh after editing " + f.getFileName()).isTrue();
                assertThat(edgex.marketDataFresh(s)).as("EdgeX " + s + " fresh after editing " + f.getFileName()).isTrue();
            }
            assertThat(books.stale).as("no book went stale around the reload of " + f.getFileName()).isEmpty();
        }
        assertThat(lighter.streams().connectionCount()).as("no reconnect").isEqualTo(lighterConnections);
    }
}
