package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perpcarry.state.BotSnapshot;
import io.perpcarry.state.DataDirLock;
import io.perpcarry.state.Journal;
import io.perpcarry.state.JournalEntry;
import io.perpcarry.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** journal reads the data directory; resume clears a HALT on disk when the daemon is stopped, and refuses otherwise. */
class JournalAndResumeTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private void writeState(String state, String haltReason) {
        BotSnapshot.PositionView position = new BotSnapshot.PositionView("1767225600", "BTC", "edgex", "lighter", "0.001",
                "2026-01-01T00:00:00Z", "2026-01-01T08:00:00Z", List.of(new BotSnapshot.LegView("edgex", "LONG", "0.006", "50001"),
                new BotSnapshot.LegView("lighter", "SHORT", "0.006", "49999")));
        BotSnapshot.StatsView stats = new BotSnapshot.StatsView("1", "0", "1280", Map.of("lighter", "0.5", "edgex", "-0.1"),
                Map.of("lighter", "0.2", "edgex", "0.2"), Map.of("lighter", "1", "edgex", "-1.1"), "-0.1");
        new StateStore(dir, Clock.systemUTC()).writeAtomically(new BotSnapshot(state, false, haltReason,
                "2026-01-02T00:00:00Z", "1767225600", null, position, List.of(), stats));
        try (Journal j = new Journal(dir.resolve("journal.jsonl"), Clock.systemUTC())) {
            j.append("position_opened", Map.of("cycle_id", "1767200000", "symbol", "ETH", "long_venue", "lighter",
                    "short_venue", "edgex", "long_size", "0.1", "opened_at", "2026-01-01T00:00:00Z"));
            j.append("position_closed", Map.of("cycle_id", "1767200000", "symbol", "ETH", "reason", "hold elapsed",
                    "net_pnl", "-0.1", "volume_usd", "1280", "lighter_funding", "0.5", "edgex_funding", "-0.1"));
        }
    }

    @Test
    void journalPrintsCyclesAndTotals() throws Exception {
        writeState("HOLDING", null);
        EmulatorCli.Result r = EmulatorCli.run(new JournalCommand(), "--data-dir", dir.toString(), "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = MAPPER.readTree(r.out());
        assertThat(j.get("state").asText()).isEqualTo("HOLDING");
        assertThat(j.get("cycles").get(0).get("symbol").asText()).isEqualTo("ETH");
        assertThat(j.get("cycles").get(0).get("long_venue").asText()).isEqualTo("lighter");
        assertThat(j.get("stats").get("net_pnl").asText()).isEqualTo("-0.1");

        EmulatorCli.Result text = EmulatorCli.run(new JournalCommand(), "--data-dir", dir.toString(), "--cycles", "5");
        assertThat(text.out()).contains("state HOLDING", "holding BTC", "last 1 of 1 cycles", "ETH", "hold elapsed", "0.4",
                "totals: 1 cycles");
    }

    @Test
    void journalShowsTheCycleWithItsFundingReReadAfterTheClose() throws Exception {
        writeState("WAITING", null);
        try (Journal j = new Journal(dir.resolve("journal.jsonl"), Clock.systemUTC())) {
            Map<String, Object> adjusted = Map.of("cycle_id", "1767200000", "symbol", "ETH", "venue", "lighter",
                    "booked", "0.5", "paid", "0.62", "delta", "0.12");
            j.append("funding_adjusted", adjusted);
            j.append("funding_adjusted", adjusted); // repeated after a crash before its marker: counted once
            j.append("funding_rechecked", Map.of("cycle_id", "1767200000"));
        }
        JsonNode c = MAPPER.readTree(EmulatorCli.run(new JournalCommand(), "--data-dir", dir.toString(), "--json").out())
                .get("cycles").get(0);
        assertThat(new java.math.BigDecimal(c.get("lighter_funding").asText())).isEqualByComparingTo("0.62");
        assertThat(new java.math.BigDecimal(c.get("net_pnl").asText())).isEqualByComparingTo("0.02");
        assertThat(c.get("funding_adjusted").asText()).isEqualTo("true");
    }

    @Test
    void journalOfAMissingDirectoryNamesIt() {
        EmulatorCli.Result r = EmulatorCli.run(new JournalCommand(), "--data-dir", dir.resolve("nope").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("nope");
    }

    @Test
    void resumeWithTheDaemonStoppedClearsTheHaltOnDiskKeepingThePosition() throws Exception {
        writeState("HALTED", "a BTC hedge the bot has no record of");
        EmulatorCli.Result refused = EmulatorCli.run(new ResumeCommand(), "--data-dir", dir.toString());
        assertThat(refused.exit()).isEqualTo(4);
        assertThat(refused.err()).contains("no record of", "bin/perpcarry resume --clear-halt");

        EmulatorCli.Result r = EmulatorCli.run(new ResumeCommand(), "--data-dir", dir.toString(), "--clear-halt");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("halt cleared", "no record of", "not running");
        BotSnapshot s = StateStore.load(dir.resolve("state.json")).orElseThrow();
        assertThat(s.state()).isEqualTo("IDLE");
        assertThat(s.haltReason()).isNull();
        assertThat(s.position().symbol()).isEqualTo("BTC");
        List<JournalEntry> journal = Journal.read(dir.resolve("journal.jsonl"));
        assertThat(journal.stream().map(JournalEntry::type)).endsWith("control", "halt_cleared", "state_change");
        assertThat(journal.get(journal.size() - 3).text("by")).hasValue("cli");
        // the lock was released: a daemon can start
        DataDirLock.acquire(dir).close();

        EmulatorCli.Result again = EmulatorCli.run(new ResumeCommand(), "--data-dir", dir.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("no change", "not paused and not halted (state IDLE)");
    }

    @Test
    void pauseAndResumeWithTheDaemonStoppedShowOnStatusAndJournal() throws Exception {
        writeState("IDLE", null);
        EmulatorCli.Result p = EmulatorCli.run(new PauseCommand(), "--data-dir", dir.toString(), "--reason", "rollover");
        assertThat(p.exit()).as(p.err()).isZero();
        assertThat(StateStore.load(dir.resolve("state.json")).orElseThrow().paused()).isTrue();
        EmulatorCli.Result j = EmulatorCli.run(new JournalCommand(), "--data-dir", dir.toString());
        assertThat(j.out().lines().findFirst().orElseThrow())
                .startsWith("PAUSED by cli at ").contains("rollover", "lift with: bin/perpcarry resume");
        EmulatorCli.Result r = EmulatorCli.run(new ResumeCommand(), "--data-dir", dir.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(StateStore.load(dir.resolve("state.json")).orElseThrow().paused()).isFalse();
        assertThat(EmulatorCli.run(new JournalCommand(), "--data-dir", dir.toString()).out()).doesNotContain("PAUSED");
    }

    @Test
    void resumeRefusesWhenNeverRun() {
        EmulatorCli.Result none = EmulatorCli.run(new ResumeCommand(), "--data-dir", dir.toString());
        assertThat(none.exit()).isEqualTo(4);
        assertThat(none.err()).contains("state.json");
        writeState("HOLDING", null);
        EmulatorCli.Result r = EmulatorCli.run(new ResumeCommand(), "--data-dir", dir.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("not paused and not halted (state HOLDING)");
    }

    @Test
    void resumeWithTheDaemonRunningDropsTheTriggerAndSaysWhenUnconfirmed() throws Exception {
        writeState("HALTED", "test");
        try (DataDirLock daemon = DataDirLock.acquire(dir)) {
            EmulatorCli.Result r = EmulatorCli.run(new ResumeCommand(), "--data-dir", dir.toString(), "--wait-seconds", "1",
                    "--clear-halt");
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).contains("RESUME", "does not show it done");
            assertThat(Files.readString(dir.resolve("control/RESUME"))).contains("by=cli", "clear-halt=true");
        }
    }
}
