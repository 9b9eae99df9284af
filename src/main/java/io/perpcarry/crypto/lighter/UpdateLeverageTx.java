package io.perpcarry.crypto.lighter;

import static io.perpcarry.crypto.lighter.TxRules.fail;

import java.util.Objects;

/**
 * L2UpdateLeverage (tx type 20): {@code initialMarginFraction} = int(10000 / leverage), 1..10000;
 * {@code marginMode} 0 cross, 1 isolated.
 */
public record UpdateLeverageTx(LighterTxContext context, int marketIndex, int initialMarginFraction, int marginMode,
        L2TxAttributes attributes) implements LighterTx {

    public UpdateLeverageTx {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(attributes, "attributes (use L2TxAttributes.none())");
    }

    @Override
    public int txType() {
        return LighterTxType.UPDATE_LEVERAGE;
    }

    /**
     * lighter-go L2UpdateLeverageTxInfo.Validate(). Go only rejects MarketIndex 255 here; the int16
     * width of the Go field is enforced too.
     */
    @Override
    public void validate() {
        TxRules.chainId(context);
        attributes.validate();
        TxRules.accountAndKey(context, false);
        if (marketIndex == LighterConstants.NIL_MARKET_INDEX || marketIndex < Short.MIN_VALUE
                || marketIndex > Short.MAX_VALUE) {
            throw fail("MarketIndex", "is not valid: " + marketIndex);
        }
        if (marginMode != LighterConstants.MARGIN_MODE_CROSS && marginMode != LighterConstants.MARGIN_MODE_ISOLATED) {
            throw fail("MarginMode", "is not valid: " + marginMode);
        }
        if (initialMarginFraction <= 0) {
            throw fail("InitialMarginFraction", "should be larger than 0");
        }
        if (initialMarginFraction > LighterConstants.MARGIN_FRACTION_TICK) {
            throw fail("InitialMarginFraction", "should not be larger than " + LighterConstants.MARGIN_FRACTION_TICK);
        }
        TxRules.nonceAndExpiry(context);
    }

    @Override
    public QuinticExtension hashElement() {
        validate();
        // A negative int16 market index would be sign-extended by Go's uint64 cast, as here.
        return TxEncoding.hash(context, txType(), attributes, marketIndex, initialMarginFraction, marginMode);
    }

    @Override
    public String txInfoJson(byte[] signature) {
        validate();
        StringBuilder sb = TxEncoding.begin(context);
        TxEncoding.field(sb, "MarketIndex", marketIndex);
        TxEncoding.field(sb, "InitialMarginFraction", initialMarginFraction);
        TxEncoding.field(sb, "MarginMode", marginMode);
        return TxEncoding.end(sb, context, signature, attributes);
    }
}
