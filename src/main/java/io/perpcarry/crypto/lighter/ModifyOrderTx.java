package io.perpcarry.crypto.lighter;

import java.util.Objects;

/**
 * L2ModifyOrder (tx type 17): new size, price and trigger price for the order at {@code index}
 * (client or exchange order index). Same integer encodings as {@link CreateOrderTx}.
 */
public record ModifyOrderTx(LighterTxContext context, int marketIndex, long index, long baseAmount, long price,
        long triggerPrice, L2TxAttributes attributes) implements LighterTx {

    public ModifyOrderTx {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(attributes, "attributes (use L2TxAttributes.none())");
    }

    @Override
    public int txType() {
        return LighterTxType.MODIFY_ORDER;
    }

    /** lighter-go L2ModifyOrderTxInfo.Validate(). */
    @Override
    public void validate() {
        TxRules.chainId(context);
        attributes.validate();
        TxRules.accountAndKey(context, false);
        TxRules.perpsOrSpotMarket(marketIndex);
        TxRules.orderIndex(index);
        TxRules.baseAmount(baseAmount);
        TxRules.price(price);
        TxRules.triggerPrice(triggerPrice);
        TxRules.nonceAndExpiry(context);
    }

    @Override
    public QuinticExtension hashElement() {
        validate();
        return TxEncoding.hash(context, txType(), attributes, marketIndex, index, baseAmount, price, triggerPrice);
    }

    @Override
    public String txInfoJson(byte[] signature) {
        validate();
        StringBuilder sb = TxEncoding.begin(context);
        TxEncoding.field(sb, "MarketIndex", marketIndex);
        TxEncoding.field(sb, "Index", index);
        TxEncoding.field(sb, "BaseAmount", baseAmount);
        TxEncoding.field(sb, "Price", price);
        TxEncoding.field(sb, "TriggerPrice", triggerPrice);
        return TxEncoding.end(sb, context, signature, attributes);
    }
}
