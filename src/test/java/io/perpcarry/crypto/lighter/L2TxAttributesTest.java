package io.perpcarry.crypto.lighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class L2TxAttributesTest {
    private static final LighterTxContext CTX = LighterTxValidationTest.CTX;
    private static final L2TxAttributes NONE = L2TxAttributes.none();

    private static CancelOrderTx cancel(L2TxAttributes a) {
        return new CancelOrderTx(CTX, 72, 126_774_784L, a);
    }

    private static QuinticExtension rawCancelHash() {
        return Poseidon2.hashToQuinticExtension(new long[] {CTX.chainId(), 15, CTX.nonce(), CTX.expiredAt(),
            CTX.accountIndex(), CTX.apiKeyIndex(), 72, 126_774_784L});
    }

    @Test
    void noAttributesLeaveTheHashUnchangedAndSerialiseAsNull() {
        assertThat(cancel(NONE).hashElement()).isEqualTo(rawCancelHash());
        assertThat(cancel(NONE).txInfoJson(new byte[80])).endsWith(",\"L2TxAttributes\":null}");
    }

    @Test
    void explicitDefaultsLeaveTheHashUnchangedButAreSent() {
        L2TxAttributes defaults = NONE.with(L2TxAttributes.SELF_TRADE_BEHAVIOR_MODE, 0)
                .with(L2TxAttributes.CANCEL_ALL_MARKET_INDEX, 255);
        assertThat(defaults.isEmpty()).isTrue();
        assertThat(defaults.isAbsent()).isFalse();
        assertThat(cancel(defaults).hashElement()).isEqualTo(rawCancelHash());
        assertThat(cancel(defaults).txInfoJson(new byte[80])).endsWith(",\"L2TxAttributes\":{\"5\":255,\"6\":0}}");
    }

    @Test
    void skipNonceAggregatesLikeLighterGo() {
        // H(txHash || H([4, 1, 0, 0, 0, 0, 0, 0]))
        QuinticExtension attrHash = Poseidon2.hashToQuinticExtension(new long[] {4, 1, 0, 0, 0, 0, 0, 0});
        QuinticExtension expected = Poseidon2.hashToQuinticExtension(concat(rawCancelHash().limbs(), attrHash.limbs()));
        CancelOrderTx tx = cancel(NONE.withSkipNonce());
        assertThat(tx.hashElement()).isEqualTo(expected);
        assertThat(tx.hash()).isEqualTo(expected.toLittleEndianBytes());
        byte[] sig = new byte[80];
        sig[0] = (byte) 0xFB;
        assertThat(tx.txInfoJson(sig)).isEqualTo("{\"AccountIndex\":66241,\"ApiKeyIndex\":118,\"MarketIndex\":72,"
                + "\"Index\":126774784,\"ExpiredAt\":1795485895828,\"Nonce\":5,\"Sig\":\""
                + Base64.getEncoder().encodeToString(sig) + "\",\"L2TxAttributes\":{\"4\":1}}");
    }

    @Test
    void onlyNonDefaultTypesAreHashedInAscendingOrder() {
        L2TxAttributes a = NONE.with(L2TxAttributes.SELF_TRADE_EQUALITY_MODE, 1).withSkipNonce()
                .with(L2TxAttributes.INTEGRATOR_ACCOUNT_INDEX, 0); // default: not hashed
        QuinticExtension attrHash = Poseidon2.hashToQuinticExtension(new long[] {4, 1, 7, 1, 0, 0, 0, 0});
        QuinticExtension expected = Poseidon2.hashToQuinticExtension(concat(rawCancelHash().limbs(), attrHash.limbs()));
        assertThat(cancel(a).hashElement()).isEqualTo(expected);
        assertThat(cancel(a).txInfoJson(new byte[80])).endsWith(",\"L2TxAttributes\":{\"1\":0,\"4\":1,\"7\":1}}");
    }

    @Test
    void integratorAttributes() {
        L2TxAttributes ok = NONE.withIntegrator(12345, 100, 50);
        assertThatCode(ok::validate).doesNotThrowAnyException();
        QuinticExtension attrHash = Poseidon2.hashToQuinticExtension(new long[] {1, 12345, 2, 100, 3, 50, 0, 0});
        assertThat(ok.hashElement()).isEqualTo(attrHash);
        assertThat(cancel(ok).hashElement()).isNotEqualTo(rawCancelHash());
    }

    @Test
    void validationRules() {
        assertInvalid(NONE.with(L2TxAttributes.SKIP_NONCE, 2), "Nonce skip attribute is invalid");
        assertInvalid(NONE.with(L2TxAttributes.SKIP_NONCE, 0), "Nonce skip attribute is invalid"); // min is 1
        assertInvalid(NONE.with(L2TxAttributes.INTEGRATOR_TAKER_FEE, 1_000_001), "Integrator fees are in invalid range");
        assertInvalid(NONE.with(L2TxAttributes.INTEGRATOR_ACCOUNT_INDEX, -1), "IntegratorAccountIndex is in invalid range");
        assertInvalid(NONE.with(L2TxAttributes.CANCEL_ALL_MARKET_INDEX, 256), "Cancel all for market index");
        assertInvalid(NONE.with(L2TxAttributes.SELF_TRADE_BEHAVIOR_MODE, 4), "SelfTradeBehaviorMode");
        assertInvalid(NONE.with(L2TxAttributes.SELF_TRADE_EQUALITY_MODE, 2), "SelfTradeEqualityMode");
        assertInvalid(NONE.with(L2TxAttributes.INTEGRATOR_MAKER_FEE, 10), "IntegratorAccountIndex should be non-zero");
        assertInvalid(NONE.withIntegrator(5, 10, 0).with(L2TxAttributes.SELF_TRADE_BEHAVIOR_MODE, 1),
                "Self-trade specification isn't allowed");
        assertInvalid(NONE.withSelfTrade(3, 1), "Reduce self-trade behavior mode");
        assertInvalid(NONE.withIntegrator(5, 10, 10).withSkipNonce().with(L2TxAttributes.SELF_TRADE_EQUALITY_MODE, 0),
                "Too many attributes");
        assertThatThrownBy(() -> NONE.with(8, 1)).isInstanceOf(LighterTxValidationException.class);
        assertThatThrownBy(() -> NONE.with(0, 1)).isInstanceOf(LighterTxValidationException.class);
        assertThatCode(() -> NONE.withSelfTrade(3, 0).validate()).doesNotThrowAnyException();
        assertThatCode(() -> NONE.with(L2TxAttributes.INTEGRATOR_ACCOUNT_INDEX, 5).withSelfTrade(1, 1).validate())
                .doesNotThrowAnyException();
    }

    @Test
    void accessorsReadValuesOrTheirDefaults() {
        assertThat(NONE.skipNonce()).isFalse();
        assertThat(NONE.cancelAllMarketIndex()).isEqualTo(LighterConstants.NIL_MARKET_INDEX);
        assertThat(NONE.valueOrDefault(L2TxAttributes.INTEGRATOR_ACCOUNT_INDEX)).isZero();
        assertThat(NONE.withSkipNonce().skipNonce()).isTrue();
        assertThat(NONE.withCancelAllMarketIndex(3).cancelAllMarketIndex()).isEqualTo(3);
        assertThat(NONE.withIntegrator(5, 10, 20).valueOrDefault(L2TxAttributes.INTEGRATOR_MAKER_FEE)).isEqualTo(20);
        assertThatThrownBy(() -> NONE.valueOrDefault(8)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void immutable() {
        L2TxAttributes a = NONE.withSkipNonce();
        assertThat(NONE.entries()).isEmpty();
        assertThat(a.entries()).containsEntry(4, 1L);
        assertThatThrownBy(() -> a.entries().put(5, 1L)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(a).isEqualTo(L2TxAttributes.none().withSkipNonce());
    }

    private static void assertInvalid(L2TxAttributes a, String reason) {
        assertThatThrownBy(a::validate).isInstanceOfSatisfying(LighterTxValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("L2TxAttributes");
            assertThat(e.reason()).contains(reason);
        });
    }

    private static long[] concat(long[] a, long[] b) {
        long[] r = new long[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
