package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.emulator.LocalExchanges;
import io.perpcarry.emulator.VenueId;
import io.perpcarry.engine.BotControl;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's JMX controls on the running daemon: {@code pause} stops new entries, {@code resume} restores them. */
class DaemonJmxTest {
    static final String CONFIG = """
            {"symbols_to_monitor": ["HYPE"], "hold_duration_hours": 8, "min_volume_usd": 0}
            """;

    @TempDir
    Path data;

    @Test
    void pauseStopsNewEntriesAndResumeRestoresThem() throws Exception {
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        ObjectName bot = new ObjectName(BotControl.OBJECT_NAME);
        try (LocalExchanges ex = EmulatedDaemon.exchanges(EmulatedDaemon.FLAT_HYPE, 7L, 600);
             EmulatedDaemon daemon = new EmulatedDaemon(ex, CONFIG, data)) {
            daemon.start(); // the MBean is registered before the routes start; the streams are not up yet
            jmx.invoke(bot, "pause", null, null);
            assertThat(jmx.getAttribute(bot, "Paused")).isEqualTo(true);

            // Streams up and several scans with fresh prices on an eligible market: still nothing sent.
            EmulatedDaemon.awaitTrue(Duration.ofSeconds(15), "5 scans with the streams up",
                    () -> scansSinceStreams(ex) >= 5);
            assertThat(daemon.orderPlacements()).as("no order while paused").isZero();
            assertThat(daemon.state().orElseThrow().paused()).isTrue();
            assertThat(jmx.getAttribute(bot, "State")).isEqualTo("IDLE");

            jmx.invoke(bot, "resume", null, null);
            daemon.awaitHolding(Duration.ofSeconds(20));
            assertThat(daemon.orderPlacements()).as("both legs once resumed").isEqualTo(2);
            assertThat(daemon.journal("paused")).singleElement().satisfies(e -> assertThat(e.text("by")).hasValue("jmx"));
            assertThat(daemon.journal("resumed")).singleElement().satisfies(e -> assertThat(e.text("by")).hasValue("jmx"));
        }
    }

    /** Lighter funding reads (one per scan) since the Lighter stream connected. */
    private static long scansSinceStreams(LocalExchanges ex) {
        var lighter = ex.requests().list(VenueId.LIGHTER);
        long connectedAt = lighter.stream().filter(r -> r.path().equals("/stream")).mapToLong(r -> r.sequence())
                .min().orElse(Long.MAX_VALUE);
        return lighter.stream().filter(r -> r.sequence() > connectedAt && r.path().equals("/api/v1/funding-rates")).count();
    }
}
