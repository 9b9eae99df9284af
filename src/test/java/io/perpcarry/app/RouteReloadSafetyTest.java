package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.domain.Venue;
import io.perpcarry.state.BotSnapshot;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reload safety: routes/protect.yaml is broken (invalid YAML) or deleted while a hedge is held, with hot reload on.
 * The stop-loss must still fire on a price shock from the stream (the protect timer is a minute away).
 */
class RouteReloadSafetyTest extends DaemonOnFlatHype {
    @TempDir
    Path routes;

    @Override
    String config() {
        return DaemonProtectionTest.CONFIG;
    }

    private void startWithEditableRoutes() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("routes"))) {
            for (Path f : s.toList()) {
                Files.copy(f, routes.resolve(f.getFileName()));
            }
        }
        daemon.routesFrom(routes).override("camel.main.routes-reload-enabled", "true")
                .override("perpcarry.check-interval-ms", "60000").start();
        daemon.awaitHolding(Duration.ofSeconds(120));
    }

    @Test
    void invalidProtectYamlWhileHoldingKeepsTheStopLoss() throws Exception {
        startWithEditableRoutes();
        var reloads = DaemonRouteReloadTest.watchReloads(daemon.camel());
        DaemonRouteReloadTest.save(routes.resolve("protect.yaml"), "- route:\n    id: protect\n  from: [broken\n    steps: {\n");
        var reload = reloads.poll(90, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(reload).as("the watcher tried the broken file").isNotNull();
        assertThat(reload.error()).as("refused").isNotNull();
        ex.engine().shock("HYPE", new BigDecimal("-5")); // the EdgeX long loses 5 % > 1 %
        assertStopLossFired();
    }

    @Test
    void deletedProtectYamlWhileHoldingKeepsTheStopLoss() throws Exception {
        startWithEditableRoutes();
        var reloads = DaemonRouteReloadTest.watchReloads(daemon.camel());
        Files.delete(routes.resolve("protect.yaml"));
        var reload = reloads.poll(90, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(reload).as("the watcher saw the deletion").isNotNull();
        ex.engine().shock("HYPE", new BigDecimal("-5"));
        assertStopLossFired();
    }

    private void assertStopLossFired() throws Exception {
        BotSnapshot closed = daemon.await(Duration.ofSeconds(60), s -> "WAITING".equals(s.state()));
        assertThat(closed.history()).hasSize(1);
        assertThat(closed.history().get(0).stopLoss()).isTrue();
        Map<Venue, BigDecimal> sizes = daemon.sizes("HYPE");
        assertThat(sizes.values()).as("both flat: " + sizes).allSatisfy(v -> assertThat(v).isZero());
    }
}
