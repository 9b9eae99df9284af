package io.perpcarry.venue.common;

import io.perpcarry.domain.Venue;
import io.perpcarry.venue.MarketDataListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one listener a venue's streams call: forwards to every registered listener; one's failure stays its own. */
public final class MarketDataFanOut implements MarketDataListener {
    private static final Logger LOG = LoggerFactory.getLogger(MarketDataFanOut.class);
    private final List<MarketDataListener> listeners = new CopyOnWriteArrayList<>();

    public void add(MarketDataListener listener) {
        listeners.add(listener);
    }

    @Override
    public void onBookChanged(Venue venue, String symbol) {
        each(l -> l.onBookChanged(venue, symbol));
    }

    @Override
    public void onMarketDataStale(Venue venue, String symbol) {
        each(l -> l.onMarketDataStale(venue, symbol));
    }

    @Override
    public void onAccountChanged(Venue venue) {
        each(l -> l.onAccountChanged(venue));
    }

    private void each(Consumer<MarketDataListener> call) {
        for (MarketDataListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("market data listener {} failed: {}", l, e.toString());
            }
        }
    }
}
