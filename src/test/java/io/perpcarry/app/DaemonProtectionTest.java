package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.domain.Venue;

import io.perpcarry.emulator.LoggedRequest;
import io.perpcarry.state.BotSnapshot;
import io.perpcarry.state.JournalEntry;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;


import org.junit.jupiter.api.Test;


/**
 * Taking a held hedge off on the daemon's own initiative (stop-loss on a price shock) and on the operator's
 * (emergency file drop), on both emulators over loopback. Waits between cycles are long (60 s wall) so a
 * closed hedge is not reopened during the test.
 */
class DaemonProtectionTest extends DaemonOnFlatHype {
    static final String CONFIG = """
            {"symbols_to_monitor": ["HYPE"], "hold_duration_hours": 8, "wait_between_cycles_minutes": 600,
             "min_volume_usd": 0, "stop_loss_percent": 1}
            """;

    @Override
    String config() {
        return CONFIG;
    }

    @Test
    void priceShockBeyondTheStopLossClosesBothLegsFromTheStream() throws Exception {
        // The protect timer fires once at start and then not for a minute: only stream events can react in time.
        daemon.override("perpcarry.check-interval-ms", "60000").start();
        daemon.awaitHolding(Duration.ofSeconds(30));
        long placementsBefore = daemon.orderPlacements();

        long shockedAt = System.nanoTime();
        ex.engine().shock("HYPE", new BigDecimal("-5")); // the EdgeX long loses 5 % > 1 %
        BotSnapshot closed = daemon.await(Duration.ofSeconds(10), s -> "WAITING".equals(s.state()));
        List<LoggedRequest> closes = ex.requests().list().stream().filter(EmulatedDaemon::isOrderPlacement)
                .skip(placementsBefore).toList();
        assertThat(closes).as("one close order per venue").hasSize(2)
                .extracting(LoggedRequest::venue).containsExactlyInAnyOrder(io.perpcarry.emulator.VenueId.LIGHTER,
                        io.perpcarry.emulator.VenueId.EDGEX);
        long reactionMs = (closes.stream().mapToLong(LoggedRequest::arrivalNanos).max().orElseThrow() - shockedAt) / 1_000_000;
        assertThat(reactionMs).as("shock to both close orders at the venues, ms").isLessThan(5_000);

        assertThat(closed.history()).hasSize(1);
        assertThat(closed.history().get(0).stopLoss()).isTrue();
        assertThat(daemon.journal("stop_loss")).isNotEmpty()
                .allSatisfy(e -> assertThat(e.text("kind")).hasValue("STOP_LOSS"));
        assertThat(daemon.journal("order_sent").stream().filter(e -> e.text("role").orElse("").equals("CLOSE")))
                .hasSize(2).allSatisfy(e -> assertThat(e.text("reduce_only")).hasValue("true"));
        Map<Venue, BigDecimal> sizes = daemon.sizes("HYPE");
        assertThat(sizes.values()).as("both flat: " + sizes).allSatisfy(v -> assertThat(v).isZero());
    }

    @Test
    void emergencyFileWhileHoldingLeavesBothVenuesFlatAndWritesTheReport() throws Exception {
        daemon.start();
        daemon.awaitHolding(Duration.ofSeconds(30));

        long droppedAt = System.nanoTime();
        Path control = Files.createDirectories(data.resolve("control"));
        Path staged = Files.writeString(data.resolve("EMERGENCY_CLOSE.tmp"), "operator: close everything\n");
        Files.move(staged, control.resolve("EMERGENCY_CLOSE"), StandardCopyOption.ATOMIC_MOVE);

        EmulatedDaemon.awaitTrue(Duration.ofSeconds(30), "the emergency report", () -> report(control) != null);
        assertThat(daemon.bothFlatNoOrders()).as("both venues flat, no open orders").isTrue();
        long tookMs = (System.nanoTime() - droppedAt) / 1_000_000;
        assertThat(tookMs).isLessThan(30_000);

        assertThat(Files.readString(report(control))).contains("RESULT: both venues verified flat");
        assertThat(control.resolve("EMERGENCY_CLOSE")).as("the trigger is moved to .done").doesNotExist();
        BotSnapshot after = daemon.await(Duration.ofSeconds(5), s -> "IDLE".equals(s.state()));
        assertThat(after.paused()).as("left paused until a person resumes").isTrue();
        assertThat(after.position()).isNull();
        List<JournalEntry> done = daemon.journal("emergency_close_done");
        assertThat(done).hasSize(1);
        assertThat(done.get(0).text("flat")).hasValue("true");
        // The emergency close is the only one acting: protection must not read its half-done work as a broken
        // hedge and send a second reduce-only close of its own.
        assertThat(daemon.journal("risk_close")).as("risk closes during the emergency close").isEmpty();
        assertThat(daemon.journal("order_sent")).filteredOn(e -> e.text("role").orElse("").equals("CLOSE")).isEmpty();
    }

    private static Path report(Path control) {
        try (Stream<Path> files = Files.list(control)) {
            return files.filter(p -> p.getFileName().toString().startsWith("report-EMERGENCY_CLOSE-")).findFirst().orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
