package io.perpcarry.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.emulator.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalRolloverTest {
    @TempDir
    Path dir;

    @Test
    void aNewDayStartsANewPartAndEveryPartIsStillRead() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T23:59:00Z"));
        Path file = dir.resolve("journal.jsonl");
        try (Journal j = new Journal(file, clock)) {
            j.append("position_opened", Map.of("cycle_id", 7, "symbol", "BTC"));
            clock.advance(Duration.ofMinutes(2)); // 00:01 the next day
            j.append("position_closed", Map.of("cycle_id", 7, "symbol", "BTC", "net_pnl", "1.5"));
            j.append("halt", Map.of("reason", "x"));
        }
        List<Path> parts = Journal.parts(file);
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).getFileName().toString()).isEqualTo("journal-20260302T000100Z.jsonl");
        assertThat(Files.readAllLines(parts.get(0))).hasSize(1);
        assertThat(Files.readAllLines(file)).hasSize(2);
        assertThat(Journal.read(file)).extracting(JournalEntry::type)
                .containsExactly("position_opened", "position_closed", "halt");
        assertThat(Journal.read(file, Set.of("position_opened"))).hasSize(1);
    }

    @Test
    void aFullPartRollsOverWithinTheDayAndARestartKeepsAppendingToTheCurrentPart() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        Path file = dir.resolve("journal.jsonl");
        try (Journal j = new Journal(file, clock, 150)) { // about two lines a part
            for (int i = 0; i < 10; i++) {
                clock.advance(Duration.ofSeconds(1));
                j.append("order_sent", Map.of("client_order_id", i));
            }
        }
        int partsBefore = Journal.parts(file).size();
        assertThat(partsBefore).isGreaterThan(2);
        try (Journal j = new Journal(file, clock, 1_000_000)) { // restarted the same day: no new part
            j.append("order_sent", Map.of("client_order_id", 10));
            List<Long> ids = new java.util.ArrayList<>();
            j.forEachOfType(Set.of("order_sent"), e -> ids.add(e.number("client_order_id")));
            assertThat(ids).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        }
        assertThat(Journal.parts(file)).hasSize(partsBefore);
    }

    @Test
    void lastReadsNewestPartFirstAndSkipsATornLine() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        Path file = dir.resolve("journal.jsonl");
        try (Journal j = new Journal(file, clock)) {
            j.append("state_change", Map.of("from", "IDLE", "to", "OPENING", "symbol", "ETH"));
            clock.advance(Duration.ofDays(1));
            j.append("state_change", Map.of("from", "OPENING", "to", "HOLDING"));
            j.append("paused", Map.of("by", "t"));
        }
        Files.writeString(file, "{\"ts\":\"2026-03-02T10:00:01Z\",\"type\":\"state_ch", java.nio.file.StandardOpenOption.APPEND);
        try (Journal j = new Journal(file, clock)) {
            assertThat(j.last(Set.of("state_change"), e -> true).flatMap(e -> e.text("to"))).contains("HOLDING");
            assertThat(j.last(Set.of("state_change"), e -> e.text("symbol").isPresent()).flatMap(e -> e.text("symbol")))
                    .contains("ETH"); // found in the older part
            assertThat(j.last(Set.of("halt"), e -> true)).isEmpty();
        }
    }
}
