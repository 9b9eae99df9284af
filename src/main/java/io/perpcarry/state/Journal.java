package io.perpcarry.state;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Append-only event log ({@code data/journal.jsonl}): one JSON object per line with {@code ts} and {@code type}.
 * Each append is written and fsync'd before it returns, so "journaled" means "on disk" — callers append before
 * they act. Thread-safe.
 *
 * <p>Rolled over by day (UTC) and by size: the current part is renamed {@code journal-YYYYMMDDTHHMMSSZ.jsonl} (when it
 * was rolled) and a new {@code journal.jsonl} begins. Older parts are kept; every read goes through them oldest first,
 * line by line, so memory does not grow with the journal. Lines are pre-filtered by their {@code "type"} before
 * being parsed: recovery reads only the few kinds of lines it needs.
 */
public final class Journal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private static final TypeReference<LinkedHashMap<String, Object>> LINE = new TypeReference<>() { };
    /** A part is rolled over past this size even within a day. */
    public static final long DEFAULT_MAX_PART_BYTES = 32L * 1024 * 1024;
    private static final DateTimeFormatter PART_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path file;
    private final Clock clock;
    private final long maxPartBytes;
    private FileChannel channel;
    private LocalDate partDay;
    private volatile String mode;
    private final List<Consumer<JournalEntry>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Journal(Path file, Clock clock) {
        this(file, clock, DEFAULT_MAX_PART_BYTES);
    }

    public Journal(Path file, Clock clock, long maxPartBytes) {
        this.file = file;
        this.clock = clock;
        this.maxPartBytes = maxPartBytes;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            this.channel = open(file);
            this.partDay = firstLineDay(file).orElseGet(this::today);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open journal " + file, e);
        }
    }

    private static FileChannel open(Path f) throws IOException {
        return FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    public Path file() {
        return file;
    }

    /** Every line from now on carries {@code "mode": mode} (PAPER: no paper line may be taken for a live one). */
    public void markEveryLine(String mode) {
        this.mode = mode;
    }

    /** Appends one event; values are written as strings (BigDecimal plain, Instant ISO, enums by name). */
    public synchronized JournalEntry append(String type, Map<String, ?> fields) {
        Instant ts = clock.instant();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("ts", ts.toString());
        line.put("type", type);
        if (mode != null) {
            line.put("mode", mode);
        }
        fields.forEach((k, v) -> {
            if (v != null) {
                line.put(k, render(v));
            }
        });
        try {
            rollIfDue(ts);
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
        JournalEntry entry = new JournalEntry(ts, type, rest);
        for (Consumer<JournalEntry> l : listeners) {
            try {
                l.accept(entry);
            } catch (RuntimeException e) {
                // Journaled already: a failing listener (alerts, metrics) must never fail the engine's step.
                LOG.warn("journal listener failed on {}: {}", type, e.toString());
            }
        }
        return entry;
    }

    /** Who hears each appended event (alerts, metrics); called after the line is on disk, must not block. */
    public void listen(Consumer<JournalEntry> l) {
        listeners.add(java.util.Objects.requireNonNull(l));
    }

    public JournalEntry append(String type) {
        return append(type, Map.of());
    }

    /** A new day (UTC) or a full part: the current part is kept under a dated name and a new one begins. */
    private void rollIfDue(Instant now) throws IOException {
        long size = channel.size();
        if (size == 0) {
            partDay = day(now);
            return;
        }
        if (day(now).equals(partDay) && size < maxPartBytes) {
            return;
        }
        channel.force(true);
        channel.close();
        Path part = file.resolveSibling(partName(now));
        for (int n = 1; Files.exists(part); n++) {
            part = file.resolveSibling(partName(now).replace(".jsonl", "-" + n + ".jsonl"));
        }
        Files.move(file, part, StandardCopyOption.ATOMIC_MOVE);
        channel = open(file);
        partDay = day(now);
        LOG.info("journal rolled over: {} kept, {} continues", part.getFileName(), file.getFileName());
    }

    private String partName(Instant now) {
        String base = file.getFileName().toString();
        String stem = base.endsWith(".jsonl") ? base.substring(0, base.length() - ".jsonl".length()) : base;
        return stem + "-" + PART_STAMP.format(now) + ".jsonl";
    }

    private LocalDate today() {
        return day(clock.instant());
    }

    /** The day the current part began, from its first line's {@code ts}. */
    private static Optional<LocalDate> firstLineDay(Path f) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            String l = r.readLine();
            if (l == null || l.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(day(Instant.parse(String.valueOf(Json.MAPPER.readValue(l, LINE).get("ts")))));
        } catch (JsonProcessingException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static LocalDate day(Instant t) {
        return t.atZone(ZoneOffset.UTC).toLocalDate();
    }

    /** Every complete line of every part, oldest first (for small journals and tests; recovery streams). */
    public synchronized List<JournalEntry> readAll() {
        return read(file);
    }

    /** Every line of the journal at {@code file} and its older parts, oldest first. */
    public static List<JournalEntry> read(Path file) {
        return read(file, Set.of());
    }

    /** The lines of the given types ({@code types} empty = all) of the journal at {@code file}, all parts. */
    public static List<JournalEntry> read(Path file, Set<String> types) {
        List<JournalEntry> out = new ArrayList<>();
        forEach(file, types, out::add);
        return out;
    }

    /** Streams the lines of the given types ({@code types} empty = all), every part oldest first. */
    public void forEachOfType(Set<String> types, Consumer<JournalEntry> action) {
        forEach(file, types, action);
    }

    /**
     * The last line of one of {@code types} that {@code match} accepts, reading parts newest first and stopping at the
     * first part that has one.
     */
    public Optional<JournalEntry> last(Set<String> types, Predicate<JournalEntry> match) {
        return last(types, "", match);
    }

    /** As {@link #last(Set, Predicate)}, parsing only lines that contain {@code rawNeedle} (e.g. a field name). */
    public Optional<JournalEntry> last(Set<String> types, String rawNeedle, Predicate<JournalEntry> match) {
        List<Path> parts = parts(file);
        for (int i = parts.size() - 1; i >= 0; i--) {
            Optional<JournalEntry> found = lastInPart(parts.get(i), types, rawNeedle, match);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Reads one part backwards from its end, 64 KB at a time, and stops at the first line that matches. */
    private static Optional<JournalEntry> lastInPart(Path part, Set<String> types, String rawNeedle,
                                                     Predicate<JournalEntry> match) {
        List<String> needles = types.stream().map(t -> "\"type\":\"" + t + "\"").toList();
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(part.toFile(), "r")) {
            long pos = f.length();
            byte[] carry = new byte[0];
            while (pos > 0) {
                int n = (int) Math.min(65_536, pos);
                pos -= n;
                byte[] chunk = new byte[n + carry.length];
                f.seek(pos);
                f.readFully(chunk, 0, n);
                System.arraycopy(carry, 0, chunk, n, carry.length);
                int end = chunk.length;
                for (int i = chunk.length - 1; i >= 0; i--) {
                    if (chunk[i] == '\n') {
                        Optional<JournalEntry> e = matchLine(new String(chunk, i + 1, end - i - 1, StandardCharsets.UTF_8),
                                needles, types, rawNeedle, match, part);
                        if (e.isPresent()) {
                            return e;
                        }
                        end = i;
                    }
                }
                carry = java.util.Arrays.copyOf(chunk, end);
            }
            return matchLine(new String(carry, StandardCharsets.UTF_8), needles, types, rawNeedle, match, part);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + part, e);
        }
    }

    private static Optional<JournalEntry> matchLine(String l, List<String> needles, Set<String> types, String rawNeedle,
                                                    Predicate<JournalEntry> match, Path part) {
        if (l.isBlank() || !needles.isEmpty() && needles.stream().noneMatch(l::contains) || !l.contains(rawNeedle)) {
            return Optional.empty();
        }
        Optional<JournalEntry> e = parse(l, part, -1);
        return e.filter(x -> types.isEmpty() || types.contains(x.type())).filter(match);
    }

    private static Optional<JournalEntry> parse(String l, Path part, int lineNo) {
        try {
            LinkedHashMap<String, Object> m = Json.MAPPER.readValue(l, LINE);
            Instant ts = Instant.parse(String.valueOf(m.remove("ts")));
            String type = String.valueOf(m.remove("type"));
            return Optional.of(new JournalEntry(ts, type, m));
        } catch (JsonProcessingException | RuntimeException ex) {
            LOG.warn("journal {} line {} unreadable, skipped: {}", part, lineNo < 0 ? "(from the end)" : lineNo,
                    ex.getMessage());
            return Optional.empty();
        }
    }

    /** The parts of the journal at {@code file}, oldest first, the current one last. */
    public static List<Path> parts(Path file) {
        String base = file.getFileName().toString();
        String stem = base.endsWith(".jsonl") ? base.substring(0, base.length() - ".jsonl".length()) : base;
        List<Path> out = new ArrayList<>();
        Path dir = file.toAbsolutePath().getParent();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> {
                    String n = p.getFileName().toString();
                    return n.startsWith(stem + "-") && n.endsWith(".jsonl");
                }).sorted(Comparator.comparing((Path p) -> p.getFileName().toString())).forEach(out::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list journal parts in " + dir, e);
            }
        }
        if (Files.exists(file)) {
            out.add(file);
        }
        return out;
    }

    private static void forEach(Path file, Set<String> types, Consumer<JournalEntry> action) {
        for (Path part : parts(file)) {
            readPart(part, types, "", action);
        }
    }

    /** One part, line by line. A torn line (crash mid-write) is skipped with a warning. */
    private static void readPart(Path part, Set<String> types, String rawNeedle, Consumer<JournalEntry> action) {
        List<String> needles = types.stream().map(t -> "\"type\":\"" + t + "\"").toList();
        try (BufferedReader r = Files.newBufferedReader(part, StandardCharsets.UTF_8)) {
            String l;
            int n = 0;
            while ((l = r.readLine()) != null) {
                n++;
                if (l.isBlank() || !needles.isEmpty() && needles.stream().noneMatch(l::contains)
                        || !l.contains(rawNeedle)) {
                    continue;
                }
                JournalEntry e;
                try {
                    LinkedHashMap<String, Object> m = Json.MAPPER.readValue(l, LINE);
                    Instant ts = Instant.parse(String.valueOf(m.remove("ts")));
                    String type = String.valueOf(m.remove("type"));
                    e = new JournalEntry(ts, type, m);
                } catch (JsonProcessingException | RuntimeException ex) {
                    LOG.warn("journal {} line {} unreadable, skipped: {}", part, n, ex.getMessage());
                    continue;
                }
                if (types.isEmpty() || types.contains(e.type())) {
                    action.accept(e);
                }
            }
        } catch (NoSuchFileException e) {
            // rolled over between listing and reading: its lines are in the renamed part, already listed or not needed
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journal " + part, e);
        }
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
