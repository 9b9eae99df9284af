package io.perpcarry.emulator;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Thread-safe record of the requests both emulated venues received, oldest first. Bounded so a
 * 24/7 demo cannot run out of memory; {@link #dropped()} says how many old entries were evicted.
 */
public final class RequestLog {
    public static final int DEFAULT_CAPACITY = 20_000;

    private final Clock wallClock;
    private final int capacity;
    private final Deque<LoggedRequest> entries = new ArrayDeque<>();
    private long nextSequence = 1;
    private long dropped;

    public RequestLog() {
        this(Clock.systemUTC(), DEFAULT_CAPACITY);
    }

    public RequestLog(Clock wallClock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.wallClock = wallClock;
        this.capacity = capacity;
    }

    /** Records a request now; returns the stored entry (with its sequence number and arrival times). */
    public synchronized LoggedRequest record(VenueId venue, String method, String path, Integer txType,
                                             String side, String clientOrderId) {
        LoggedRequest entry = new LoggedRequest(nextSequence++, System.nanoTime(), wallClock.instant(),
                venue, method, path, txType, side, clientOrderId);
        if (entries.size() == capacity) {
            entries.removeFirst();
            dropped++;
        }
        entries.addLast(entry);
        return entry;
    }

    public synchronized List<LoggedRequest> list() {
        return List.copyOf(entries);
    }

    public synchronized List<LoggedRequest> list(VenueId venue) {
        List<LoggedRequest> out = new ArrayList<>();
        for (LoggedRequest r : entries) {
            if (r.venue() == venue) {
                out.add(r);
            }
        }
        return out;
    }

    public synchronized void clear() {
        entries.clear();
        dropped = 0;
    }

    public synchronized long dropped() {
        return dropped;
    }
}
