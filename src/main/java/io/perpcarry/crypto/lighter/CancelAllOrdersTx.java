package io.perpcarry.crypto.lighter;

import static io.perpcarry.crypto.lighter.LighterConstants.CANCEL_ALL_ABORT_SCHEDULED;
import static io.perpcarry.crypto.lighter.LighterConstants.CANCEL_ALL_IMMEDIATE;
import static io.perpcarry.crypto.lighter.LighterConstants.CANCEL_ALL_SCHEDULED;
import static io.perpcarry.crypto.lighter.TxRules.fail;

import java.util.Objects;

/**
 * L2CancelAllOrders (tx type 16). {@code timeInForce}: 0 immediate, 1 scheduled at {@code time}
 * (ms), 2 abort a scheduled cancel; {@code time} must be 0 unless scheduled. Restrict to one market
 * with {@link L2TxAttributes#withCancelAllMarketIndex(int)} (immediate only).
 */
public record CancelAllOrdersTx(LighterTxContext context, int timeInForce, long time, L2TxAttributes attributes)
        implements LighterTx {

    public CancelAllOrdersTx {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(attributes, "attributes (use L2TxAttributes.none())");
    }

    @Override
    public int txType() {
        return LighterTxType.CANCEL_ALL_ORDERS;
    }

    /** lighter-go L2CancelAllOrdersTxInfo.Validate(); ApiKeyIndex 255 ("nil") is accepted here. */
    @Override
    public void validate() {
        TxRules.chainId(context);
        attributes.validate();
        TxRules.accountAndKey(context, true);
        TxRules.nonceAndExpiry(context);
        boolean oneMarket = attributes.cancelAllMarketIndex() != LighterConstants.NIL_MARKET_INDEX;
        if (oneMarket && timeInForce != CANCEL_ALL_IMMEDIATE) {
            throw fail("TimeInForce", "cancel all for a market index can't be scheduled");
        }
        switch (timeInForce) {
            case CANCEL_ALL_IMMEDIATE, CANCEL_ALL_ABORT_SCHEDULED -> {
                if (time != 0) {
                    throw fail("Time", "should be 0 unless the cancel-all is scheduled");
                }
            }
            case CANCEL_ALL_SCHEDULED -> {
                if (time < 1) {
                    throw fail("Time", "should be larger than 0 for a scheduled cancel-all");
                }
            }
            default -> throw fail("TimeInForce", "cancel-all time in force is invalid: " + timeInForce);
        }
    }

    @Override
    public QuinticExtension hashElement() {
        validate();
        return TxEncoding.hash(context, txType(), attributes, timeInForce, time);
    }

    @Override
    public String txInfoJson(byte[] signature) {
        validate();
        StringBuilder sb = TxEncoding.begin(context);
        TxEncoding.field(sb, "TimeInForce", timeInForce);
        TxEncoding.field(sb, "Time", time);
        return TxEncoding.end(sb, context, signature, attributes);
    }
}
