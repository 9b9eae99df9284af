package io.perpcarry.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.state.BotState;
import io.perpcarry.state.Journal;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An idle bot journals nothing per scan, and a year of journal lines does not stop the engine from starting. */
class JournalGrowthTest {
    /** Two state changes per 60 s scan for a year: what the idle bot used to write. */
    static final int YEAR_OF_LINES = 2 * 60 * 24 * 365;

    @TempDir
    Path dir;
    Fixture f;

    @AfterEach
    void tearDown() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void idleScansJournalNothing() throws Exception {
        f = new Fixture(dir);
        f.beans.reconciler.ensureReconciled();
        long before = Files.readAllLines(f.beans.journal.file()).size();
        for (int i = 0; i < 50; i++) {
            assertThat(f.beans.engine.onRanking(f.emptyRanking()).action()).isEqualTo(EngineDecision.Action.WAIT);
        }
        assertThat(Files.readAllLines(f.beans.journal.file())).hasSize((int) before);
        assertThat(f.beans.engine.state()).isEqualTo(BotState.IDLE);
    }

    @Test
    void aYearOfJournalStartsTheEngineInsideTheDaemonsHeap() throws Exception {
        writeYearOfIdleScans(dir.resolve("journal.jsonl"));
        // a fresh JVM with the daemon's heap: the engine beans read the journal (order ids, the last state) and
        // reconcile with the venues, as at every start
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                JournalStartProbe.class.getName(), dir.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            p.destroyForcibly();
        }
        assertThat(done).as("probe finished").isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("started: IDLE");
        System.out.println("journal of " + YEAR_OF_LINES + " lines: " + output.lines()
                .filter(l -> l.startsWith("started")).findFirst().orElse("")); // the figure, not asserted
    }

    static void writeYearOfIdleScans(Path file) throws Exception {
        Instant t = Instant.parse("2025-01-01T00:00:00Z");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < YEAR_OF_LINES / 2; i++) {
                String ts = t.plusSeconds(60L * i).toString();
                w.write("{\"ts\":\"" + ts + "\",\"type\":\"state_change\",\"from\":\"IDLE\",\"to\":\"ANALYZING\","
                        + "\"reason\":\"new ranking\"}\n");
                w.write("{\"ts\":\"" + ts + "\",\"type\":\"state_change\",\"from\":\"ANALYZING\",\"to\":\"IDLE\","
                        + "\"reason\":\"no eligible opportunity\"}\n");
            }
        }
        assertThat(Journal.parts(file)).hasSize(1);
    }
}
