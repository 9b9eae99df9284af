package io.perpcarry.engine;

import io.perpcarry.domain.MarketSnapshot;
import io.perpcarry.domain.Venue;
import java.util.ArrayList;
import java.util.List;

/** Reads one venue's snapshots of the monitored symbols (each venue's snapshot route calls its own method). */
public final class MarketScanner {
    private final Venues venues;
    private final List<String> symbols;

    public MarketScanner(Venues venues, List<String> symbols) {
        this.venues = venues;
        this.symbols = List.copyOf(symbols);
    }

    public List<MarketSnapshot> snapshots(Venue v) {
        ChaosHook.at("scan");
        return new ArrayList<>(venues.read(v, () -> venues.get(v).snapshots(symbols)).values());
    }

    public List<MarketSnapshot> lighterSnapshots() {
        return snapshots(Venue.LIGHTER);
    }

    public List<MarketSnapshot> edgexSnapshots() {
        return snapshots(Venue.EDGEX);
    }
}
