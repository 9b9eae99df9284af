/**
 * The parts of a venue connector written once for both venues (NautilusTrader's model: the same parts per venue,
 * the network layer shared): {@link io.perpcarry.venue.common.VenueSocket}, the supervised WebSocket (redial with
 * backoff, fresh handshake, resubscribe, stale detection, counters); {@link io.perpcarry.venue.common.LocalOrderBook}
 * with each venue's {@link io.perpcarry.venue.common.BookSequence}; {@link io.perpcarry.venue.common.VenueJson}, the
 * strict JSON reader; {@link io.perpcarry.venue.common.MarketDataFanOut}. Each venue package keeps its settings,
 * REST, streams, mapper, orders and catalog.
 */
package io.perpcarry.venue.common;
