package io.perpcarry.venue.lighter;

import static io.perpcarry.crypto.lighter.LighterConstants.ORDER_TYPE_LIMIT;
import static io.perpcarry.crypto.lighter.LighterConstants.ORDER_TYPE_MARKET;
import static io.perpcarry.crypto.lighter.LighterConstants.TIF_GOOD_TILL_TIME;
import static io.perpcarry.crypto.lighter.LighterConstants.TIF_IMMEDIATE_OR_CANCEL;
import static io.perpcarry.crypto.lighter.LighterConstants.TIF_POST_ONLY;

import io.perpcarry.crypto.lighter.CancelAllOrdersTx;
import io.perpcarry.crypto.lighter.CancelOrderTx;
import io.perpcarry.crypto.lighter.CreateOrderTx;
import io.perpcarry.crypto.lighter.L2TxAttributes;
import io.perpcarry.crypto.lighter.LighterConstants;
import io.perpcarry.crypto.lighter.LighterTxContext;
import io.perpcarry.crypto.lighter.UpdateLeverageTx;
import io.perpcarry.domain.MarketSpec;
import io.perpcarry.domain.OrderSide;
import io.perpcarry.domain.Venue;
import io.perpcarry.strategy.LighterScaling;
import io.perpcarry.venue.OrderRequest;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Our orders → Lighter transactions. Prices and sizes become integers by the market's decimals, exactly:
 * a value off the grid or below the market's minimums is refused here, before anything is signed —
 * rounding would send an order other than the one the engine priced.
 */
final class LighterOrders {
    /** Resting orders live this long (the SDK's default expiry is 28 days; Lighter's maximum is 30). */
    static final Duration GOOD_TILL = Duration.ofDays(28);

    private LighterOrders() {
    }

    /**
     * LIMIT_IOC: limit, immediate-or-cancel, OrderExpiry 0. LIMIT_GTT / LIMIT_POST_ONLY: limit with an expiry.
     * MARKET: market, immediate-or-cancel, OrderExpiry 0, the price being the worst acceptable.
     */
    static CreateOrderTx createOrder(LighterTxContext ctx, LighterMarket market, OrderRequest order, long nowMillis) {
        checkMinimums(market.spec(), order);
        LighterScaling scaling = market.scaling();
        long baseAmount = scaled(() -> scaling.baseAmountToInt(order.size()), market, "size");
        long price = scaled(() -> scaling.priceToInt(order.price()), market, "price");
        long goodTill = nowMillis + GOOD_TILL.toMillis();
        int type;
        int tif;
        long expiry;
        switch (order.type()) {
            case LIMIT_IOC -> {
                type = ORDER_TYPE_LIMIT;
                tif = TIF_IMMEDIATE_OR_CANCEL;
                expiry = 0;
            }
            case LIMIT_GTT -> {
                type = ORDER_TYPE_LIMIT;
                tif = TIF_GOOD_TILL_TIME;
                expiry = goodTill;
            }
            case LIMIT_POST_ONLY -> {
                type = ORDER_TYPE_LIMIT;
                tif = TIF_POST_ONLY;
                expiry = goodTill;
            }
            case MARKET -> {
                type = ORDER_TYPE_MARKET;
                tif = TIF_IMMEDIATE_OR_CANCEL;
                expiry = 0;
            }
            default -> throw new IllegalStateException("unhandled order type " + order.type());
        }
        return new CreateOrderTx(ctx, market.marketId(), order.clientOrderId(), baseAmount, price,
                order.side() == OrderSide.SELL ? 1 : 0, type, tif, order.reduceOnly() ? 1 : 0, 0, expiry,
                L2TxAttributes.none());
    }

    /** {@code orderId} is Lighter's order index or our client order index: the venue accepts either. */
    static CancelOrderTx cancelOrder(LighterTxContext ctx, LighterMarket market, String orderId) {
        long index;
        try {
            index = Long.parseLong(orderId.trim());
        } catch (NumberFormatException e) {
            throw invalid("order id '" + orderId + "' is not a Lighter order index");
        }
        if (index < 1 || index > LighterConstants.MAX_ORDER_INDEX) {
            throw invalid("order id " + index + " is outside Lighter's order index range");
        }
        return new CancelOrderTx(ctx, market.marketId(), index, L2TxAttributes.none());
    }

    /** Cancels every order of the account at once (not scheduled). */
    static CancelAllOrdersTx cancelAll(LighterTxContext ctx) {
        return new CancelAllOrdersTx(ctx, LighterConstants.CANCEL_ALL_IMMEDIATE, 0, L2TxAttributes.none());
    }

    /**
     * Cross margin at {@code leverage}: InitialMarginFraction = int(10000 / leverage), as the SDK computes it
     * (so 3x becomes 3333, i.e. 3.0003x). Refused above the market's maximum leverage.
     */
    static UpdateLeverageTx crossLeverage(LighterTxContext ctx, LighterMarket market, int leverage) {
        return new UpdateLeverageTx(ctx, market.marketId(), marginFraction(market, leverage),
                LighterConstants.MARGIN_MODE_CROSS, L2TxAttributes.none());
    }

    /** UpdateLeverage's initial margin fraction for {@code leverage}: int(10000 / leverage), as the SDK sends. */
    static int marginFraction(LighterMarket market, int leverage) {
        if (leverage < 1 || leverage > LighterConstants.MARGIN_FRACTION_TICK) {
            throw invalid("leverage must be 1.." + LighterConstants.MARGIN_FRACTION_TICK + ", got " + leverage);
        }
        int imf = LighterConstants.MARGIN_FRACTION_TICK / leverage;
        if (imf < market.minInitialMarginFraction()) {
            throw invalid(market.spec().label() + " allows at most "
                    + LighterConstants.MARGIN_FRACTION_TICK / market.minInitialMarginFraction() + "x, asked " + leverage + "x");
        }
        return imf;
    }

    private static void checkMinimums(MarketSpec spec, OrderRequest order) {
        // Reduce-only orders close what is there: the venue's minimums are for opening size.
        if (order.reduceOnly()) {
            return;
        }
        if (order.size().compareTo(spec.minBaseSize()) < 0) {
            throw invalid(spec.label() + " size " + order.size().toPlainString() + " is below the minimum "
                    + spec.minBaseSize().toPlainString());
        }
        BigDecimal notional = order.size().multiply(order.price());
        if (notional.compareTo(spec.minQuoteNotional()) < 0) {
            throw invalid(spec.label() + " notional " + notional.toPlainString() + " is below the minimum "
                    + spec.minQuoteNotional().toPlainString());
        }
    }

    private interface Scaled {
        long get();
    }

    private static long scaled(Scaled conversion, LighterMarket market, String what) {
        try {
            return conversion.get();
        } catch (IllegalArgumentException e) {
            throw invalid(market.spec().label() + " " + what + ": " + e.getMessage());
        }
    }

    static VenueException invalid(String message) {
        return new VenueException(Venue.LIGHTER, VenueErrorKind.INVALID_REQUEST, message);
    }
}
