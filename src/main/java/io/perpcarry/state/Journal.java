package io.perpcarry.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Append-only event log ({@code data/journal.jsonl}): one JSON object per line with {@code ts} and {@code type}.
 * Each append is written and fsync'd before it returns, so "journaled" means "on disk" — callers append before
 * they act. Thread-safe.
 */
public final class Journal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final TypeReference<LinkedHashMap<String, Object>> LINE = new TypeReference<>() { };

    private final Path file;
    private final Clock clock;
    private final FileChannel channel;

    public Journal(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open journal " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** Appends one event; values are written as strings (BigDecimal plain, Instant ISO, enums by name). */
    public synchronized JournalEntry append(String type, Map<String, ?> fields) {
        Instant ts = clock.instant();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("ts", ts.toString());
        line.put("type", type);
        fields.forEach((k, v) -> {
            if (v != null) {
                line.put(k, render(v));
            }
        });
        try {
            byte[] bytes = (Json.MAPPER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8);
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        } catch (IOException e) {
            // Not journaled means we must not act: the caller gets the failure.
            throw new UncheckedIOException("cannot append to journal " + file, e);
        }
        Map<String, Object> rest = new LinkedHashMap<>(line);
        rest.remove("ts");
        rest.remove("type");
        return new JournalEntry(ts, type, rest);
    }

    public JournalEntry append(String type) {
        return append(type, Map.of());
    }

    /** Every complete line, oldest first. A torn last line (crash mid-write) is skipped with a warning. */
    public synchronized List<JournalEntry> readAll() {
        return read(file);
    }

    public static List<JournalEntry> read(Path file) {
        List<JournalEntry> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + file, e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank()) {
                continue;
            }
            try {
                LinkedHashMap<String, Object> m = Json.MAPPER.readValue(l, LINE);
                Instant ts = Instant.parse(String.valueOf(m.remove("ts")));
                String type = String.valueOf(m.remove("type"));
                out.add(new JournalEntry(ts, type, m));
            } catch (JsonProcessingException | RuntimeException e) {
                LOG.warn("journal {} line {} unreadable, skipped: {}", file, i + 1, e.getMessage());
            }
        }
        return out;
    }

    private static Object render(Object v) {
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        return v.toString();
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("closing journal {}: {}", file, e.getMessage());
        }
    }
}
