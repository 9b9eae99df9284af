package io.perpcarry.ui;

import io.perpcarry.domain.MarketSnapshot;
import io.perpcarry.strategy.Ranking;
import java.util.List;

/** What the routes tell the screen. {@link #NONE} for headless runs and tests: it passes everything on. */
public interface Dashboard {
    Dashboard NONE = new Dashboard() {
    };

    default List<MarketSnapshot> onSnapshots(List<MarketSnapshot> snapshots) {
        return snapshots;
    }

    default Ranking onRanking(Ranking ranking) {
        return ranking;
    }

    default void refresh() {
    }
}
