package io.perpcarry.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The bot's memory between journal events: state, held position, history and totals. The engine changes it (after
 * journaling); {@link #snapshot()} is what state.json holds. {@link #persist()} hands the snapshot to the persister:
 * by default an atomic write of {@code state.json} (temp file + rename); under Camel the {@code direct:persist} route.
 */
public final class StateStore {
    public static final String FILE_NAME = "state.json";
    private static final int HISTORY_KEPT = 200;

    private final Path stateFile;
    private final Clock clock;
    private volatile Consumer<BotSnapshot> persister;
    private volatile String mode;

    private BotState state = BotState.IDLE;
    private boolean paused;
    private String haltReason;
    private long lastCycleId;
    private Instant waitUntil;
    private HeldPosition position;
    private final List<CycleResult> history = new ArrayList<>();
    private CycleStats stats = CycleStats.EMPTY;

    public StateStore(Path dataDir, Clock clock) {
        this.stateFile = dataDir.resolve(FILE_NAME);
        this.clock = clock;
        this.persister = this::writeAtomically;
    }

    public Path stateFile() {
        return stateFile;
    }

    /** Camel wiring replaces the direct file write with the persist route. */
    public void usePersister(Consumer<BotSnapshot> p) {
        this.persister = p;
    }

    /** state.json says {@code mode} from now on (PAPER). */
    public void markMode(String mode) {
        this.mode = mode;
    }

    public void persist() {
        persister.accept(snapshot());
    }

    public synchronized BotSnapshot snapshot() {
        List<BotSnapshot.CycleView> h = history.stream().map(SnapshotMapper::view).toList();
        return new BotSnapshot(state.name(), paused, haltReason, clock.instant().toString(),
                lastCycleId == 0 ? null : Long.toString(lastCycleId), waitUntil == null ? null : waitUntil.toString(),
                SnapshotMapper.view(position), h, SnapshotMapper.view(stats), mode);
    }

    public void writeAtomically(BotSnapshot snapshot) {
        try {
            writeJson(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(snapshot));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize state", e);
        }
    }

    /**
     * Temp file in the same directory, fsync, then rename over state.json: a reader (or a restart after a crash)
     * sees the old file or the new one, never a partial or missing one. The persist route ends here because
     * Camel's file producer deletes the target before renaming its temp file.
     */
    public synchronized void writeJson(byte[] json) {
        try {
            Files.createDirectories(stateFile.getParent());
            Path tmp = stateFile.resolveSibling(FILE_NAME + ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(json);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, stateFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, stateFile, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + stateFile, e);
        }
    }

    public static Optional<BotSnapshot> load(Path stateFile) {
        if (!Files.exists(stateFile)) {
            return Optional.empty();
        }
        BotSnapshot s;
        try {
            s = Json.MAPPER.readValue(stateFile.toFile(), BotSnapshot.class);
        } catch (IOException e) {
            throw new UncheckedIOException("state file " + stateFile + " is unreadable; fix or move it aside", e);
        }
        if (s.state() == null || java.util.Arrays.stream(BotState.values()).noneMatch(b -> b.name().equals(s.state()))) {
            String m = "state file " + stateFile + " has an unknown state " + (s.state() == null ? "(none)"
                    : "\"" + s.state() + "\"") + " (known: " + java.util.Arrays.toString(BotState.values())
                    + "); fix or move it aside";
            throw new UncheckedIOException(m, new IOException(m));
        }
        return Optional.of(s);
    }

    /**
     * Takes back state, history and totals from a previous run. The position is not taken: the reconciler decides
     * it from what the venues hold.
     */
    public synchronized void restoreFrom(BotSnapshot s) {
        history.clear();
        history.addAll(SnapshotMapper.cycles(s.history()));
        stats = SnapshotMapper.stats(s.stats());
        paused = s.paused();
        state = BotState.valueOf(s.state());
        haltReason = s.haltReason();
        if (s.lastCycleId() != null) {
            lastCycleId = Long.parseLong(s.lastCycleId());
        }
    }

    public static Optional<HeldPosition> positionOf(BotSnapshot s) {
        return Optional.ofNullable(SnapshotMapper.position(s.position()));
    }

    public synchronized BotState state() {
        return state;
    }

    synchronized void state(BotState s) {
        state = s;
    }

    public synchronized boolean paused() {
        return paused;
    }

    public synchronized void paused(boolean p) {
        paused = p;
    }

    public synchronized Optional<String> haltReason() {
        return Optional.ofNullable(haltReason);
    }

    public synchronized void haltReason(String r) {
        haltReason = r;
    }

    public synchronized long lastCycleId() {
        return lastCycleId;
    }

    public synchronized void lastCycleId(long id) {
        lastCycleId = id;
    }

    public synchronized Optional<Instant> waitUntil() {
        return Optional.ofNullable(waitUntil);
    }

    public synchronized void waitUntil(Instant t) {
        waitUntil = t;
    }

    public synchronized Optional<HeldPosition> position() {
        return Optional.ofNullable(position);
    }

    public synchronized void position(HeldPosition p) {
        position = p;
    }

    public synchronized CycleStats stats() {
        return stats;
    }

    public synchronized List<CycleResult> history() {
        return List.copyOf(history);
    }

    public synchronized void record(CycleResult r) {
        history.add(r);
        while (history.size() > HISTORY_KEPT) {
            history.remove(0);
        }
        stats = stats.plus(r);
    }

    /**
     * A finished cycle's funding on one venue is now {@code paid} (re-read after the close): its history entry and
     * the totals move by the difference. Idempotent: applying the same figure twice changes nothing the second time.
     *
     * @return the funding booked before, empty when the cycle is no longer in the history (nothing changed)
     */
    public synchronized Optional<java.math.BigDecimal> adjustFunding(long cycleId, io.perpcarry.domain.Venue v,
                                                                     java.math.BigDecimal paid) {
        for (int i = 0; i < history.size(); i++) {
            CycleResult r = history.get(i);
            if (r.cycleId() != cycleId) {
                continue;
            }
            VenuePnl before = r.pnl().get(v);
            java.util.Map<io.perpcarry.domain.Venue, VenuePnl> pnl = new java.util.EnumMap<>(r.pnl());
            pnl.put(v, new VenuePnl(before.trading(), before.fees(), paid));
            history.set(i, new CycleResult(r.cycleId(), r.symbol(), r.longVenue(), r.openedAt(), r.closedAt(),
                    r.closeReason(), r.stopLoss(), pnl, r.volumeUsd()));
            stats = stats.withFundingMoved(v, paid.subtract(before.funding()));
            return Optional.of(before.funding());
        }
        return Optional.empty();
    }

    /** The only way to change the state: used by the engine after the transition is journaled. */
    public void setState(BotState s) {
        state(s);
    }
}
