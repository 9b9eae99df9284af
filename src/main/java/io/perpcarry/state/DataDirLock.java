package io.perpcarry.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One bot per data directory: two instances would both trade the same account. Holds an OS lock on
 * {@code data/.lock} for the life of the process (released by the OS if the process dies).
 */
public final class DataDirLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    public static DataDirLock acquire(Path dataDir) {
        Path file = dataDir.resolve(".lock");
        FileChannel ch = null;
        try {
            Files.createDirectories(dataDir);
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l = ch.tryLock();
            if (l == null) {
                throw new DataDirLockedException(dataDir);
            }
            return new DataDirLock(file, ch, l);
        } catch (OverlappingFileLockException e) {
            closeQuietly(ch);
            throw new DataDirLockedException(dataDir);
        } catch (DataDirLockedException e) {
            closeQuietly(ch);
            throw e;
        } catch (IOException e) {
            closeQuietly(ch);
            throw new UncheckedIOException("cannot lock " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    /** Another perpcarry holds the data directory. */
    public static final class DataDirLockedException extends RuntimeException {
        public DataDirLockedException(Path dataDir) {
            super("another perpcarry instance holds " + dataDir.resolve(".lock")
                    + "; refusing to start (two bots would trade the same account)");
        }
    }
}
