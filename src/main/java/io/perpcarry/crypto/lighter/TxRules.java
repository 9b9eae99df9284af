package io.perpcarry.crypto.lighter;

import static io.perpcarry.crypto.lighter.LighterConstants.MAX_ACCOUNT_INDEX;
import static io.perpcarry.crypto.lighter.LighterConstants.MAX_API_KEY_INDEX;
import static io.perpcarry.crypto.lighter.LighterConstants.MAX_PERPS_MARKET_INDEX;
import static io.perpcarry.crypto.lighter.LighterConstants.MAX_SPOT_MARKET_INDEX;
import static io.perpcarry.crypto.lighter.LighterConstants.MAX_TIMESTAMP;
import static io.perpcarry.crypto.lighter.LighterConstants.MIN_ACCOUNT_INDEX;
import static io.perpcarry.crypto.lighter.LighterConstants.MIN_PERPS_MARKET_INDEX;
import static io.perpcarry.crypto.lighter.LighterConstants.MIN_SPOT_MARKET_INDEX;

/** Validation rules shared by several transaction types (lighter-go Validate() methods). */
final class TxRules {
    private TxRules() {
    }

    static LighterTxValidationException fail(String field, String reason) {
        return new LighterTxValidationException(field, reason);
    }

    /** chainId is hashed as a uint32. */
    static void chainId(LighterTxContext ctx) {
        if (ctx.chainId() < 0 || ctx.chainId() > LighterConstants.MAX_UINT32) {
            throw fail("ChainId", "must fit in uint32, got " + ctx.chainId());
        }
    }

    static void accountAndKey(LighterTxContext ctx, boolean allowNilApiKey) {
        if (ctx.accountIndex() < MIN_ACCOUNT_INDEX) {
            throw fail("AccountIndex", "should not be less than " + MIN_ACCOUNT_INDEX);
        }
        if (ctx.accountIndex() > MAX_ACCOUNT_INDEX) {
            throw fail("AccountIndex", "should not be larger than " + MAX_ACCOUNT_INDEX);
        }
        int k = ctx.apiKeyIndex();
        if (k < 0) {
            throw fail("ApiKeyIndex", "should not be less than 0");
        }
        boolean nilAllowed = allowNilApiKey && k == LighterConstants.NIL_API_KEY_INDEX;
        if (k > MAX_API_KEY_INDEX && !nilAllowed) {
            throw fail("ApiKeyIndex", "should not be larger than " + MAX_API_KEY_INDEX);
        }
    }

    static void nonceAndExpiry(LighterTxContext ctx) {
        if (ctx.nonce() < 0) {
            throw fail("Nonce", "should not be less than 0");
        }
        if (ctx.expiredAt() < 0 || ctx.expiredAt() > MAX_TIMESTAMP) {
            throw fail("ExpiredAt", "must be in [0, 2^48-1], got " + ctx.expiredAt());
        }
    }

    static boolean isPerpsMarket(int marketIndex) {
        return marketIndex >= MIN_PERPS_MARKET_INDEX && marketIndex <= MAX_PERPS_MARKET_INDEX;
    }

    static boolean isSpotMarket(int marketIndex) {
        return marketIndex >= MIN_SPOT_MARKET_INDEX && marketIndex <= MAX_SPOT_MARKET_INDEX;
    }

    /** Perps 0..254 or spot 2048..4094. */
    static void perpsOrSpotMarket(int marketIndex) {
        if (!isPerpsMarket(marketIndex) && !isSpotMarket(marketIndex)) {
            throw fail("MarketIndex", "is not valid: " + marketIndex);
        }
    }

    /** Client order index (1..2^48-1) or exchange order index (2^48..2^60-1). */
    static void orderIndex(long index) {
        if (index < 1) {
            throw fail("Index", "should not be less than 1");
        }
        if (index > LighterConstants.MAX_ORDER_INDEX) {
            throw fail("Index", "should not be larger than " + LighterConstants.MAX_ORDER_INDEX);
        }
    }

    static void price(long price) {
        if (price < 1) {
            throw fail("Price", "should not be less than 1");
        }
        if (price > LighterConstants.MAX_UINT32) {
            throw fail("Price", "should not be larger than " + LighterConstants.MAX_UINT32);
        }
    }

    /** 0 means "no trigger"; otherwise a uint32 >= 1. */
    static void triggerPrice(long triggerPrice) {
        if (triggerPrice < 0 || triggerPrice > LighterConstants.MAX_UINT32) {
            throw fail("TriggerPrice", "is invalid: " + triggerPrice);
        }
    }

    /** 0 only where the caller allows it; otherwise 1..2^48-1. */
    static void baseAmount(long baseAmount) {
        if (baseAmount < 0) {
            throw fail("BaseAmount", "should not be less than 1");
        }
        if (baseAmount > LighterConstants.MAX_ORDER_BASE_AMOUNT) {
            throw fail("BaseAmount", "should not be larger than " + LighterConstants.MAX_ORDER_BASE_AMOUNT);
        }
    }
}
