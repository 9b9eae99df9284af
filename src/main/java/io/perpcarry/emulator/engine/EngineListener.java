package io.perpcarry.emulator.engine;

import io.perpcarry.emulator.VenueId;

/**
 * What the WebSocket layers push from. Called on the thread that caused the change (a request thread or
 * whoever called {@code sync}), after the engine released its lock, in the order things happened; calling
 * back into the engine from a listener is allowed. Book and account changes are coalesced per sync: one
 * call per venue and market / account however many steps changed it. Exceptions thrown by a listener are
 * logged and do not affect the engine or other listeners. Every method has an empty default.
 */
public interface EngineListener {
    default void onBookChanged(VenueId venue, OrderBookSnapshot book) {
    }

    default void onTrade(VenueId venue, Trade trade) {
    }

    default void onOrderChanged(VenueId venue, Order order) {
    }

    default void onFill(VenueId venue, Fill fill) {
    }

    default void onAccountChanged(VenueId venue, AccountSnapshot account) {
    }

    default void onFundingRateChanged(VenueId venue, FundingEstimate estimate) {
    }

    default void onFundingSettled(VenueId venue, FundingSettlement settlement) {
    }

    default void onFundingPayment(VenueId venue, FundingPayment payment) {
    }

    default void onLiquidation(VenueId venue, Liquidation liquidation) {
    }
}
