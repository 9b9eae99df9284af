package io.perpcarry.emulator.lighter;

import static io.perpcarry.emulator.lighter.LighterErrors.INVALID_BASE_AMOUNT;
import static io.perpcarry.emulator.lighter.LighterErrors.INVALID_CLIENT_ORDER_INDEX;
import static io.perpcarry.emulator.lighter.LighterErrors.INVALID_EXPIRY;
import static io.perpcarry.emulator.lighter.LighterErrors.INVALID_MARKET_INDEX;
import static io.perpcarry.emulator.lighter.LighterErrors.INVALID_ORDER_INDEX;
import static io.perpcarry.emulator.lighter.LighterErrors.INVALID_ORDER_TYPE;
import static io.perpcarry.emulator.lighter.LighterErrors.INVALID_PRICE;
import static io.perpcarry.emulator.lighter.LighterErrors.INVALID_TIME_IN_FORCE;
import static io.perpcarry.emulator.lighter.LighterErrors.INVALID_TX_INFO;

import io.perpcarry.emulator.lighter.LighterTx.CancelAllOrders;
import io.perpcarry.emulator.lighter.LighterTx.CancelOrder;
import io.perpcarry.emulator.lighter.LighterTx.CreateOrder;
import io.perpcarry.emulator.lighter.LighterTx.Header;
import io.perpcarry.emulator.lighter.LighterTx.ModifyOrder;
import io.perpcarry.emulator.lighter.LighterTx.UpdateLeverage;
import io.perpcarry.emulator.lighter.LighterTx.UpdateMargin;

/**
 * The signer's {@code Validate()} rules (lighter-go, newest), so that a tx our own or the official signer
 * would refuse is refused here too. Messages are the signer's texts, codes the closest documented server
 * codes (21501 "invalid tx info" otherwise).
 */
final class LighterTxValidator {
    static final long MAX_ACCOUNT_INDEX = (1L << 48) - 2;
    static final long MAX_CLIENT_ORDER_INDEX = (1L << 48) - 1;
    static final long MAX_ORDER_INDEX = (1L << 60) - 1;
    static final long MAX_BASE_AMOUNT = (1L << 48) - 1;
    static final long MAX_PRICE = (1L << 32) - 1;
    static final long MAX_TIMESTAMP = (1L << 48) - 1;

    private LighterTxValidator() {
    }

    static void validate(LighterTx tx) {
        header(tx.header());
        if (tx instanceof CreateOrder o) {
            createOrder(o);
        } else if (tx instanceof CancelOrder c) {
            market(c.marketIndex());
            check(c.index() >= 1 && c.index() <= MAX_ORDER_INDEX, INVALID_ORDER_INDEX, "OrderIndex is invalid");
        } else if (tx instanceof CancelAllOrders c) {
            cancelAll(c);
        } else if (tx instanceof ModifyOrder m) {
            market(m.marketIndex());
            check(m.index() >= 1 && m.index() <= MAX_ORDER_INDEX, INVALID_ORDER_INDEX, "OrderIndex is invalid");
            check(m.baseAmount() >= 0 && m.baseAmount() <= MAX_BASE_AMOUNT, INVALID_BASE_AMOUNT,
                    "BaseAmount is out of range");
            check(m.price() >= 1 && m.price() <= MAX_PRICE, INVALID_PRICE, "OrderPrice is out of range");
            check(m.triggerPrice() >= 0 && m.triggerPrice() <= MAX_PRICE, INVALID_TX_INFO, "TriggerPrice is invalid");
        } else if (tx instanceof UpdateLeverage u) {
            check(u.marketIndex() != 255, INVALID_MARKET_INDEX, "MarketIndex is not valid");
            check(u.marginMode() == 0 || u.marginMode() == 1, INVALID_TX_INFO, "MarginMode is not valid");
            check(u.initialMarginFraction() > 0 && u.initialMarginFraction() <= 10_000, INVALID_TX_INFO,
                    "InitialMarginFraction should be in 1..10000");
        } else if (tx instanceof UpdateMargin u) {
            check(u.marketIndex() >= 0 && u.marketIndex() <= 254, INVALID_MARKET_INDEX, "MarketIndex is not valid");
            check(u.usdcAmount() > 0, INVALID_TX_INFO, "TransferAmount should be larger than 0");
            check(u.direction() == 0 || u.direction() == 1, INVALID_TX_INFO, "Margin movement direction is not valid");
        }
    }

    private static void header(Header h) {
        String attr = h.attributes().validate();
        check(attr == null, INVALID_TX_INFO, attr);
        check(h.accountIndex() >= -1 && h.accountIndex() <= MAX_ACCOUNT_INDEX, INVALID_TX_INFO,
                "AccountIndex is out of range");
        check(h.apiKeyIndex() >= 0 && h.apiKeyIndex() <= 254, INVALID_TX_INFO, "ApiKeyIndex is out of range");
        check(h.nonce() >= 0, INVALID_TX_INFO, "AccountNonce should not be less than 0");
        check(h.expiredAt() >= 0 && h.expiredAt() <= MAX_TIMESTAMP, INVALID_TX_INFO, "ExpiredAt is invalid");
    }

    private static boolean isSpot(int market) {
        return market >= 2048 && market <= 4094;
    }

    private static void market(int market) {
        check((market >= 0 && market <= 254) || isSpot(market), INVALID_MARKET_INDEX, "MarketIndex is not valid");
    }

    private static void createOrder(CreateOrder o) {
        market(o.marketIndex());
        boolean perp = !isSpot(o.marketIndex());
        check(o.clientOrderIndex() >= 0 && o.clientOrderIndex() <= MAX_CLIENT_ORDER_INDEX,
                INVALID_CLIENT_ORDER_INDEX, "ClientOrderIndex is out of range");
        check(o.reduceOnly() == 1 || o.baseAmount() != 0, INVALID_BASE_AMOUNT, "BaseAmount should not be less than 1");
        check(o.baseAmount() >= 0 && o.baseAmount() <= MAX_BASE_AMOUNT, INVALID_BASE_AMOUNT,
                "BaseAmount is out of range");
        check(o.price() >= 1 && o.price() <= MAX_PRICE, INVALID_PRICE, "OrderPrice is out of range");
        check(o.isAsk() == 0 || o.isAsk() == 1, INVALID_TX_INFO, "IsAsk should be 0 or 1");
        int tif = o.timeInForce();
        check(tif >= 0 && tif <= 2, INVALID_TIME_IN_FORCE, "OrderTimeInForce is not valid");
        check((o.reduceOnly() == 0 || o.reduceOnly() == 1) && !(!perp && o.reduceOnly() == 1), INVALID_TX_INFO,
                "ReduceOnly is invalid");
        check(o.orderExpiry() >= 0, INVALID_EXPIRY, "OrderExpiry is invalid");
        boolean noExpiry = o.orderExpiry() == 0;
        boolean noTrigger = o.triggerPrice() == 0;
        switch (o.type()) {
            case CreateOrder.MARKET -> {
                check(tif == CreateOrder.IOC, INVALID_TIME_IN_FORCE, "OrderTimeInForce is not valid");
                check(noExpiry, INVALID_EXPIRY, "OrderExpiry is invalid");
                check(noTrigger, INVALID_TX_INFO, "TriggerPrice is invalid");
            }
            case CreateOrder.LIMIT -> {
                check(noTrigger, INVALID_TX_INFO, "TriggerPrice is invalid");
                check(tif == CreateOrder.IOC ? noExpiry : !noExpiry, INVALID_EXPIRY, "OrderExpiry is invalid");
            }
            case CreateOrder.STOP_LOSS, CreateOrder.TAKE_PROFIT -> {
                check(perp, INVALID_ORDER_TYPE, "OrderType is not valid");
                check(tif == CreateOrder.IOC, INVALID_TIME_IN_FORCE, "OrderTimeInForce is not valid");
                check(!noTrigger, INVALID_TX_INFO, "TriggerPrice is invalid");
                check(!noExpiry, INVALID_EXPIRY, "OrderExpiry is invalid");
            }
            case CreateOrder.STOP_LOSS_LIMIT, CreateOrder.TAKE_PROFIT_LIMIT -> {
                check(perp, INVALID_ORDER_TYPE, "OrderType is not valid");
                check(!noTrigger, INVALID_TX_INFO, "TriggerPrice is invalid");
                check(!noExpiry, INVALID_EXPIRY, "OrderExpiry is invalid");
            }
            case CreateOrder.TWAP -> {
                check(tif == CreateOrder.GTT, INVALID_TIME_IN_FORCE, "OrderTimeInForce is not valid");
                check(noTrigger, INVALID_TX_INFO, "TriggerPrice is invalid");
                check(!noExpiry, INVALID_EXPIRY, "OrderExpiry is invalid");
            }
            default -> throw LighterApiException.badRequest(INVALID_ORDER_TYPE, "OrderType is not valid");
        }
        check(o.triggerPrice() >= 0 && o.triggerPrice() <= MAX_PRICE, INVALID_TX_INFO, "TriggerPrice is invalid");
    }

    private static void cancelAll(CancelAllOrders c) {
        LighterTxAttributes a = c.header().attributes();
        check(a.cancelAllMarket() == 255 || c.timeInForce() == 0, INVALID_TX_INFO,
                "Cancel all for market index can't be scheduled, TimeInforce must be ImmediateCancelAll");
        switch (c.timeInForce()) {
            case 0, 2 -> check(c.time() == 0, INVALID_TX_INFO, "CancelAllTime should be nil");
            case 1 -> check(c.time() >= 1, INVALID_TX_INFO, "CancelAllTime should be larger than 0");
            default -> throw LighterApiException.badRequest(INVALID_TX_INFO, "CancelAllTimeInForce is invalid");
        }
    }

    private static void check(boolean ok, int code, String message) {
        if (!ok) {
            throw LighterApiException.badRequest(code, message);
        }
    }
}
