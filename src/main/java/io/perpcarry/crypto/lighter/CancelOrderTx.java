package io.perpcarry.crypto.lighter;

import java.util.Objects;

/** L2CancelOrder (tx type 15): {@code index} is a client order index (< 2^48) or an exchange order index. */
public record CancelOrderTx(LighterTxContext context, int marketIndex, long index, L2TxAttributes attributes)
        implements LighterTx {

    public CancelOrderTx {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(attributes, "attributes (use L2TxAttributes.none())");
    }

    @Override
    public int txType() {
        return LighterTxType.CANCEL_ORDER;
    }

    /** lighter-go L2CancelOrderTxInfo.Validate(). */
    @Override
    public void validate() {
        TxRules.chainId(context);
        attributes.validate();
        TxRules.accountAndKey(context, false);
        TxRules.perpsOrSpotMarket(marketIndex);
        TxRules.orderIndex(index);
        TxRules.nonceAndExpiry(context);
    }

    @Override
    public QuinticExtension hashElement() {
        validate();
        return TxEncoding.hash(context, txType(), attributes, marketIndex, index);
    }

    @Override
    public String txInfoJson(byte[] signature) {
        validate();
        StringBuilder sb = TxEncoding.begin(context);
        TxEncoding.field(sb, "MarketIndex", marketIndex);
        TxEncoding.field(sb, "Index", index);
        return TxEncoding.end(sb, context, signature, attributes);
    }
}
