package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.domain.Venue;
import io.perpcarry.emulator.Fault;
import io.perpcarry.emulator.FaultMatch;

import io.perpcarry.emulator.VenueId;
import io.perpcarry.state.BotSnapshot;
import io.perpcarry.state.JournalEntry;
import java.math.BigDecimal;

import java.time.Duration;
import java.util.List;
import java.util.Map;


import org.junit.jupiter.api.Test;


/**
 * The daemon opening a hedge while a venue misbehaves, on both emulators over loopback. The flat HYPE market
 * always gives long EdgeX (BUY) / short Lighter (SELL), so faults can name the leg they hit.
 */
class DaemonOpenFaultsTest extends DaemonOnFlatHype {
    static final String CONFIG = """
            {"symbols_to_monitor": ["HYPE"], "hold_duration_hours": 8, "wait_between_cycles_minutes": 1,
             "min_volume_usd": 0, "open_retries": 0}
            """;
    static final FaultMatch LIGHTER_CREATE_ORDER = new FaultMatch("/api/v1/sendTx", 14, null, null, null);

    @Override
    String config() {
        return CONFIG;
    }

    @Test
    void rejectedLegIsUnwoundReduceOnlyAndTheNextScanOpensAgain() throws Exception {
        ex.faults().add(Fault.reject(VenueId.LIGHTER, LIGHTER_CREATE_ORDER, 1, "21739", "not enough margin to create the order"));
        daemon.start();

        // The first open fails on Lighter; the EdgeX leg is unwound and, after the wait, a new cycle opens.
        BotSnapshot holding = daemon.awaitHolding(Duration.ofSeconds(40));

        List<JournalEntry> aborted = daemon.journal("open_aborted");
        assertThat(aborted).as("the first open was aborted").hasSize(1);
        assertThat(aborted.get(0).text("reason").orElseThrow()).contains("one leg only").contains("EdgeX unwound");
        List<JournalEntry> unwinds = daemon.journal("order_sent").stream()
                .filter(e -> e.text("role").orElse("").equals("UNWIND")).toList();
        assertThat(unwinds).as("one reduce-only unwind, on EdgeX").hasSize(1);
        assertThat(unwinds.get(0).text("venue")).hasValue("edgex");
        assertThat(unwinds.get(0).text("reduce_only")).hasValue("true");
        assertThat(unwinds.get(0).text("side")).hasValue("SELL");
        assertThat(daemon.journal("order_result")).anySatisfy(r -> {
            assertThat(r.text("venue")).hasValue("lighter");
            assertThat(r.text("outcome")).hasValue("REJECTED");
        });

        // The second cycle is a normal hedge: equal and opposite, and the first cycle left nothing behind.
        assertThat(Long.parseLong(holding.position().cycleId())).isGreaterThan(aborted.get(0).number("cycle_id"));
        Map<Venue, BigDecimal> sizes = daemon.sizes("HYPE");
        assertThat(sizes.get(Venue.EDGEX)).isPositive();
        assertThat(sizes.get(Venue.EDGEX).add(sizes.get(Venue.LIGHTER))).as("legs " + sizes).isEqualByComparingTo("0");
        assertThat(new BigDecimal(holding.position().legs().get(0).size()))
                .isEqualByComparingTo(sizes.get(Venue.EDGEX).abs());
    }

    @Test
    void partialFillIsLevelledToEqualAndOppositeLegs() throws Exception {
        ex.faults().add(Fault.partialFill(VenueId.LIGHTER, LIGHTER_CREATE_ORDER, 1, new BigDecimal("0.5")));
        daemon.start();

        BotSnapshot holding = daemon.awaitHolding(Duration.ofSeconds(30));

        // EdgeX filled in full, Lighter half: the larger leg is trimmed reduce-only (never topped up).
        List<JournalEntry> levels = daemon.journal("order_sent").stream()
                .filter(e -> e.text("role").orElse("").equals("LEVEL")).toList();
        assertThat(levels).as("one levelling order on EdgeX").hasSize(1);
        assertThat(levels.get(0).text("venue")).hasValue("edgex");
        assertThat(levels.get(0).text("reduce_only")).hasValue("true");
        BigDecimal step = new BigDecimal(holding.position().sizeStep());
        Map<Venue, BigDecimal> sizes = daemon.sizes("HYPE");
        assertThat(sizes.get(Venue.EDGEX)).isPositive();
        assertThat(sizes.get(Venue.LIGHTER)).isNegative();
        assertThat(sizes.get(Venue.EDGEX).add(sizes.get(Venue.LIGHTER)).abs()).as("legs " + sizes + " within one step " + step)
                .isLessThanOrEqualTo(step);
        BigDecimal opened = new BigDecimal(daemon.journal("order_sent").get(0).text("size").orElseThrow());
        assertThat(sizes.get(Venue.EDGEX)).as("the EdgeX leg was trimmed from " + opened).isLessThan(opened);
    }

    @Test
    void unwindRefusedHaltsAndNothingIsSentAfterwards() throws Exception {
        // Every SELL refused on both venues: the opening Lighter short and the reduce-only unwind of the EdgeX long.
        ex.faults().add(Fault.reject(VenueId.LIGHTER, new FaultMatch("/api/v1/sendTx", 14, "SELL", null, null),
                Fault.FOREVER, "21739", "not enough margin to create the order"));
        ex.faults().add(Fault.reject(VenueId.EDGEX, new FaultMatch("/api/v2/private/order/createOrder", null, "SELL", null, null),
                Fault.FOREVER, null, "order rejected"));
        daemon.start();

        BotSnapshot halted = daemon.awaitState(Duration.ofSeconds(30), "HALTED");
        assertThat(halted.haltReason()).contains("NAKED LEG").contains("EdgeX");
        assertThat(daemon.journal("halt")).hasSize(1);

        // HALTED is sticky: several more scans read the venues and send nothing.
        long placements = daemon.orderPlacements();
        long scans = fundingReads();
        EmulatedDaemon.awaitTrue(Duration.ofSeconds(10), "4 more scans", () -> fundingReads() >= scans + 4);
        assertThat(daemon.orderPlacements()).as("no order after the halt").isEqualTo(placements);
        assertThat(daemon.state().orElseThrow().state()).isEqualTo("HALTED");
        Map<Venue, BigDecimal> sizes = daemon.sizes("HYPE");
        assertThat(sizes.get(Venue.EDGEX)).as("the naked leg is still there, for a person to handle").isPositive();
        assertThat(sizes.get(Venue.LIGHTER)).isZero();
    }

    private long fundingReads() {
        return ex.requests().list(VenueId.LIGHTER).stream().filter(r -> r.path().equals("/api/v1/funding-rates")).count();
    }
}
