package io.perpcarry.emulator.engine;

import io.perpcarry.emulator.VenueId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Events produced while the engine holds its lock, delivered after it is released. Book and account changes
 * are only remembered by key and turned into one snapshot each when drained.
 */
final class EventBuffer {
    record BookKey(VenueId venue, String symbol) {
    }

    record AccountKey(VenueId venue, long accountId) {
    }

    private final List<Consumer<EngineListener>> ordered = new ArrayList<>();
    final Set<BookKey> books = new LinkedHashSet<>();
    final Set<AccountKey> accounts = new LinkedHashSet<>();

    void add(Consumer<EngineListener> event) {
        ordered.add(event);
    }

    void bookChanged(VenueId venue, String symbol) {
        books.add(new BookKey(venue, symbol));
    }

    void accountChanged(VenueId venue, long accountId) {
        accounts.add(new AccountKey(venue, accountId));
    }

    /** The ordered events, then the given coalesced snapshots; clears the buffer. */
    List<Consumer<EngineListener>> drain(List<Consumer<EngineListener>> coalesced) {
        List<Consumer<EngineListener>> out = new ArrayList<>(ordered);
        out.addAll(coalesced);
        ordered.clear();
        books.clear();
        accounts.clear();
        return out;
    }
}
