package io.perpcarry.venue;

import io.perpcarry.domain.Venue;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What a venue's order records say of one of our orders, found by client order id. A venue that acknowledges
 * before it executes (Lighter) shows nothing for a while after the ack: {@link State#NOT_FOUND} is "not yet", never
 * "nothing happened".
 *
 * @param venueOrderId  the venue's id (Lighter order index as text: it may exceed 2^53), empty when not found
 * @param filledSize    base size filled so far (zero when not found)
 * @param averagePrice  volume-weighted fill price, when something filled and the venue reports it
 * @param venueStatus   the venue's own status text ("canceled-margin-not-allowed", "CANCELED/MARGIN_NOT_ENOUGH")
 */
public record OrderOutcome(Venue venue, String symbol, long clientOrderId, Optional<String> venueOrderId, State state,
                           BigDecimal filledSize, Optional<BigDecimal> averagePrice, String venueStatus) {
    public enum State {
        /** Not in the open nor the ended orders (yet): the venue may still execute it. */
        NOT_FOUND,
        /** Accepted, not finished (resting, pending, in progress). */
        OPEN,
        /** Ended completely filled. */
        FILLED,
        /** Ended with part filled (IOC remainder cancelled, ...). */
        PARTIALLY_FILLED,
        /** Ended with nothing filled: cancelled or refused after acceptance. */
        CANCELED
    }

    public OrderOutcome {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(filledSize, "filledSize");
        venueOrderId = venueOrderId == null ? Optional.empty() : venueOrderId;
        averagePrice = averagePrice == null ? Optional.empty() : averagePrice;
        venueStatus = venueStatus == null ? "" : venueStatus;
    }

    public static OrderOutcome notFound(Venue venue, String symbol, long clientOrderId) {
        return new OrderOutcome(venue, symbol, clientOrderId, Optional.empty(), State.NOT_FOUND, BigDecimal.ZERO,
                Optional.empty(), "not found");
    }

    /** Ended: nothing more will fill. */
    public boolean resolved() {
        return state == State.FILLED || state == State.PARTIALLY_FILLED || state == State.CANCELED;
    }

    public String describe() {
        return venue.displayName() + " #" + clientOrderId + " " + state + " filled " + filledSize.toPlainString()
                + (venueStatus.isEmpty() ? "" : " (" + venueStatus + ")");
    }
}
