package io.perpcarry.engine.camel;

import io.perpcarry.domain.Venue;
import io.perpcarry.engine.LegOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Collects the two legs' outcomes. A leg whose route threw an exception becomes an UNKNOWN outcome, so the
 * reconciler still reads positions back; a JVM {@link Error} is passed on (the process is going down and the
 * startup reconciler will sort the venues out).
 */
public final class LegOutcomeCollector implements AggregationStrategy {
    public static final String LEG_VENUE = "legVenue";

    @Override
    @SuppressWarnings("unchecked")
    public synchronized Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        Exchange result = oldExchange == null ? newExchange : oldExchange;
        if (oldExchange == null) {
            result.setProperty("legOutcomes", new ArrayList<LegOutcome>());
        }
        List<LegOutcome> outcomes = result.getProperty("legOutcomes", List.class);
        Exception e = newExchange.getException();
        if (e != null) {
            if (causedByError(e)) {
                result.setException(e);
                return result;
            }
            Venue v = newExchange.getProperty(LEG_VENUE, Venue.class);
            outcomes.add(new LegOutcome(v == null ? Venue.LIGHTER : v, 0, LegOutcome.Status.UNKNOWN, Optional.empty(),
                    "leg route failed: " + e));
            newExchange.setException(null);
        } else {
            outcomes.add(newExchange.getMessage().getBody(LegOutcome.class));
        }
        if (result.getException() == null) {
            result.getMessage().setBody(List.copyOf(outcomes));
        }
        return result;
    }

    private static boolean causedByError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof Error) {
                return true;
            }
        }
        return false;
    }
}
