package io.perpcarry.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.perpcarry.domain.PositionSide;
import io.perpcarry.domain.Venue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void journalLinesAreJsonWithTsAndTypeAndReadBack() throws Exception {
        try (Journal j = new Journal(dir.resolve("journal.jsonl"), clock)) {
            j.append("state_change", Map.of("from", BotState.IDLE, "to", BotState.ANALYZING));
            j.append("fill", Map.of("size", new BigDecimal("0.0060")));
            List<String> lines = Files.readAllLines(j.file());
            assertThat(lines).hasSize(2);
            JsonNode first = Json.MAPPER.readTree(lines.get(0));
            assertThat(first.get("ts").asText()).isEqualTo(T0.toString());
            assertThat(first.get("type").asText()).isEqualTo("state_change");
            assertThat(first.get("to").asText()).isEqualTo("ANALYZING");
            assertThat(Json.MAPPER.readTree(lines.get(1)).get("size").isTextual()).isTrue();
            assertThat(j.readAll()).extracting(JournalEntry::type).containsExactly("state_change", "fill");
        }
    }

    @Test
    void tornLastLineIsSkipped() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (Journal j = new Journal(file, clock)) {
            j.append("a");
        }
        Files.writeString(file, "{\"ts\":\"2026-01-01T00:00:00Z\",\"ty", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(Journal.read(file)).extracting(JournalEntry::type).containsExactly("a");
    }

    @Test
    void concurrentAppendsAreWholeLines() throws Exception {
        try (Journal j = new Journal(dir.resolve("journal.jsonl"), clock)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            for (int i = 0; i < 200; i++) {
                int n = i;
                pool.submit(() -> j.append("e", Map.of("n", n)));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            assertThat(j.readAll()).hasSize(200);
        }
    }

    @Test
    void stateJsonHoldsStatePositionHistoryAndStats() throws Exception {
        StateStore s = new StateStore(dir, clock);
        s.setState(BotState.HOLDING);
        s.position(position());
        s.record(result(true));
        s.persist();
        JsonNode json = Json.MAPPER.readTree(s.stateFile().toFile());
        assertThat(json.get("state").asText()).isEqualTo("HOLDING");
        JsonNode p = json.get("position");
        assertThat(p.get("symbol").asText()).isEqualTo("BTC");
        assertThat(p.get("opened_at").asText()).isEqualTo(T0.toString());
        assertThat(p.get("target_close_at").asText()).isEqualTo(T0.plusSeconds(28800).toString());
        assertThat(p.get("legs").get(0).get("entry_price").asText()).isEqualTo("50001.01");
        assertThat(json.get("stats").get("funding_received").get("lighter").asText()).isEqualTo("0.15");
        assertThat(json.get("history")).hasSize(1);
        assertThat(Files.exists(dir.resolve("state.json.tmp"))).isFalse();

        StateStore back = new StateStore(dir, clock);
        BotSnapshot loaded = StateStore.load(s.stateFile()).orElseThrow();
        back.restoreFrom(loaded);
        assertThat(back.stats()).isEqualTo(s.stats());
        assertThat(StateStore.positionOf(loaded)).contains(position());
    }

    @Test
    void stateJsonIsNeverSeenHalfWritten() throws Exception {
        StateStore s = new StateStore(dir, clock);
        s.persist();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                StateStore.load(s.stateFile()).orElseThrow(); // throws on a partial file
                reads.incrementAndGet();
            }
        });
        reader.start();
        for (int i = 0; i < 300; i++) {
            s.record(result(i % 2 == 0));
            s.persist();
        }
        stop.set(true);
        reader.join();
        assertThat(reads.get()).isPositive();
    }

    @Test
    void cycleStatsAddUpPerVenue() {
        CycleStats s = CycleStats.EMPTY.plus(result(true)).plus(result(false));
        assertThat(s.cycles()).isEqualTo(2);
        assertThat(s.stopLosses()).isEqualTo(1);
        assertThat(s.fundingReceived(Venue.LIGHTER)).isEqualByComparingTo("0.30");
        assertThat(s.fees()).isEqualByComparingTo("0.8");
        assertThat(s.tradingPnl()).isEqualByComparingTo("-2");
        assertThat(s.netPnl()).isEqualByComparingTo("-2.5"); // -2 trading - 0.8 fees + 0.3 funding
        assertThat(s.volumeUsd()).isEqualByComparingTo("2560");
    }

    @Test
    void secondInstanceOnTheSameDataDirIsRefused() {
        try (DataDirLock first = DataDirLock.acquire(dir)) {
            assertThatThrownBy(() -> DataDirLock.acquire(dir)).isInstanceOf(DataDirLock.DataDirLockedException.class);
        }
        DataDirLock.acquire(dir).close();
    }

    static HeldPosition position() {
        return new HeldPosition(1_767_225_600L, "BTC",
                new HeldLeg(Venue.EDGEX, PositionSide.LONG, new BigDecimal("0.006"), new BigDecimal("50001.01")),
                new HeldLeg(Venue.LIGHTER, PositionSide.SHORT, new BigDecimal("0.006"), new BigDecimal("49998.99")),
                new BigDecimal("0.001"), T0, T0.plusSeconds(28800));
    }

    static CycleResult result(boolean stopLoss) {
        return new CycleResult(1, "BTC", Venue.EDGEX, T0, T0.plusSeconds(3600), "test", stopLoss,
                Map.of(Venue.LIGHTER, new VenuePnl(new BigDecimal("-0.5"), new BigDecimal("0.2"), new BigDecimal("0.15")),
                        Venue.EDGEX, new VenuePnl(new BigDecimal("-0.5"), new BigDecimal("0.2"), BigDecimal.ZERO)),
                new BigDecimal("1280"));
    }

    @Test
    void stateJsonWithAnUnknownStateNamesTheFileAndTheValue() throws Exception {
        Path file = dir.resolve(StateStore.FILE_NAME);
        Files.writeString(file, "{\"state\": \"NAPPING\"}");
        assertThatThrownBy(() -> StateStore.load(file)).hasMessageContaining(file.toString())
                .hasMessageContaining("unknown state \"NAPPING\"");
        Files.writeString(file, "{\"paused\": false}");
        assertThatThrownBy(() -> StateStore.load(file)).hasMessageContaining(file.toString())
                .hasMessageContaining("unknown state (none)");
    }
}
