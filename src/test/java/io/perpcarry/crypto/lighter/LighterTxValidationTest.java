package io.perpcarry.crypto.lighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** One case per lighter-go Validate() rule: a valid tx with a single field broken. */
class LighterTxValidationTest {
    static final LighterTxContext CTX = new LighterTxContext(304, 66241, 118, 5, 1_795_485_895_828L);
    static final L2TxAttributes NONE = L2TxAttributes.none();
    static final long EXPIRY = 1_795_507_082_043L;

    static LighterTxContext ctx(long chainId, long account, int apiKey, long nonce, long expiredAt) {
        return new LighterTxContext(chainId, account, apiKey, nonce, expiredAt);
    }

    /** GTT limit buy on perps market 72. */
    static CreateOrderTx limit(int market, long coi, long base, long price, int isAsk, int type, int tif, int reduceOnly,
            long trigger, long expiry) {
        return new CreateOrderTx(CTX, market, coi, base, price, isAsk, type, tif, reduceOnly, trigger, expiry, NONE);
    }

    static CreateOrderTx validLimit() {
        return limit(72, 7, 1000, 1_443_507_201L, 0, 0, 1, 0, 0, EXPIRY);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                // context
                Arguments.of(new CreateOrderTx(ctx(-1, 1, 0, 0, 0), 72, 7, 1000, 1, 0, 0, 1, 0, 0, EXPIRY, NONE), "ChainId"),
                Arguments.of(new CreateOrderTx(ctx(1L << 32, 1, 0, 0, 0), 72, 7, 1000, 1, 0, 0, 1, 0, 0, EXPIRY, NONE), "ChainId"),
                Arguments.of(new CreateOrderTx(ctx(304, -2, 0, 0, 0), 72, 7, 1000, 1, 0, 0, 1, 0, 0, EXPIRY, NONE), "AccountIndex"),
                Arguments.of(new CreateOrderTx(ctx(304, (1L << 48) - 1, 0, 0, 0), 72, 7, 1000, 1, 0, 0, 1, 0, 0, EXPIRY, NONE), "AccountIndex"),
                Arguments.of(new CreateOrderTx(ctx(304, 1, -1, 0, 0), 72, 7, 1000, 1, 0, 0, 1, 0, 0, EXPIRY, NONE), "ApiKeyIndex"),
                Arguments.of(new CreateOrderTx(ctx(304, 1, 255, 0, 0), 72, 7, 1000, 1, 0, 0, 1, 0, 0, EXPIRY, NONE), "ApiKeyIndex"),
                Arguments.of(new CreateOrderTx(ctx(304, 1, 0, -1, 0), 72, 7, 1000, 1, 0, 0, 1, 0, 0, EXPIRY, NONE), "Nonce"),
                Arguments.of(new CreateOrderTx(ctx(304, 1, 0, 0, -1), 72, 7, 1000, 1, 0, 0, 1, 0, 0, EXPIRY, NONE), "ExpiredAt"),
                Arguments.of(new CreateOrderTx(ctx(304, 1, 0, 0, 1L << 48), 72, 7, 1000, 1, 0, 0, 1, 0, 0, EXPIRY, NONE), "ExpiredAt"),
                // create order fields
                Arguments.of(limit(255, 7, 1000, 1, 0, 0, 1, 0, 0, EXPIRY), "MarketIndex"),
                Arguments.of(limit(2047, 7, 1000, 1, 0, 0, 1, 0, 0, EXPIRY), "MarketIndex"),
                Arguments.of(limit(4095, 7, 1000, 1, 0, 0, 1, 0, 0, EXPIRY), "MarketIndex"),
                Arguments.of(limit(-1, 7, 1000, 1, 0, 0, 1, 0, 0, EXPIRY), "MarketIndex"),
                Arguments.of(limit(72, -1, 1000, 1, 0, 0, 1, 0, 0, EXPIRY), "ClientOrderIndex"),
                Arguments.of(limit(72, 1L << 48, 1000, 1, 0, 0, 1, 0, 0, EXPIRY), "ClientOrderIndex"),
                Arguments.of(limit(72, 7, 0, 1, 0, 0, 1, 0, 0, EXPIRY), "BaseAmount"),
                Arguments.of(limit(72, 7, -5, 1, 0, 0, 1, 1, 0, EXPIRY), "BaseAmount"),
                Arguments.of(limit(72, 7, 1L << 48, 1, 0, 0, 1, 0, 0, EXPIRY), "BaseAmount"),
                Arguments.of(limit(72, 7, 1000, 0, 0, 0, 1, 0, 0, EXPIRY), "Price"),
                Arguments.of(limit(72, 7, 1000, 1L << 32, 0, 0, 1, 0, 0, EXPIRY), "Price"),
                Arguments.of(limit(72, 7, 1000, 1, 2, 0, 1, 0, 0, EXPIRY), "IsAsk"),
                Arguments.of(limit(72, 7, 1000, 1, 0, 0, 3, 0, 0, EXPIRY), "TimeInForce"),
                Arguments.of(limit(72, 7, 1000, 1, 0, 0, 1, 2, 0, EXPIRY), "ReduceOnly"),
                Arguments.of(limit(2048, 7, 1000, 1, 0, 0, 1, 1, 0, EXPIRY), "ReduceOnly"),
                Arguments.of(limit(72, 7, 1000, 1, 0, 0, 1, 0, 0, -1), "OrderExpiry"),
                Arguments.of(limit(72, 7, 1000, 1, 0, 7, 1, 0, 0, EXPIRY), "Type"),
                // market: IOC, no expiry, no trigger
                Arguments.of(limit(72, 7, 1000, 1, 0, 1, 1, 0, 0, 0), "TimeInForce"),
                Arguments.of(limit(72, 7, 1000, 1, 0, 1, 0, 0, 0, EXPIRY), "OrderExpiry"),
                Arguments.of(limit(72, 7, 1000, 1, 0, 1, 0, 0, 5, 0), "TriggerPrice"),
                // limit: no trigger; IOC => expiry 0; GTT/post-only => expiry set
                Arguments.of(limit(72, 7, 1000, 1, 0, 0, 1, 0, 5, EXPIRY), "TriggerPrice"),
                Arguments.of(limit(72, 7, 1000, 1, 0, 0, 0, 0, 0, EXPIRY), "OrderExpiry"),
                Arguments.of(limit(72, 7, 1000, 1, 0, 0, 1, 0, 0, 0), "OrderExpiry"),
                Arguments.of(limit(72, 7, 1000, 1, 0, 0, 2, 0, 0, 0), "OrderExpiry"),
                // stop loss / take profit (market): perps, IOC, trigger, expiry
                Arguments.of(limit(2048, 7, 1000, 1, 0, 2, 0, 0, 5, EXPIRY), "Type"),
                Arguments.of(limit(72, 7, 1000, 1, 0, 4, 1, 0, 5, EXPIRY), "TimeInForce"),
                Arguments.of(limit(72, 7, 1000, 1, 0, 2, 0, 0, 0, EXPIRY), "TriggerPrice"),
                Arguments.of(limit(72, 7, 1000, 1, 0, 4, 0, 0, 5, 0), "OrderExpiry"),
                // stop loss / take profit limit: perps, trigger, expiry
                Arguments.of(limit(2048, 7, 1000, 1, 0, 3, 1, 0, 5, EXPIRY), "Type"),
                Arguments.of(limit(72, 7, 1000, 1, 0, 5, 1, 0, 0, EXPIRY), "TriggerPrice"),
                Arguments.of(limit(72, 7, 1000, 1, 0, 3, 1, 0, 5, 0), "OrderExpiry"),
                // TWAP: GTT, no trigger, expiry
                Arguments.of(limit(72, 7, 1000, 1, 0, 6, 0, 0, 0, EXPIRY), "TimeInForce"),
                Arguments.of(limit(72, 7, 1000, 1, 0, 6, 1, 0, 5, EXPIRY), "TriggerPrice"),
                Arguments.of(limit(72, 7, 1000, 1, 0, 6, 1, 0, 0, 0), "OrderExpiry"),
                Arguments.of(limit(72, 7, 1000, 1, 0, 2, 0, 0, 1L << 32, EXPIRY), "TriggerPrice"),
                // cancel order
                Arguments.of(new CancelOrderTx(CTX, 300, 5, NONE), "MarketIndex"),
                Arguments.of(new CancelOrderTx(CTX, 72, 0, NONE), "Index"),
                Arguments.of(new CancelOrderTx(CTX, 72, 1L << 60, NONE), "Index"),
                Arguments.of(new CancelOrderTx(ctx(304, 1, 255, 0, 0), 72, 5, NONE), "ApiKeyIndex"),
                // cancel all
                Arguments.of(new CancelAllOrdersTx(CTX, 3, 0, NONE), "TimeInForce"),
                Arguments.of(new CancelAllOrdersTx(CTX, 0, 5, NONE), "Time"),
                Arguments.of(new CancelAllOrdersTx(CTX, 2, 5, NONE), "Time"),
                Arguments.of(new CancelAllOrdersTx(CTX, 1, 0, NONE), "Time"),
                Arguments.of(new CancelAllOrdersTx(CTX, 1, EXPIRY, NONE.withCancelAllMarketIndex(3)), "TimeInForce"),
                Arguments.of(new CancelAllOrdersTx(ctx(304, 1, 256, 0, 0), 0, 0, NONE), "ApiKeyIndex"),
                // modify order
                Arguments.of(new ModifyOrderTx(CTX, 255, 5, 10, 10, 0, NONE), "MarketIndex"),
                Arguments.of(new ModifyOrderTx(CTX, 72, 0, 10, 10, 0, NONE), "Index"),
                Arguments.of(new ModifyOrderTx(CTX, 72, 5, -1, 10, 0, NONE), "BaseAmount"),
                Arguments.of(new ModifyOrderTx(CTX, 72, 5, 1L << 48, 10, 0, NONE), "BaseAmount"),
                Arguments.of(new ModifyOrderTx(CTX, 72, 5, 10, 0, 0, NONE), "Price"),
                Arguments.of(new ModifyOrderTx(CTX, 72, 5, 10, 10, -1, NONE), "TriggerPrice"),
                // update leverage
                Arguments.of(new UpdateLeverageTx(CTX, 255, 500, 0, NONE), "MarketIndex"),
                Arguments.of(new UpdateLeverageTx(CTX, 72, 500, 2, NONE), "MarginMode"),
                Arguments.of(new UpdateLeverageTx(CTX, 72, 0, 0, NONE), "InitialMarginFraction"),
                Arguments.of(new UpdateLeverageTx(CTX, 72, 10_001, 0, NONE), "InitialMarginFraction"),
                // update margin
                Arguments.of(new UpdateMarginTx(CTX, 2048, 10, 1, NONE), "MarketIndex"),
                Arguments.of(new UpdateMarginTx(CTX, 72, 0, 1, NONE), "USDCAmount"),
                Arguments.of(new UpdateMarginTx(CTX, 72, -10, 1, NONE), "USDCAmount"),
                Arguments.of(new UpdateMarginTx(CTX, 72, 1L << 60, 1, NONE), "USDCAmount"),
                Arguments.of(new UpdateMarginTx(CTX, 72, 10, 2, NONE), "Direction"),
                // attributes are checked first
                Arguments.of(new CancelOrderTx(CTX, 72, 5, NONE.with(L2TxAttributes.SKIP_NONCE, 2)), "L2TxAttributes"));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("invalid")
    void rejectsBeforeHashingAndSerialising(LighterTx tx, String field) {
        assertThatThrownBy(tx::validate).isInstanceOfSatisfying(LighterTxValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
        assertThatThrownBy(tx::hash).isInstanceOf(LighterTxValidationException.class);
        assertThatThrownBy(() -> tx.txInfoJson(new byte[80])).isInstanceOf(LighterTxValidationException.class);
    }

    static Stream<LighterTx> valid() {
        return Stream.of(
                validLimit(),
                limit(72, 0, 1000, 1, 1, 0, 0, 0, 0, 0), // IOC limit, expiry 0, no client index
                limit(72, 7, 1000, 1, 0, 0, 2, 0, 0, EXPIRY), // post-only
                limit(72, 7, 1000, 1, 1, 1, 0, 1, 0, 0), // reduce-only market sell
                limit(72, 7, 0, 1, 1, 1, 0, 1, 0, 0), // reduce-only with BaseAmount 0
                limit(2048, 7, 1000, 1, 0, 0, 1, 0, 0, EXPIRY), // spot
                limit(254, (1L << 48) - 1, (1L << 48) - 1, (1L << 32) - 1, 0, 0, 1, 0, 0, EXPIRY), // maxima
                limit(72, 7, 1000, 1, 0, 2, 0, 0, 5, EXPIRY), // stop loss
                limit(72, 7, 1000, 1, 0, 5, 1, 0, 5, EXPIRY), // take profit limit
                limit(72, 7, 1000, 1, 0, 6, 1, 0, 0, EXPIRY), // TWAP
                new CreateOrderTx(ctx(304, -1, 0, 0, 0), 72, 7, 1000, 1, 0, 0, 1, 0, 0, EXPIRY, NONE), // Go allows -1
                new CancelOrderTx(CTX, 72, 1L << 50, NONE),
                new CancelAllOrdersTx(ctx(304, 1, 255, 0, 0), 0, 0, NONE), // nil API key accepted here
                new CancelAllOrdersTx(CTX, 1, EXPIRY, NONE),
                new CancelAllOrdersTx(CTX, 1, EXPIRY, NONE.withCancelAllMarketIndex(255)),
                new CancelAllOrdersTx(CTX, 0, 0, NONE.withCancelAllMarketIndex(3)),
                new ModifyOrderTx(CTX, 72, 5, 0, 10, 0, NONE),
                new UpdateLeverageTx(CTX, 72, 10_000, 1, NONE),
                new UpdateMarginTx(CTX, 72, (1L << 60) - 1, 0, NONE));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void acceptsValidTransactions(LighterTx tx) {
        assertThatCode(tx::validate).doesNotThrowAnyException();
        assertThat(tx.hash()).hasSize(40);
    }

    @Test
    void signatureMustBe80Bytes() {
        assertThatThrownBy(() -> validLimit().txInfoJson(new byte[79])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> validLimit().txInfoJson(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exceptionCarriesFieldAndReason() {
        LighterTxValidationException e = new LighterTxValidationException("Price", "should not be less than 1");
        assertThat(e.getMessage()).isEqualTo("Price: should not be less than 1");
        assertThat(e.reason()).isEqualTo("should not be less than 1");
    }
}
