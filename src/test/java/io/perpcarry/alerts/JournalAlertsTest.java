package io.perpcarry.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.state.Journal;
import io.perpcarry.state.JournalEntry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which journaled events become alerts, read back as the engine writes them (through a real journal). */
class JournalAlertsTest {
    @TempDir
    Path dir;

    @Test
    void openCloseUnwoundAndNotFlatBecomeAlertsAndRoutineEventsDoNot() {
        List<Alert> alerts = new ArrayList<>();
        Journal journal = new Journal(dir.resolve("journal.jsonl"), Clock.systemUTC());
        journal.listen(e -> JournalAlerts.of(e).ifPresent(alerts::add));

        journal.append("position_opened", Map.of("cycle_id", 5, "symbol", "ETH", "long_venue", "edgex", "long_size", "0.5",
                "long_entry", "3400.1", "short_venue", "lighter", "short_size", "0.5", "short_entry", "3401.2"));
        journal.append("position_closed", Map.of("cycle_id", 5, "symbol", "ETH", "reason", "end of hold", "net_pnl", "1.27"));
        journal.append("open_aborted", Map.of("cycle_id", 6, "reason", "one leg only [..]; Lighter unwound"));
        journal.append("open_aborted", Map.of("cycle_id", 7, "reason", "no leg filled"));
        journal.append("emergency_close_done", Map.of("flat", false));
        journal.append("emergency_close_done", Map.of("flat", true));
        journal.append("risk_close", Map.of("kind", "IMBALANCE", "reason", "legs differ by 12%"));
        journal.append("state_change", Map.of("from", "IDLE", "to", "WAITING"));
        journal.append("order_sent", Map.of("cycle_id", 5));

        assertThat(alerts).extracting(Alert::kind).containsExactly(AlertKind.OPENED, AlertKind.CLOSED,
                AlertKind.LEG_UNWOUND, AlertKind.NOT_FLAT, AlertKind.RISK_CLOSE);
        assertThat(alerts.get(0).text()).isEqualTo("ETH cycle 5 opened: long edgex 0.5 @ 3400.1, short lighter 0.5 @ 3401.2");
        assertThat(alerts.get(1).text()).isEqualTo("ETH cycle 5 closed (end of hold): net PnL 1.27 USD");
        assertThat(alerts.get(1).key()).isEqualTo("closed|5");
        assertThat(alerts.get(2).text()).contains("cycle 6", "Lighter unwound");
    }

    @Test
    void theEnginesHaltAndTheJournaledHaltShareOneKey() {
        java.time.Instant t = java.time.Instant.now();
        Alert engine = AlertPublisher.fromEngine("HALTED: venue gone", t);
        Optional<Alert> journaled = JournalAlerts.of(new JournalEntry(t, "halt", Map.of("reason", "venue gone")));
        assertThat(engine.kind()).isEqualTo(AlertKind.HALT);
        assertThat(journaled).map(Alert::key).contains(engine.key());
        assertThat(AlertPublisher.fromEngine("something else", t).kind()).isEqualTo(AlertKind.ENGINE);
    }
}
