package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.emulator.VenueId;
import io.perpcarry.emulator.engine.Fill;
import io.perpcarry.emulator.engine.Side;
import io.perpcarry.state.JournalEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A whole cycle on the emulators (open, hold 8 hours of market time at x600, close): the PnL the journal books for it is
 * what the venues filled and charged, not the IOC limit prices the bot sent.
 */
class DaemonBookedPnlTest extends DaemonOnFlatHype {
    /** One cycle of HYPE, then a long wait: nothing reopens while the test looks. */
    static final String ONE_CYCLE = """
            {"symbols_to_monitor": ["HYPE"], "hold_duration_hours": 8, "wait_between_cycles_minutes": 600,
             "min_volume_usd": 0}
            """;

    @Override
    String config() {
        return ONE_CYCLE;
    }

    @Test
    void cyclePnlInTheJournalIsTheSumOfTheVenuesFillsAndFees() throws Exception {
        ex.engine().venue(VenueId.LIGHTER).executionLatency().set(200, 100);
        daemon.start();

        daemon.await(Duration.ofSeconds(300), snap -> !daemon.journal("position_closed").isEmpty());
        List<JournalEntry> closed = daemon.journal("position_closed");
        assertThat(closed).as("one cycle closed").hasSize(1);
        JournalEntry c = closed.get(0);

        long lighter = ex.demoCredentials().lighterAccountIndex();
        long edgex = ex.demoCredentials().edgexAccountId();
        List<Fill> lf = ex.engine().venue(VenueId.LIGHTER).fills(lighter, "HYPE", 1000);
        List<Fill> ef = ex.engine().venue(VenueId.EDGEX).fills(edgex, "HYPE", 1000);
        assertThat(lf).as("open and close on Lighter").hasSizeGreaterThanOrEqualTo(2);
        assertThat(ef).as("open and close on EdgeX").hasSizeGreaterThanOrEqualTo(2);

        assertThat(new BigDecimal(c.text("lighter_trading_pnl").orElseThrow())).isEqualByComparingTo(cash(lf));
        assertThat(new BigDecimal(c.text("edgex_trading_pnl").orElseThrow())).isEqualByComparingTo(cash(ef));
        assertThat(new BigDecimal(c.text("edgex_fees").orElseThrow())).isEqualByComparingTo(fees(ef));
        // Lighter reports fees as an integer rate (millionths of the trade's USD amount): equal to that precision
        assertThat(new BigDecimal(c.text("lighter_fees").orElseThrow()).subtract(fees(lf)).abs())
                .isLessThanOrEqualTo(new BigDecimal("0.000001").multiply(volume(lf)).add(new BigDecimal("0.000001")));
        assertThat(daemon.journal("pnl_estimated")).as("nothing booked from limit prices").isEmpty();
    }

    private static BigDecimal cash(List<Fill> fills) {
        return fills.stream().map(f -> f.side() == Side.SELL ? f.quote() : f.quote().negate())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal fees(List<Fill> fills) {
        return fills.stream().map(Fill::fee).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal volume(List<Fill> fills) {
        return fills.stream().map(Fill::quote).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
