package io.perpcarry.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The scripted faults, shared by both wire layers. Thread-safe: {@link #take} finds and consumes matching
 * faults atomically, so two concurrent requests never both consume the last count of a fault.
 */
public final class FaultPlan {
    private final List<Fault> faults = new ArrayList<>();
    private long nextId = 1;
    /** CLOCK_SKEW per venue (by ordinal), ms: read on every clock read of a wire layer, so lock-free. */
    private final AtomicLongArray clockSkewMs = new AtomicLongArray(VenueId.values().length);

    /**
     * Adds a fault (its id is ignored and replaced); returns it with the assigned id. A CLOCK_SKEW fault is applied
     * at once to its venue (both when none) and not stored.
     */
    public synchronized Fault add(Fault fault) {
        if (fault.kind() == FaultKind.CLOCK_SKEW) {
            for (VenueId v : fault.venue() == null ? VenueId.values() : new VenueId[] {fault.venue()}) {
                skewClock(v, fault.skewMs());
            }
            return fault;
        }
        Fault stored = fault.withId(nextId++);
        faults.add(stored);
        return stored;
    }

    public synchronized List<Fault> addAll(List<Fault> toAdd) {
        List<Fault> out = new ArrayList<>();
        for (Fault f : toAdd) {
            out.add(add(f));
        }
        return out;
    }

    /**
     * Consumes and returns the faults to apply to one request: the oldest matching terminal fault (REJECT,
     * NO_ANSWER, HTTP_429, HTTP_5XX, MALFORMED_BODY, DROP_WEBSOCKET), if any, plus every matching modifier
     * (DELAY_MS, PARTIAL_FILL), in insertion order. FREEZE_BOOK and CLOCK_SKEW faults are never taken by requests.
     * Each returned fault's count goes down by one; faults reaching zero are removed.
     */
    public synchronized List<Fault> take(FaultRequest request) {
        List<Fault> taken = new ArrayList<>();
        boolean terminalTaken = false;
        for (ListIterator<Fault> it = faults.listIterator(); it.hasNext(); ) {
            Fault f = it.next();
            if (f.kind() == FaultKind.FREEZE_BOOK || f.kind() == FaultKind.CLOCK_SKEW || !f.applies(request)) {
                continue;
            }
            if (f.kind().terminal()) {
                if (terminalTaken) {
                    continue;
                }
                terminalTaken = true;
            }
            taken.add(f);
            if (f.remaining() == 1) {
                it.remove();
            } else if (f.remaining() != Fault.FOREVER) {
                it.set(f.withRemaining(f.remaining() - 1));
            }
        }
        return taken;
    }

    /** The fault currently stored (with its remaining count), oldest first. */
    public synchronized List<Fault> list() {
        return List.copyOf(faults);
    }

    public synchronized boolean remove(long id) {
        return faults.removeIf(f -> f.id() == id);
    }

    /** Clears the faults and sets both venues' clocks right (CLOCK_SKEW 0). */
    public synchronized void clear() {
        faults.clear();
        for (VenueId v : VenueId.values()) {
            skewClock(v, 0);
        }
    }

    /** CLOCK_SKEW: the venue's wall clock runs {@code ms} ahead (negative: behind) from now on. */
    public void skewClock(VenueId venue, long ms) {
        clockSkewMs.set(venue.ordinal(), ms);
    }

    public long clockSkewMs(VenueId venue) {
        return clockSkewMs.get(venue.ordinal());
    }
}
