package io.perpcarry.venue;

import io.perpcarry.domain.Venue;

/**
 * What a venue's streams tell the engine. Callbacks run on the stream's I/O thread: keep them short and
 * read the data back through the {@link VenueConnector} (they carry no data, so a slow reader never sees a
 * half-applied update).
 */
public interface MarketDataListener {
    /** The locally kept book of {@code symbol} changed (snapshot or update applied). */
    default void onBookChanged(Venue venue, String symbol) {
    }

    /** The book of {@code symbol} can no longer be trusted (stream down, gap); it is being resynced. */
    default void onMarketDataStale(Venue venue, String symbol) {
    }

    /** Positions, orders, trades or balances of the account changed: read the account again. */
    default void onAccountChanged(Venue venue) {
    }
}
