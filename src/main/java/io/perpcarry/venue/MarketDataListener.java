package io.perpcarry.venue;

import io.perpcarry.domain.OrderBook;
import io.perpcarry.domain.Venue;

/**
 * Hooks a connector's streams call so the engine can react without polling. Called on the stream's thread:
 * implementations must return quickly and must not call back into the connector's blocking methods there.
 * Every method has an empty default so a listener implements only what it needs.
 */
public interface MarketDataListener {
    MarketDataListener NONE = new MarketDataListener() {
    };

    /** A local book changed (snapshot or update applied). */
    default void onBook(Venue venue, String symbol, OrderBook book) {
    }

    /** The account changed on the venue (fill, order, position, funding); read it back with {@code account()}. */
    default void onAccountChanged(Venue venue) {
    }

    /** A stream went down ({@code up=false}: books are stale, do not trade on them) or came back synced. */
    default void onStreamState(Venue venue, boolean up) {
    }
}
