package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.domain.Venue;
import io.perpcarry.emulator.Fault;
import io.perpcarry.emulator.FaultMatch;
import io.perpcarry.emulator.VenueId;
import io.perpcarry.state.BotSnapshot;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Regression of chaos {@code faults --faults sample --seed 11}, cell 2 (DELAY_MS open EDGEX): the EdgeX opening
 * order is answered after the client timeout (UNKNOWN_OUTCOME) and fills late. The bot must resolve it from the
 * venue's record by client order id and treat it as its own; still unresolved at the settle deadline, unwind its
 * partner and, when it fills late, the late fill; never leave a filled EdgeX leg it does not know about. The flat HYPE market gives long EdgeX / short Lighter.
 */
class DaemonLateLegSeed11Test extends DaemonOnFlatHype {
    static final FaultMatch EDGEX_CREATE_ORDER = new FaultMatch("/api/v2/private/order/createOrder", null, null, null, null);

    @Override
    String config() {
        return DaemonOpenFaultsTest.CONFIG;
    }

    @Test
    void seed11EdgexOrderAnsweredPastTheTimeoutEndsHedgedOrHaltedNeverNaked() throws Exception {
        ex.faults().add(Fault.delay(VenueId.EDGEX, EDGEX_CREATE_ORDER, 1, 15_000)); // the chaos cell's 15 s
        daemon.start();

        BotSnapshot end = daemon.await(Duration.ofSeconds(120), s -> (s.state().equals("HOLDING") && s.position() != null)
                || s.state().equals("HALTED"));

        Map<Venue, BigDecimal> sizes = daemon.sizes("HYPE");
        if (end.state().equals("HALTED")) {
            assertThat(end.haltReason()).contains("EdgeX").contains("HYPE");
        } else {
            assertThat(sizes.get(Venue.EDGEX)).as("legs " + sizes).isPositive();
            assertThat(sizes.get(Venue.EDGEX).add(sizes.get(Venue.LIGHTER))).as("legs " + sizes).isZero();
            assertThat(new BigDecimal(end.position().legs().get(0).size())).isEqualByComparingTo(sizes.get(Venue.EDGEX));
        }
    }

    @Test
    void seed11OrderUnresolvedAtTheSettleDeadlineUnwindsItsPartnerAndItsLateFillNeverLeavingANakedLeg() throws Exception {
        // past the 10 s client timeout and the 15 s settle deadline after it: unresolved when the bot decides
        ex.faults().add(Fault.delay(VenueId.EDGEX, EDGEX_CREATE_ORDER, 1, 30_000));
        daemon.start();

        EmulatedDaemon.awaitTrue(Duration.ofSeconds(90), "unresolved_leg journaled",
                () -> !daemon.journal("unresolved_leg").isEmpty());
        String planned = daemon.journal("order_sent").stream().filter(e -> e.text("venue").orElse("").equals("edgex"))
                .findFirst().orElseThrow().text("size").orElseThrow();
        assertThat(daemon.journal("unresolved_leg").get(0).text("reason").orElseThrow())
                .contains("EdgeX HYPE BUY " + planned).contains("unwound reduce-only");
        // the delayed createOrder is executed (or refused, its signature hours old in market time) meanwhile; whatever
        // it became, a late fill is the bot's own and is unwound: the legs end equal and opposite, or flat
        java.time.Instant answered = java.time.Instant.now().plusSeconds(20);
        EmulatedDaemon.awaitTrue(Duration.ofSeconds(90), "no naked leg after the delayed order's answer", () -> {
            if (java.time.Instant.now().isBefore(answered)) {
                return false;
            }
            Map<Venue, BigDecimal> sizes = daemon.sizes("HYPE");
            String state = daemon.state().orElseThrow().state();
            return sizes.get(Venue.EDGEX).add(sizes.get(Venue.LIGHTER)).signum() == 0
                    && java.util.Set.of("WAITING", "IDLE", "HOLDING").contains(state);
        });
        assertThat(daemon.journal().stream().map(e -> e.type()).toList()).as(daemon.journalText()).doesNotContain("halt");
    }
}
