package io.perpcarry.engine;

import static io.perpcarry.engine.Fixture.BTC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.perpcarry.app.BotWiring;
import io.perpcarry.domain.Venue;
import io.perpcarry.engine.FakeVenue.Behavior;
import io.perpcarry.state.BotState;
import io.perpcarry.state.Json;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import javax.management.ObjectName;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The YAML routes in routes/ driving the engine beans over fake venues. Timers are parked; tests send to direct:. */
class CamelRoutesTest {
    static final List<String> ROUTES = List.of("scan.yaml", "hedge.yaml", "protect.yaml", "control.yaml", "persist.yaml");

    @TempDir
    Path dir;
    Fixture f;
    BotWiring wiring;
    CamelContext ctx;
    ProducerTemplate template;

    @BeforeEach
    void setUp() throws Exception {
        f = new Fixture(dir);
        start();
    }

    @AfterEach
    void tearDown() {
        stop();
        f.close();
    }

    void start() throws Exception {
        wiring = new BotWiring(f.beans, dir);
        ctx = new DefaultCamelContext();
        ctx.getShutdownStrategy().setTimeout(5);
        Properties p = new Properties();
        p.put("perpcarry.data-dir", dir.toString());
        p.put("perpcarry.scan-interval-ms", "3600000");
        p.put("perpcarry.timers-enabled", "false");
        p.put("perpcarry.check-interval-ms", "3600000");
        p.put("perpcarry.control-poll-ms", "100");
        ctx.getPropertiesComponent().setInitialProperties(p);
        wiring.bindTo(ctx.getRegistry()::bind);
        for (String r : ROUTES) {
            PluginHelper.getRoutesLoader(ctx).loadRoutes(ResourceHelper.resolveResource(ctx, "file:routes/" + r));
        }
        ctx.start();
        wiring.attach(ctx);
        template = ctx.createProducerTemplate();
    }

    void stop() {
        if (ctx != null) {
            ctx.stop();
            ctx = null;
            wiring.close();
        }
    }

    JsonNode stateJson() throws Exception {
        return Json.MAPPER.readTree(dir.resolve("state.json").toFile());
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met in 15 s");
            }
            Thread.sleep(50);
        }
    }

    @Test
    void aVenueThatCannotBeReadSkipsTheScanWithoutAnErrorAndTheNextScanOpens() throws Exception {
        f.edgex.unreachable = true;
        template.sendBody("direct:scan", null); // handled by the scan-errors route configuration: no exception
        assertThat(f.beans.engine.state()).isNotEqualTo(BotState.HOLDING);
        assertThat(f.lighter.size(BTC)).isZero();
        f.edgex.unreachable = false;
        template.sendBody("direct:scan", null);
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HOLDING);
    }

    @Test
    void fundingPublishedAfterTheCloseIsBookedThroughTheRecheckRouteAndPersisted() throws Exception {
        template.sendBody("direct:scan", null);
        f.clock.advance(Duration.ofHours(8));
        template.sendBody("direct:scan", null); // end of hold: closed, funding read (none yet)
        assertThat(f.beans.engine.state()).isEqualTo(BotState.WAITING);
        Instant closedAt = f.beans.store.history().get(0).closedAt();
        f.lighter.funding.add(new io.perpcarry.venue.FundingPayment(Venue.LIGHTER, BTC, closedAt.minusSeconds(1),
                new java.math.BigDecimal("0.0005"), new java.math.BigDecimal("-0.006"), new java.math.BigDecimal("0.3")));

        f.clock.advance(Duration.ofMinutes(61));
        template.sendBody("direct:funding-recheck", null);

        assertThat(f.journalTypes()).contains("funding_adjusted", "funding_rechecked");
        assertThat(stateJson().get("stats").get("funding_received").get("lighter").asText()).isEqualTo("0.3");
        template.sendBody("direct:funding-recheck", null);
        assertThat(f.journalTypes().stream().filter("funding_adjusted"::equals).count()).isEqualTo(1);
    }

    @Test
    void fullCycleScanOpenHoldCloseWaitIdle() throws Exception {
        template.sendBody("direct:scan", null);
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HOLDING);
        assertThat(f.lighter.size(BTC)).isEqualByComparingTo("-0.006");
        assertThat(f.edgex.size(BTC)).isEqualByComparingTo("0.006");
        JsonNode s = stateJson();
        assertThat(s.get("state").asText()).isEqualTo("HOLDING");
        assertThat(s.get("position").get("opened_at").asText()).isEqualTo(Fixture.T0.toString());
        assertThat(Files.exists(dir.resolve("state.json.tmp"))).isFalse();

        f.clock.advance(Duration.ofHours(1));
        template.sendBody("direct:scan", null);
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HOLDING);

        f.clock.advance(Duration.ofHours(7));
        template.sendBody("direct:scan", null); // end of hold, mode "always": close, then wait
        assertThat(f.beans.engine.state()).isEqualTo(BotState.WAITING);
        assertThat(f.lighter.size(BTC)).isZero();
        assertThat(f.edgex.size(BTC)).isZero();
        assertThat(stateJson().get("stats").get("cycles").asText()).isEqualTo("1");

        f.lighter.fundingRate(BTC, "0.00001"); // spread gone: nothing eligible
        f.clock.advance(Duration.ofMinutes(5));
        template.sendBody("direct:scan", null);
        assertThat(f.beans.engine.state()).isEqualTo(BotState.IDLE);
        assertThat(stateJson().get("state").asText()).isEqualTo("IDLE");
    }

    @Test
    void oneLegRejectedThroughTheRoutesIsUnwound() {
        f.edgex.next(Behavior.REJECT);
        template.sendBody("direct:scan", null);
        assertThat(f.beans.engine.state()).isEqualTo(BotState.WAITING);
        assertThat(f.lighter.size(BTC)).isZero();
        assertThat(f.edgex.size(BTC)).isZero();
    }

    @Test
    void aRefusedPlanAbortsTheOpenWithoutSendingAnything() {
        f.edgex.fresh = false;
        template.sendBody("direct:scan", null);
        assertThat(f.beans.engine.state()).isEqualTo(BotState.WAITING);
        assertThat(f.lighter.orders).isEmpty();
        assertThat(f.edgex.orders).isEmpty();
        assertThat(f.journalTypes()).contains("open_aborted");
    }

    @Test
    void aDefectInPlanningHaltsInsteadOfWaitingInOpening() {
        f.edgex.onAccountRead = () -> {
            if (f.beans.engine.state() == BotState.OPENING) {
                throw new IllegalStateException("a bean's defect while planning");
            }
        };
        template.sendBody("direct:scan", null);
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HALTED);
        assertThat(f.lighter.orders).isEmpty();
        assertThat(f.edgex.orders).isEmpty();
    }

    @Test
    void killedBetweenTheTwoLegsRestartsWithoutADuplicateOrder() throws Exception {
        f.edgex.next(Behavior.CRASH);
        assertThatThrownBy(() -> template.sendBody("direct:scan", null)).isNotNull();
        assertThat(f.lighter.size(BTC)).isEqualByComparingTo("-0.006"); // the naked leg the crash left
        assertThat(f.edgex.orders).isEmpty();
        long cycle = f.beans.store.lastCycleId();
        long openId = ClientOrderIds.of(cycle, LegRole.OPEN_SHORT, Venue.LIGHTER, 0);
        assertThat(stateJson().get("state").asText()).isEqualTo("OPENING");

        stop();
        f.restart(); // new process, same data dir, same venues
        start();
        template.sendBody("direct:scan", null); // reconciles first: the orphan is ours, unwound
        assertThat(f.lighter.size(BTC)).isZero();
        assertThat(f.beans.engine.state()).isEqualTo(BotState.WAITING);

        // The same hedge offered again (a redelivery): the idempotent repository drops it.
        EngineDecision again = EngineDecision.open(f.ranking().best().orElseThrow(), cycle, "redelivered");
        template.sendBody("direct:open-hedge", again);
        assertThat(f.lighter.ordersWithId(openId)).isEqualTo(1);
        assertThat(f.edgex.orders).isEmpty();
        assertThat(f.lighter.size(BTC)).isZero();
    }

    @Test
    void holdClockSurvivesARestart() throws Exception {
        template.sendBody("direct:scan", null);
        f.clock.advance(Duration.ofHours(5));
        stop();
        f.restart();
        start();
        template.sendBody("direct:scan", null);
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HOLDING);
        assertThat(stateJson().get("position").get("opened_at").asText()).isEqualTo(Fixture.T0.toString());
        f.clock.advance(Duration.ofHours(3));
        template.sendBody("direct:scan", null);
        assertThat(f.beans.engine.state()).isEqualTo(BotState.WAITING);
    }

    @Test
    void streamEventWithAPriceShockClosesBothLegs() throws Exception {
        template.sendBody("direct:scan", null);
        f.lighter.mid(BTC, "65000");
        f.edgex.mid(BTC, "65000");
        template.sendBody("direct:risk-event", "mark price update");
        await(() -> f.lighter.size(BTC).signum() == 0 && f.edgex.size(BTC).signum() == 0
                && f.beans.engine.state() == BotState.WAITING);
        assertThat(f.beans.store.stats().stopLosses()).isEqualTo(1);
    }

    @Test
    void emergencyCloseFileDropFlattensAndReports() throws Exception {
        template.sendBody("direct:scan", null);
        Path control = Files.createDirectories(dir.resolve("control"));
        Files.writeString(control.resolve("EMERGENCY_CLOSE"), "now");
        await(() -> f.lighter.size(BTC).signum() == 0 && f.edgex.size(BTC).signum() == 0);
        await(() -> {
            try (var files = Files.list(control)) {
                return files.anyMatch(p -> p.getFileName().toString().startsWith("report-EMERGENCY_CLOSE"));
            } catch (java.io.IOException e) {
                return false;
            }
        });
        assertThat(f.beans.store.paused()).isTrue();
        assertThat(f.journalTypes()).contains("emergency_close", "emergency_close_done");
    }

    @Test
    void resumeCommandClearsAHaltThroughTheRunningDaemonsControlRoute() throws Exception {
        f.beans.engine.halt("test halt");
        f.beans.engine.pause("test");
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(new io.perpcarry.app.ResumeCommand());
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(out, true));
        assertThat(cl.execute("--data-dir", dir.toString(), "--wait-seconds", "2")).as("a halt needs --clear-halt").isEqualTo(4);
        assertThat(out.toString()).contains("test halt", "resume --clear-halt");
        assertThat(f.beans.engine.state()).isEqualTo(BotState.HALTED);
        int code = cl.execute("--data-dir", dir.toString(), "--wait-seconds", "10", "--clear-halt");
        assertThat(code).as(out.toString()).isZero();
        assertThat(out.toString()).contains("done by the running daemon");
        assertThat(f.beans.engine.state()).isEqualTo(BotState.IDLE);
        assertThat(f.beans.engine.reconciled()).isFalse();
        assertThat(f.beans.store.paused()).as("resume lifts the pause too").isFalse();
        assertThat(f.journalTypes()).contains("halt_cleared", "resumed");
        assertThat(f.beans.engine.clearHalt("again")).startsWith("not halted");
    }

    @Test
    void jmxCloseNowGoesThroughTheCloseRoute() throws Exception {
        template.sendBody("direct:scan", null);
        ObjectName name = new ObjectName("perpcarry:type=Bot");
        assertThat(ManagementFactory.getPlatformMBeanServer().getAttribute(name, "State")).isEqualTo("HOLDING");
        ManagementFactory.getPlatformMBeanServer().invoke(name, "closeNow", null, null);
        await(() -> f.beans.engine.state() == BotState.WAITING);
        assertThat(f.lighter.size(BTC)).isZero();
    }

    @Test
    void stateJsonWrittenByThePersistRouteIsNeverSeenPartial() throws Exception {
        f.beans.store.persist();
        assertThat(Files.exists(dir.resolve("state.json"))).isTrue();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger missing = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<Throwable> bad = new java.util.concurrent.atomic.AtomicReference<>();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                try {
                    if (io.perpcarry.state.StateStore.load(dir.resolve("state.json")).isEmpty()) {
                        missing.incrementAndGet();
                    }
                    reads.incrementAndGet();
                } catch (RuntimeException e) {
                    if (Files.exists(dir.resolve("state.json"))) {
                        bad.set(e);
                    } else {
                        missing.incrementAndGet(); // deleted between exists() and read
                    }
                }
            }
        });
        reader.start();
        for (int i = 0; i < 150; i++) {
            f.beans.engine.pause("t" + i);
        }
        stop.set(true);
        reader.join();
        assertThat(bad.get()).as("a partial state.json was read").isNull();
        assertThat(missing.get()).as("state.json was missing while being replaced").isZero();
        assertThat(reads.get()).isPositive();
    }
}
