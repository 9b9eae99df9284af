package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.domain.Venue;
import io.perpcarry.emulator.Fault;
import io.perpcarry.emulator.FaultMatch;
import io.perpcarry.emulator.VenueId;
import io.perpcarry.state.BotSnapshot;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Regression of chaos {@code faults --faults sample --seed 11}, cell 2 (DELAY_MS open EDGEX): the EdgeX opening
 * order is answered after the client timeout (UNKNOWN_OUTCOME) and fills late. The bot must resolve it from the
 * venue's record by client order id and treat it as its own, or HALT naming venue, symbol and size; never leave a
 * filled EdgeX leg it does not know about and wait forever. The flat HYPE market gives long EdgeX / short Lighter.
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
    void seed11OrderUnresolvedAtTheSettleDeadlineHaltsNamingItAndAClearedHaltLeavesNoNakedLeg() throws Exception {
        // past the 10 s client timeout and the 15 s settle deadline after it: unresolved when the bot decides
        ex.faults().add(Fault.delay(VenueId.EDGEX, EDGEX_CREATE_ORDER, 1, 30_000));
        daemon.start();

        BotSnapshot halted = daemon.awaitState(Duration.ofSeconds(90), "HALTED");
        String planned = daemon.journal("order_sent").stream().filter(e -> e.text("venue").orElse("").equals("edgex"))
                .findFirst().orElseThrow().text("size").orElseThrow();
        assertThat(halted.haltReason()).contains("UNRESOLVED LEG").contains("EdgeX HYPE BUY " + planned);
        // the delayed createOrder is executed (or refused, its signature hours old in market time) meanwhile
        java.time.Instant answered = java.time.Instant.now().plusSeconds(20);
        EmulatedDaemon.awaitTrue(Duration.ofSeconds(40), "the delayed order's answer",
                () -> java.time.Instant.now().isAfter(answered));

        Path control = Files.createDirectories(daemon.dataDir().resolve("control"));
        Files.writeString(control.resolve("CLEAR_HALT"), "by=test\n");

        // whatever the late order became, the legs are the bot's: a hedge held, or the lone leg unwound
        EmulatedDaemon.awaitTrue(Duration.ofSeconds(60), "reconciled after the cleared halt", () -> {
            java.util.List<String> types = daemon.journal().stream().map(e -> e.type()).toList();
            return types.lastIndexOf("recovered") > types.lastIndexOf("halt_cleared") && types.contains("halt_cleared");
        });
        assertThat(daemon.state().orElseThrow().state()).as(daemon.journalText()).isIn("HOLDING", "WAITING", "IDLE");
        Map<Venue, BigDecimal> sizes = daemon.sizes("HYPE");
        assertThat(sizes.get(Venue.EDGEX).add(sizes.get(Venue.LIGHTER))).as("no naked leg: " + sizes).isZero();
    }
}
