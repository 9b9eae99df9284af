package io.perpcarry.app.trading;

import io.perpcarry.app.VenueSession;
import io.perpcarry.engine.Alerter;
import io.perpcarry.engine.EngineBeans;
import io.perpcarry.engine.EngineSettings;
import io.perpcarry.engine.Sleeper;
import io.perpcarry.state.DataDirLock;
import io.perpcarry.state.StateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The engine beans of a trading command on the bot's data directory. With the lock (bot stopped) the command owns
 * state.json like the bot does; without it (bot running or stuck) state.json stays the daemon's and only the journal
 * is appended to — or, if even that cannot be opened, a journal in a temporary directory, so orders are still
 * journaled before they are sent.
 */
public final class TradingDesk implements AutoCloseable {
    public enum LockPolicy {
        /** Commands that add exposure: two processes must never open on the same account. */
        REQUIRED,
        /** Commands that only take exposure off (reduce-only): they must work while the bot is stuck. */
        IF_FREE
    }

    private final VenueSession session;
    private final DataDirLock lock;
    private final EngineBeans beans;
    private final String journalNote;

    private TradingDesk(VenueSession session, DataDirLock lock, EngineBeans beans, String journalNote) {
        this.session = session;
        this.lock = lock;
        this.beans = beans;
        this.journalNote = journalNote;
    }

    /** @throws DataDirLock.DataDirLockedException with {@link LockPolicy#REQUIRED} when the bot holds the lock */
    public static TradingDesk open(VenueSession session, Path dataDir, LockPolicy policy, Alerter alerter) {
        DataDirLock lock = null;
        try {
            lock = DataDirLock.acquire(dataDir);
        } catch (DataDirLock.DataDirLockedException e) {
            if (policy == LockPolicy.REQUIRED) {
                throw e;
            }
        } catch (UncheckedIOException e) {
            if (policy == LockPolicy.REQUIRED) {
                throw e;
            }
        }
        Path journalDir = dataDir;
        String note = null;
        EngineBeans beans;
        try {
            beans = beans(session, journalDir, alerter);
        } catch (UncheckedIOException e) {
            if (lock != null) {
                lock.close();
                throw e;
            }
            journalDir = tempDir();
            note = "journal " + dataDir.resolve("journal.jsonl") + " not writable (" + e.getMessage()
                    + "); journaling to " + journalDir.resolve("journal.jsonl");
            beans = beans(session, journalDir, alerter);
        }
        StateStore store = beans.store;
        if (lock != null) {
            StateStore.load(store.stateFile()).ifPresent(s -> {
                store.restoreFrom(s);
                StateStore.positionOf(s).ifPresent(store::position);
            });
        } else {
            store.usePersister(s -> { }); // state.json belongs to the running daemon
        }
        return new TradingDesk(session, lock, beans, note);
    }

    private static EngineBeans beans(VenueSession s, Path dir, Alerter alerter) {
        return new EngineBeans(s.config(), EngineSettings.from(s.config()), dir, s.lighter(), s.edgex(),
                Clock.systemUTC(), Sleeper.REAL, alerter);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("perpcarry-journal");
        } catch (IOException e) {
            throw new UncheckedIOException("no journal can be written anywhere; refusing to send orders", e);
        }
    }

    public VenueSession session() {
        return session;
    }

    public EngineBeans beans() {
        return beans;
    }

    /** True when this command holds data/.lock (the bot is not running). */
    public boolean ownsDataDir() {
        return lock != null;
    }

    /** Where the journal went when it could not go to the data directory. */
    public Optional<String> journalNote() {
        return Optional.ofNullable(journalNote);
    }

    @Override
    public void close() {
        try {
            beans.close();
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
