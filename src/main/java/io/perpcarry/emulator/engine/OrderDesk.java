package io.perpcarry.emulator.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Order flow of one venue: validation, matching against the synthetic book, resting, cancelling, and the
 * per-step work on resting orders (fills when the book moves through them, expiry). Guarded by the engine lock.
 */
final class OrderDesk {
    private final VenueState venue;

    OrderDesk(VenueState venue) {
        this.venue = venue;
    }

    OrderResult submit(long accountId, OrderRequest request, Instant now) {
        AccountState account = venue.accounts.get(accountId);
        if (account == null) {
            return OrderResult.rejected(RejectReason.UNKNOWN_ACCOUNT, venue.venue + " has no account " + accountId);
        }
        MarketState market = venue.markets.get(request.symbol());
        if (market == null) {
            return OrderResult.rejected(RejectReason.UNKNOWN_MARKET, venue.venue + " has no market " + request.symbol());
        }
        VenueMarket spec = market.market;
        BigDecimal size = request.size();
        if (size.signum() <= 0 || !Decimals.isMultiple(size, spec.stepSize())) {
            return OrderResult.rejected(RejectReason.INVALID_SIZE,
                    "size " + size.toPlainString() + " must be a positive multiple of " + spec.stepSize().toPlainString());
        }
        if (size.compareTo(spec.minSize()) < 0 || (spec.maxSize() != null && size.compareTo(spec.maxSize()) > 0)) {
            return OrderResult.rejected(RejectReason.SIZE_OUT_OF_RANGE, "size " + size.toPlainString()
                    + " must be between " + spec.minSize().toPlainString() + " and "
                    + (spec.maxSize() == null ? "unbounded" : spec.maxSize().toPlainString()));
        }
        BigDecimal price = request.limitPrice();
        if (request.type() == OrderType.LIMIT && price == null) {
            return OrderResult.rejected(RejectReason.INVALID_PRICE, "a LIMIT order needs a price");
        }
        if (price != null && (price.signum() <= 0 || !Decimals.isMultiple(price, spec.tickSize()))) {
            return OrderResult.rejected(RejectReason.INVALID_PRICE,
                    "price " + price.toPlainString() + " must be a positive multiple of " + spec.tickSize().toPlainString());
        }
        BigDecimal mark = market.book.mark();
        BigDecimal refPrice = price != null ? price : mark;
        if (!request.reduceOnly() && size.multiply(refPrice).compareTo(spec.minNotional()) < 0) {
            return OrderResult.rejected(RejectReason.NOTIONAL_TOO_SMALL, "notional " + size.multiply(refPrice).toPlainString()
                    + " is below the minimum " + spec.minNotional().toPlainString());
        }
        if (request.expiry() != null && !request.expiry().isAfter(now)) {
            return OrderResult.rejected(RejectReason.INVALID_EXPIRY, "expiry " + request.expiry() + " is not after " + now);
        }
        if (request.maxFillFraction() != null && (request.maxFillFraction().signum() <= 0
                || request.maxFillFraction().compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("maxFillFraction must be in (0, 1], was " + request.maxFillFraction());
        }
        if (request.clientOrderId() != null && venue.clientOrderIdsUniqueForever
                && account.usedClientOrderIds.contains(request.clientOrderId())) {
            return OrderResult.rejected(RejectReason.DUPLICATE_CLIENT_ORDER_ID,
                    "client order id " + request.clientOrderId() + " was already used by an order of the account");
        }
        if (request.clientOrderId() != null && account.open.stream()
                .anyMatch(o -> request.clientOrderId().equals(o.clientOrderId))) {
            return OrderResult.rejected(RejectReason.DUPLICATE_CLIENT_ORDER_ID,
                    "client order id " + request.clientOrderId() + " is already used by an open order");
        }
        BigDecimal position = account.size(request.symbol());
        if (request.reduceOnly()) {
            if (position.signum() == 0 || position.signum() == request.side().sign()) {
                return OrderResult.rejected(RejectReason.REDUCE_ONLY_WOULD_INCREASE, "reduce-only " + request.side()
                        + " with position " + position.toPlainString() + " would not reduce it");
            }
            size = size.min(position.abs()); // never more than closes the position, so it cannot flip
        }
        boolean resting = request.type() == OrderType.LIMIT
                && (request.timeInForce() == TimeInForce.GTT || request.timeInForce() == TimeInForce.POST_ONLY);
        if (request.timeInForce() == TimeInForce.POST_ONLY && crosses(market.book, request.side(), price)) {
            return OrderResult.rejected(RejectReason.POST_ONLY_WOULD_CROSS, "post-only " + request.side() + " at "
                    + price.toPlainString() + " would cross the book");
        }
        BigDecimal fillable = request.maxFillFraction() == null ? size
                : Decimals.toIncrement(size.multiply(request.maxFillFraction()), spec.stepSize(), RoundingMode.DOWN);
        if (request.timeInForce() == TimeInForce.FOK
                && (fillable.compareTo(size) < 0 || liquidity(market.book, request.side(), price).compareTo(size) < 0)) {
            return OrderResult.rejected(RejectReason.NOT_ENOUGH_LIQUIDITY, "fill-or-kill " + size.toPlainString()
                    + " cannot fill completely");
        }
        if (!request.reduceOnly()) {
            BigDecimal after = position.add(size.multiply(BigDecimal.valueOf(request.side().sign())));
            if (after.abs().compareTo(position.abs()) > 0) {
                BigDecimal otherIm = venue.initialMargin(account)
                        .subtract(venue.positionInitialMargin(account, request.symbol(), position));
                BigDecimal needed = otherIm.add(venue.positionInitialMargin(account, request.symbol(), after))
                        .add(venue.orderMargin(account));
                BigDecimal equity = venue.equity(account);
                if (needed.compareTo(equity) > 0) {
                    return OrderResult.rejected(RejectReason.INSUFFICIENT_MARGIN, "initial margin "
                            + needed.toPlainString() + " would exceed equity " + equity.toPlainString());
                }
            }
        }

        WorkingOrder order = new WorkingOrder(venue.ids.orderId(), accountId, request, size, now);
        account.open.add(order);
        if (request.clientOrderId() != null) {
            account.usedClientOrderIds.add(request.clientOrderId());
        }
        List<Fill> fills = new ArrayList<>();
        if (request.timeInForce() != TimeInForce.POST_ONLY) {
            for (BookLevel level : List.copyOf(market.book.opposite(request.side()))) {
                BigDecimal left = fillable.subtract(order.filledSize);
                if (left.signum() <= 0 || !within(request.side(), level.price(), price)) {
                    break;
                }
                BigDecimal qty = left.min(level.size());
                fills.add(venue.executeFill(account, market, order, qty, level.price(), Liquidity.TAKER, false, now));
                market.book.take(request.side(), level.price(), qty);
                venue.events.bookChanged(venue.venue, market.symbol());
            }
        }
        if (order.status == OrderStatus.OPEN && !resting) {
            order.cancel(CancelReason.IMMEDIATE_REMAINDER, now);
        }
        if (order.status != OrderStatus.OPEN) {
            account.end(order);
        } else {
            venue.events.bookChanged(venue.venue, market.symbol()); // a resting order is in the public book
        }
        Order snapshot = order.snapshot();
        venue.events.add(l -> l.onOrderChanged(venue.venue, snapshot));
        venue.events.accountChanged(venue.venue, accountId);
        return OrderResult.accepted(snapshot, fills);
    }

    /**
     * An order acknowledged earlier and refused at execution: it is recorded as accepted and canceled with no fill,
     * which is how a venue that acks before executing reports the refusal (a cancel event, not an error answer).
     */
    Order refuse(long accountId, OrderRequest request, CancelReason reason, Instant now) {
        AccountState account = venue.accounts.get(accountId);
        if (account == null) {
            return null; // the ack path already checked the account; it cannot vanish
        }
        WorkingOrder order = new WorkingOrder(venue.ids.orderId(), accountId, request, request.size(), now);
        order.cancel(reason, now);
        account.ended.addFirst(order);
        Order snapshot = order.snapshot();
        venue.events.add(l -> l.onOrderChanged(venue.venue, snapshot));
        venue.events.accountChanged(venue.venue, accountId);
        return snapshot;
    }

    private static boolean crosses(SyntheticBook book, Side side, BigDecimal price) {
        BigDecimal best = side == Side.BUY ? book.bestAsk() : book.bestBid();
        return best != null && within(side, best, price);
    }

    /** Whether a level at {@code levelPrice} is acceptable to a taker with limit {@code limit} (null = any). */
    private static boolean within(Side side, BigDecimal levelPrice, BigDecimal limit) {
        if (limit == null) {
            return true;
        }
        return side == Side.BUY ? levelPrice.compareTo(limit) <= 0 : levelPrice.compareTo(limit) >= 0;
    }

    private static BigDecimal liquidity(SyntheticBook book, Side side, BigDecimal limit) {
        BigDecimal total = BigDecimal.ZERO;
        for (BookLevel level : book.opposite(side)) {
            if (!within(side, level.price(), limit)) {
                break;
            }
            total = total.add(level.size());
        }
        return total;
    }

    CancelResult cancel(AccountState account, WorkingOrder order, Instant now) {
        if (order.status != OrderStatus.OPEN) {
            return CancelResult.failed(order.snapshot(), RejectReason.ORDER_NOT_FOUND);
        }
        order.cancel(CancelReason.USER, now);
        account.end(order);
        Order snapshot = order.snapshot();
        venue.events.add(l -> l.onOrderChanged(venue.venue, snapshot));
        venue.events.accountChanged(venue.venue, account.accountId);
        venue.events.bookChanged(venue.venue, order.symbol);
        return CancelResult.canceled(snapshot);
    }

    /**
     * Amends a resting order in place: same order id (Lighter's ModifyOrder keeps the order index), new size
     * and price. The new size must exceed what already filled; a crossing price fills at the next step.
     */
    OrderResult amend(AccountState account, WorkingOrder order, BigDecimal size, BigDecimal price, Instant now) {
        if (order.status != OrderStatus.OPEN) {
            return OrderResult.rejected(RejectReason.ORDER_NOT_FOUND, "order " + order.orderId + " is not open");
        }
        MarketState market = venue.market(order.symbol);
        VenueMarket spec = market.market;
        if (size.signum() <= 0 || !Decimals.isMultiple(size, spec.stepSize()) || size.compareTo(order.filledSize) <= 0) {
            return OrderResult.rejected(RejectReason.INVALID_SIZE, "size " + size.toPlainString()
                    + " must be a multiple of " + spec.stepSize().toPlainString() + " above the filled "
                    + order.filledSize.toPlainString());
        }
        if (price == null || price.signum() <= 0 || !Decimals.isMultiple(price, spec.tickSize())) {
            return OrderResult.rejected(RejectReason.INVALID_PRICE, "price must be a positive multiple of "
                    + spec.tickSize().toPlainString());
        }
        if (order.timeInForce == TimeInForce.POST_ONLY && crosses(market.book, order.side, price)) {
            return OrderResult.rejected(RejectReason.POST_ONLY_WOULD_CROSS, "post-only " + order.side + " at "
                    + price.toPlainString() + " would cross the book");
        }
        order.size = size;
        order.price = price;
        order.updatedAt = now;
        Order snapshot = order.snapshot();
        venue.events.add(l -> l.onOrderChanged(venue.venue, snapshot));
        venue.events.accountChanged(venue.venue, account.accountId);
        venue.events.bookChanged(venue.venue, order.symbol);
        return OrderResult.accepted(snapshot, List.of());
    }

    /** Per step: expire orders, then fill resting orders the (unfrozen) book has moved through, at their limit. */
    void onStep(Instant now) {
        for (AccountState account : venue.accounts.values()) {
            for (WorkingOrder order : List.copyOf(account.open)) {
                if (order.expiry != null && !order.expiry.isAfter(now)) {
                    end(account, order, CancelReason.EXPIRED, now);
                    continue;
                }
                MarketState market = venue.market(order.symbol);
                if (market.book.frozen() || !crosses(market.book, order.side, order.price)) {
                    continue;
                }
                BigDecimal qty = order.remaining();
                if (order.reduceOnly) {
                    BigDecimal position = account.size(order.symbol);
                    if (position.signum() == 0 || position.signum() == order.side.sign()) {
                        end(account, order, CancelReason.REDUCE_ONLY, now);
                        continue;
                    }
                    qty = qty.min(position.abs());
                }
                venue.executeFill(account, market, order, qty, order.price, Liquidity.MAKER, false, now);
                venue.events.bookChanged(venue.venue, order.symbol);
                if (order.status == OrderStatus.OPEN) {
                    order.cancel(CancelReason.REDUCE_ONLY, now); // only a reduce-only order is clipped here
                }
                account.end(order);
                Order snapshot = order.snapshot();
                venue.events.add(l -> l.onOrderChanged(venue.venue, snapshot));
            }
        }
    }

    private void end(AccountState account, WorkingOrder order, CancelReason reason, Instant now) {
        order.cancel(reason, now);
        account.end(order);
        Order snapshot = order.snapshot();
        venue.events.add(l -> l.onOrderChanged(venue.venue, snapshot));
        venue.events.accountChanged(venue.venue, account.accountId);
        venue.events.bookChanged(venue.venue, order.symbol);
    }
}
