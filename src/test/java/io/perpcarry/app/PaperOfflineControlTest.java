package io.perpcarry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.perpcarry.state.StateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A paper daemon's data directory paused while the daemon is stopped: the journal line and state.json stay PAPER, and
 * {@code journal} marks every line PAPER.
 */
class PaperOfflineControlTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void pauseOfAStoppedPaperDaemonIsJournaledAsPaper() throws Exception {
        StateStore store = new StateStore(dir, Clock.systemUTC());
        store.markMode("PAPER");
        store.persist();
        EmulatorCli.Result r = EmulatorCli.run(new PauseCommand(), "--data-dir", dir.toString());
        assertThat(r.exit()).as(r.all()).isZero();
        var lines = Files.readAllLines(dir.resolve("journal.jsonl"));
        assertThat(lines).isNotEmpty().allSatisfy(l -> assertThat(JSON.readTree(l).path("mode").asText()).as(l).isEqualTo("PAPER"));
        assertThat(JSON.readTree(dir.resolve("state.json").toFile()).path("mode").asText()).isEqualTo("PAPER");
        assertThat(JSON.readTree(dir.resolve("state.json").toFile()).path("paused").asBoolean()).isTrue();

        // the journal command over a paper directory: every line PAPER, and mode in its JSON
        EmulatorCli.Result text = EmulatorCli.run(new JournalCommand(), "--data-dir", dir.toString());
        assertThat(text.exit()).as(text.all()).isZero();
        assertThat(text.out().lines().toList()).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("PAPER"));
        EmulatorCli.Result json = EmulatorCli.run(new JournalCommand(), "--data-dir", dir.toString(), "--json");
        assertThat(JSON.readTree(json.out()).path("mode").asText()).isEqualTo("PAPER");
    }
}
