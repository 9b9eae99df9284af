package io.perpcarry.crypto.lighter;

import static io.perpcarry.crypto.lighter.TxRules.fail;

import java.util.Objects;

/**
 * L2UpdateMargin (tx type 29): moves {@code usdcAmount} (USDC × 1e6) into ({@code direction} 1) or
 * out of (0) the isolated margin of a perps position.
 */
public record UpdateMarginTx(LighterTxContext context, int marketIndex, long usdcAmount, int direction,
        L2TxAttributes attributes) implements LighterTx {

    public UpdateMarginTx {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(attributes, "attributes (use L2TxAttributes.none())");
    }

    @Override
    public int txType() {
        return LighterTxType.UPDATE_MARGIN;
    }

    /**
     * lighter-go L2UpdateMarginTxInfo.Validate(), plus one deliberate tightening: Go only rejects an
     * amount of exactly 0, we reject every amount below 1 (a negative amount is never meaningful).
     */
    @Override
    public void validate() {
        TxRules.chainId(context);
        attributes.validate();
        TxRules.accountAndKey(context, false);
        if (!TxRules.isPerpsMarket(marketIndex)) {
            throw fail("MarketIndex", "must be a perps market (0..254): " + marketIndex);
        }
        if (usdcAmount < 1) {
            throw fail("USDCAmount", "should be larger than 0");
        }
        if (usdcAmount > LighterConstants.MAX_TRANSFER_AMOUNT) {
            throw fail("USDCAmount", "should not be larger than " + LighterConstants.MAX_TRANSFER_AMOUNT);
        }
        if (direction != LighterConstants.MARGIN_DIRECTION_REMOVE && direction != LighterConstants.MARGIN_DIRECTION_ADD) {
            throw fail("Direction", "margin movement direction is not valid: " + direction);
        }
        TxRules.nonceAndExpiry(context);
    }

    @Override
    public QuinticExtension hashElement() {
        validate();
        // lighter-go splits the amount into its low and high 32-bit halves.
        return TxEncoding.hash(context, txType(), attributes, marketIndex, usdcAmount & 0xFFFFFFFFL, usdcAmount >> 32,
                direction);
    }

    @Override
    public String txInfoJson(byte[] signature) {
        validate();
        StringBuilder sb = TxEncoding.begin(context);
        TxEncoding.field(sb, "MarketIndex", marketIndex);
        TxEncoding.field(sb, "USDCAmount", usdcAmount);
        TxEncoding.field(sb, "Direction", direction);
        return TxEncoding.end(sb, context, signature, attributes);
    }
}
