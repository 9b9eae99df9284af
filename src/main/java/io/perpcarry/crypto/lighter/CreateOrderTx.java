package io.perpcarry.crypto.lighter;

import static io.perpcarry.crypto.lighter.LighterConstants.ORDER_TYPE_LIMIT;
import static io.perpcarry.crypto.lighter.LighterConstants.ORDER_TYPE_MARKET;
import static io.perpcarry.crypto.lighter.LighterConstants.ORDER_TYPE_STOP_LOSS;
import static io.perpcarry.crypto.lighter.LighterConstants.ORDER_TYPE_STOP_LOSS_LIMIT;
import static io.perpcarry.crypto.lighter.LighterConstants.ORDER_TYPE_TAKE_PROFIT;
import static io.perpcarry.crypto.lighter.LighterConstants.ORDER_TYPE_TAKE_PROFIT_LIMIT;
import static io.perpcarry.crypto.lighter.LighterConstants.ORDER_TYPE_TWAP;
import static io.perpcarry.crypto.lighter.LighterConstants.TIF_GOOD_TILL_TIME;
import static io.perpcarry.crypto.lighter.LighterConstants.TIF_IMMEDIATE_OR_CANCEL;
import static io.perpcarry.crypto.lighter.LighterConstants.TIF_POST_ONLY;
import static io.perpcarry.crypto.lighter.TxRules.fail;

import java.util.Objects;

/**
 * L2CreateOrder (tx type 14). Integer encodings: baseAmount = size × 10^size_decimals, price and
 * triggerPrice = price × 10^price_decimals (uint32), orderExpiry in ms (0 = none), clientOrderIndex
 * 0 = none. Flags (isAsk, reduceOnly) are 0/1.
 */
public record CreateOrderTx(LighterTxContext context, int marketIndex, long clientOrderIndex, long baseAmount,
        long price, int isAsk, int orderType, int timeInForce, int reduceOnly, long triggerPrice, long orderExpiry,
        L2TxAttributes attributes) implements LighterTx {

    public CreateOrderTx {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(attributes, "attributes (use L2TxAttributes.none())");
    }

    @Override
    public int txType() {
        return LighterTxType.CREATE_ORDER;
    }

    /** lighter-go L2CreateOrderTxInfo.Validate(), same order of checks. */
    @Override
    public void validate() {
        TxRules.chainId(context);
        attributes.validate();
        TxRules.accountAndKey(context, false);
        boolean spot = TxRules.isSpotMarket(marketIndex);
        boolean perps = TxRules.isPerpsMarket(marketIndex);
        TxRules.perpsOrSpotMarket(marketIndex);
        if (clientOrderIndex != 0 && (clientOrderIndex < 1 || clientOrderIndex > LighterConstants.MAX_CLIENT_ORDER_INDEX)) {
            throw fail("ClientOrderIndex", clientOrderIndex < 1 ? "should not be less than 1"
                    : "should not be larger than " + LighterConstants.MAX_CLIENT_ORDER_INDEX);
        }
        if (reduceOnly != 1 && baseAmount == 0) {
            throw fail("BaseAmount", "may be 0 only for reduce-only orders");
        }
        TxRules.baseAmount(baseAmount);
        TxRules.price(price);
        if (isAsk != 0 && isAsk != 1) {
            throw fail("IsAsk", "should be 0 or 1");
        }
        if (timeInForce != TIF_IMMEDIATE_OR_CANCEL && timeInForce != TIF_GOOD_TILL_TIME && timeInForce != TIF_POST_ONLY) {
            throw fail("TimeInForce", "is not valid: " + timeInForce);
        }
        if ((reduceOnly != 0 && reduceOnly != 1) || (spot && reduceOnly == 1)) {
            throw fail("ReduceOnly", reduceOnly == 1 ? "not allowed on spot markets" : "should be 0 or 1");
        }
        if (orderExpiry < 0) {
            throw fail("OrderExpiry", "is invalid: " + orderExpiry);
        }
        checkTypeRules(perps);
        TxRules.triggerPrice(triggerPrice);
        TxRules.nonceAndExpiry(context);
    }

    private void checkTypeRules(boolean perps) {
        switch (orderType) {
            case ORDER_TYPE_MARKET -> {
                if (timeInForce != TIF_IMMEDIATE_OR_CANCEL) {
                    throw fail("TimeInForce", "market orders must be immediate-or-cancel");
                }
                if (orderExpiry != 0) {
                    throw fail("OrderExpiry", "market orders must have OrderExpiry 0");
                }
                if (triggerPrice != 0) {
                    throw fail("TriggerPrice", "market orders must have TriggerPrice 0");
                }
            }
            case ORDER_TYPE_LIMIT -> {
                if (triggerPrice != 0) {
                    throw fail("TriggerPrice", "limit orders must have TriggerPrice 0");
                }
                if (timeInForce == TIF_IMMEDIATE_OR_CANCEL && orderExpiry != 0) {
                    throw fail("OrderExpiry", "immediate-or-cancel limit orders must have OrderExpiry 0");
                }
                if (timeInForce != TIF_IMMEDIATE_OR_CANCEL && orderExpiry == 0) {
                    throw fail("OrderExpiry", "good-till-time and post-only limit orders need an OrderExpiry");
                }
            }
            case ORDER_TYPE_STOP_LOSS, ORDER_TYPE_TAKE_PROFIT -> {
                if (!perps) {
                    throw fail("Type", "stop-loss/take-profit orders are for perps markets only");
                }
                if (timeInForce != TIF_IMMEDIATE_OR_CANCEL) {
                    throw fail("TimeInForce", "stop-loss/take-profit market orders must be immediate-or-cancel");
                }
                if (triggerPrice == 0) {
                    throw fail("TriggerPrice", "stop-loss/take-profit orders need a TriggerPrice");
                }
                if (orderExpiry == 0) {
                    throw fail("OrderExpiry", "stop-loss/take-profit orders need an OrderExpiry");
                }
            }
            case ORDER_TYPE_STOP_LOSS_LIMIT, ORDER_TYPE_TAKE_PROFIT_LIMIT -> {
                if (!perps) {
                    throw fail("Type", "stop-loss/take-profit orders are for perps markets only");
                }
                if (triggerPrice == 0) {
                    throw fail("TriggerPrice", "stop-loss/take-profit orders need a TriggerPrice");
                }
                if (orderExpiry == 0) {
                    throw fail("OrderExpiry", "stop-loss/take-profit orders need an OrderExpiry");
                }
            }
            case ORDER_TYPE_TWAP -> {
                if (timeInForce != TIF_GOOD_TILL_TIME) {
                    throw fail("TimeInForce", "TWAP orders must be good-till-time");
                }
                if (triggerPrice != 0) {
                    throw fail("TriggerPrice", "TWAP orders must have TriggerPrice 0");
                }
                if (orderExpiry == 0) {
                    throw fail("OrderExpiry", "TWAP orders need an OrderExpiry");
                }
            }
            default -> throw fail("Type", "is not valid: " + orderType);
        }
    }

    @Override
    public QuinticExtension hashElement() {
        validate();
        return TxEncoding.hash(context, txType(), attributes, marketIndex, clientOrderIndex, baseAmount, price, isAsk,
                orderType, timeInForce, reduceOnly, triggerPrice, orderExpiry);
    }

    @Override
    public String txInfoJson(byte[] signature) {
        validate();
        StringBuilder sb = TxEncoding.begin(context);
        TxEncoding.field(sb, "MarketIndex", marketIndex);
        TxEncoding.field(sb, "ClientOrderIndex", clientOrderIndex);
        TxEncoding.field(sb, "BaseAmount", baseAmount);
        TxEncoding.field(sb, "Price", price);
        TxEncoding.field(sb, "IsAsk", isAsk);
        TxEncoding.field(sb, "Type", orderType);
        TxEncoding.field(sb, "TimeInForce", timeInForce);
        TxEncoding.field(sb, "ReduceOnly", reduceOnly);
        TxEncoding.field(sb, "TriggerPrice", triggerPrice);
        TxEncoding.field(sb, "OrderExpiry", orderExpiry);
        return TxEncoding.end(sb, context, signature, attributes);
    }
}
