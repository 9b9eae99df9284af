package io.perpcarry.engine;

import static io.perpcarry.engine.Fixture.BTC;
import static io.perpcarry.domain.TestMarkets.lighterSpec;
import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.state.BotState;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmergencyCloseTest {
    @TempDir
    Path dir;
    Fixture f;

    @BeforeEach
    void setUp() {
        f = new Fixture(dir);
        f.lighter.market(lighterSpec("ETH", "0.0002"), "3000", "0.0001");
    }

    @AfterEach
    void tearDown() {
        BotControl.unregister();
        f.close();
    }

    @Test
    void closesEverythingOnBothVenuesEvenWhenHalted() throws Exception {
        f.open();
        f.lighter.position("ETH", "2", "3000"); // not the bot's
        f.edgex.restingOrder(BTC, 0);
        f.beans.engine.halt("test");
        Path trigger = Files.createDirectories(dir.resolve("control")).resolve("EMERGENCY_CLOSE");
        Files.writeString(trigger, "");
        String report = f.beans.emergencyClose.onTrigger(trigger.toString(), "");
        assertThat(f.lighter.size(BTC)).isZero();
        assertThat(f.lighter.size("ETH")).isZero();
        assertThat(f.edgex.size(BTC)).isZero();
        assertThat(f.edgex.openOrders()).isEmpty();
        assertThat(report).contains("verified flat");
        assertThat(f.beans.engine.state()).isEqualTo(BotState.IDLE);
        assertThat(f.beans.store.paused()).isTrue();
        try (var files = Files.list(dir.resolve("control"))) {
            assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("report-EMERGENCY_CLOSE"));
        }
    }

    @Test
    void protectionStandsAsideWhileTheEmergencyCloseRuns() {
        f.open();
        java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.List<Object> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        f.lighter.onOrder = o -> {
            if (once.compareAndSet(false, true)) {
                // Lighter's leg already gone, EdgeX's not yet: what the guard would read half-way through.
                f.lighter.position(BTC, "0", "50000");
                seen.add(f.beans.riskGuard.check());
                seen.add(f.beans.closer.close(CloseRequest.manual("jmx")));
            }
        };
        String report = f.beans.emergencyClose.run(false, "test");
        assertThat(report).contains("verified flat");
        assertThat(seen).hasSize(2);
        assertThat(((RiskVerdict) seen.get(0)).closeNeeded()).as("risk guard during the emergency close").isFalse();
        assertThat(((HedgeCloser.CloseOutcome) seen.get(1)).message()).contains("emergency close under way");
        assertThat(f.journalTypes()).doesNotContain("risk_close", "position_closed");
        assertThat(f.journal()).filteredOn(e -> e.type().equals("order_sent"))
                .allSatisfy(e -> assertThat(e.text("role")).hasValueSatisfying(r -> assertThat(r).isIn("OPEN_LONG", "OPEN_SHORT", "EMERGENCY")));
        assertThat(f.beans.engine.state()).isEqualTo(BotState.IDLE);
        assertThat(f.beans.engine.emergencyUnderway()).isFalse();
    }

    @Test
    void dryRunOnlyLists() {
        f.open();
        String report = f.beans.emergencyClose.run(true, "test");
        assertThat(report).contains("DRY RUN").contains("HOLDS BTC");
        assertThat(f.lighter.size(BTC)).isEqualByComparingTo("-0.006");
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HOLDING);
    }

    @Test
    void aVenueThatCannotBeTradedLeavesTheHedgeWholeAndHalts() {
        f.open();
        f.edgex.authRefused = true; // a revoked key, a clock outside the venue's signature window
        String report = f.beans.emergencyClose.run(false, "test");
        assertThat(report).contains("nothing sent", "EdgeX refuses our requests", "NOT CLOSED");
        assertThat(f.lighter.size(BTC)).isEqualByComparingTo("-0.006");
        assertThat(f.lighter.orders).hasSize(1); // the opening leg only
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HALTED);
    }

    @Test
    void aVenueClockBeyondWhatItsOrdersAllowLeavesTheHedgeWhole() {
        f.open();
        f.lighter.clockTolerance = java.time.Duration.ofMinutes(9);
        f.lighter.clockSkew = java.time.Duration.ofMinutes(11);
        String report = f.beans.emergencyClose.run(false, "test");
        assertThat(report).contains("nothing sent", "Lighter clock +660 s");
        assertThat(f.edgex.size(BTC)).isEqualByComparingTo("0.006");
        assertThat(f.lighter.size(BTC)).isEqualByComparingTo("-0.006");
    }

    @Test
    void notFlatAfterwardsHalts() {
        f.open();
        f.lighter.refuseReduceOnly = true;
        String report = f.beans.emergencyClose.run(false, "test");
        assertThat(report).contains("NOT FLAT");
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HALTED);
    }

    @Test
    void jmxPauseResumeAndAttributes() throws Exception {
        f.beans.reconciler.ensureReconciled();
        new BotControl(new ControlActions(f.beans.engine, f.beans.journal, f.beans.emergencyClose, r -> "ok")).register();
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName(BotControl.OBJECT_NAME);
        server.invoke(name, "pause", null, null);
        assertThat(server.getAttribute(name, "Paused")).isEqualTo(true);
        assertThat(f.beans.engine.onRanking(f.ranking()).action()).isEqualTo(EngineDecision.Action.WAIT);
        server.invoke(name, "resume", null, null);
        assertThat(f.beans.engine.onRanking(f.ranking()).action()).isEqualTo(EngineDecision.Action.OPEN);
        assertThat(server.getAttribute(name, "State")).isEqualTo("OPENING");
        assertThat(server.getAttribute(name, "Position")).isEqualTo("none");
        assertThat(server.getAttribute(name, "NetPnlUsd")).isEqualTo("0");
        assertThat(f.journalTypes()).contains("paused", "resumed");
    }
}
