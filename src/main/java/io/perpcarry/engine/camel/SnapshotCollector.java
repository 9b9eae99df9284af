package io.perpcarry.engine.camel;

import io.perpcarry.domain.MarketSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/** Joins both venues' snapshot lists into one list for the ranker. A failed venue read fails the scan. */
public final class SnapshotCollector implements AggregationStrategy {
    @Override
    @SuppressWarnings("unchecked")
    public synchronized Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        if (newExchange.getException() != null) {
            if (oldExchange != null) {
                oldExchange.setException(newExchange.getException());
                return oldExchange;
            }
            return newExchange;
        }
        List<MarketSnapshot> part = newExchange.getMessage().getBody(List.class);
        if (oldExchange == null) {
            newExchange.getMessage().setBody(new ArrayList<>(part));
            return newExchange;
        }
        if (oldExchange.getException() == null) {
            oldExchange.getMessage().getBody(List.class).addAll(part);
        }
        return oldExchange;
    }
}
