package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.domain.Venue;
import io.perpcarry.emulator.Fault;
import io.perpcarry.emulator.FaultKind;
import io.perpcarry.emulator.VenueId;
import io.perpcarry.state.BotSnapshot;
import io.perpcarry.state.JournalEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Lighter acknowledges sendTx before it executes: the daemon must settle each leg from the venue's order records,
 * not from a fixed pause. Flat HYPE: always long EdgeX / short Lighter.
 */
class DaemonLighterExecutionTest extends DaemonOnFlatHype {
    @Override
    String config() {
        return DaemonOpenFaultsTest.CONFIG;
    }

    /** x60 rather than x600: the emulated market has less to catch up on a loaded machine; only the open matters. */
    @Override
    @org.junit.jupiter.api.BeforeEach
    void start() {
        ex = EmulatedDaemon.exchanges(EmulatedDaemon.FLAT_HYPE, 7L, 60);
        daemon = new EmulatedDaemon(ex, config(), data);
    }

    @Test
    void aLighterLegExecutedTwoSecondsAfterItsAckIsHeldNotUnwound() throws Exception {
        ex.engine().venue(VenueId.LIGHTER).executionLatency().set(2000, 0);
        daemon.start();

        BotSnapshot holding = daemon.awaitHolding(Duration.ofSeconds(120));

        assertThat(daemon.journal("open_aborted")).as("no open was aborted").isEmpty();
        assertThat(daemon.journal("halt")).isEmpty();
        List<String> roles = daemon.journal("order_sent").stream().map(e -> e.text("role").orElse("")).toList();
        assertThat(roles).as("only the two opening legs were sent").containsExactlyInAnyOrder("OPEN_LONG", "OPEN_SHORT");
        Map<Venue, BigDecimal> sizes = daemon.sizes("HYPE");
        assertThat(sizes.get(Venue.LIGHTER)).as("the late Lighter leg is there").isNegative();
        assertThat(sizes.get(Venue.EDGEX).add(sizes.get(Venue.LIGHTER))).as("legs " + sizes).isEqualByComparingTo("0");
        assertThat(new BigDecimal(holding.position().legs().get(0).size())).isEqualByComparingTo(sizes.get(Venue.EDGEX));
    }

    @Test
    void aLighterLegRefusedAfterItsAckUnwindsTheEdgexLegAndSaysWhy() throws Exception {
        ex.engine().venue(VenueId.LIGHTER).executionLatency().set(300, 100);
        ex.faults().add(Fault.of(VenueId.LIGHTER, FaultKind.REFUSE_AFTER_ACCEPT, DaemonOpenFaultsTest.LIGHTER_CREATE_ORDER, 1));
        daemon.start();

        daemon.awaitHolding(Duration.ofSeconds(120)); // the next cycle, after the wait

        List<JournalEntry> aborted = daemon.journal("open_aborted");
        assertThat(aborted).as("the first open was aborted").hasSize(1);
        assertThat(aborted.get(0).text("reason").orElseThrow()).contains("one leg only")
                .contains("canceled-margin-not-allowed").contains("EdgeX unwound");
        assertThat(daemon.journal("order_result")).anySatisfy(r -> {
            assertThat(r.text("venue")).hasValue("lighter");
            assertThat(r.text("outcome")).as("the ack itself was an acceptance").hasValue("ACCEPTED");
        });
        List<JournalEntry> unwinds = daemon.journal("order_sent").stream()
                .filter(e -> e.text("role").orElse("").equals("UNWIND")).toList();
        assertThat(unwinds).as("one reduce-only unwind, on EdgeX").hasSize(1);
        assertThat(unwinds.get(0).text("venue")).hasValue("edgex");
        Map<Venue, BigDecimal> sizes = daemon.sizes("HYPE");
        assertThat(sizes.get(Venue.EDGEX).add(sizes.get(Venue.LIGHTER))).as("no naked leg: " + sizes)
                .isEqualByComparingTo("0");
    }
}
