package io.perpcarry.crypto.lighter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Hash layout and tx_info format for the types without official vectors (modify order, update
 * margin), written from lighter-go's struct field order and Hash() element lists.
 */
class LighterTxEncodingTest {
    private static final LighterTxContext CTX = new LighterTxContext(300, 103873, 172, 57191, 1_795_485_895_940L);
    private static final byte[] SIG = new byte[80];

    static {
        for (int i = 0; i < SIG.length; i++) {
            SIG[i] = (byte) (i * 37 + 11);
        }
    }

    private static final String SIG64 = Base64.getEncoder().encodeToString(SIG);

    @Test
    void modifyOrder() {
        ModifyOrderTx tx = new ModifyOrderTx(CTX, 80, 281_474_976_710_700L, 253_657_920_913L, 136_822_529L, 0,
                L2TxAttributes.none());
        assertThat(tx.txType()).isEqualTo(17);
        assertThat(tx.hashElement()).isEqualTo(Poseidon2.hashToQuinticExtension(new long[] {300, 17, 57191,
            1_795_485_895_940L, 103873, 172, 80, 281_474_976_710_700L, 253_657_920_913L, 136_822_529L, 0}));
        assertThat(tx.txInfoJson(SIG)).isEqualTo("{\"AccountIndex\":103873,\"ApiKeyIndex\":172,\"MarketIndex\":80,"
                + "\"Index\":281474976710700,\"BaseAmount\":253657920913,\"Price\":136822529,\"TriggerPrice\":0,"
                + "\"ExpiredAt\":1795485895940,\"Nonce\":57191,\"Sig\":\"" + SIG64 + "\",\"L2TxAttributes\":null}");
    }

    @Test
    void updateMarginSplitsAmountIntoHalves() {
        long amount = (5L << 32) + 123_456_789L;
        UpdateMarginTx tx = new UpdateMarginTx(CTX, 80, amount, 1, L2TxAttributes.none());
        assertThat(tx.txType()).isEqualTo(29);
        assertThat(tx.hashElement()).isEqualTo(Poseidon2.hashToQuinticExtension(new long[] {300, 29, 57191,
            1_795_485_895_940L, 103873, 172, 80, 123_456_789L, 5, 1}));
        assertThat(tx.txInfoJson(SIG)).isEqualTo("{\"AccountIndex\":103873,\"ApiKeyIndex\":172,\"MarketIndex\":80,"
                + "\"USDCAmount\":" + amount + ",\"Direction\":1,\"ExpiredAt\":1795485895940,\"Nonce\":57191,"
                + "\"Sig\":\"" + SIG64 + "\",\"L2TxAttributes\":null}");
    }

    @Test
    void negativeAccountIndexIsHashedAsGoUint64Cast() {
        // lighter-go: GoldilocksField(int64(-1)) = 2^64 - 1, i.e. 2^32 - 2 mod p.
        LighterTxContext ctx = new LighterTxContext(300, -1, 0, 0, 0);
        CancelOrderTx tx = new CancelOrderTx(ctx, 1, 5, L2TxAttributes.none());
        assertThat(tx.hashElement()).isEqualTo(Poseidon2.hashToQuinticExtension(
                new long[] {300, 15, 0, 0, 0xFFFFFFFEL, 0, 1, 5}));
    }

    @Test
    void hashIsLittleEndianOfHashElement() {
        CancelAllOrdersTx tx = new CancelAllOrdersTx(CTX, 0, 0, L2TxAttributes.none());
        assertThat(tx.hash()).isEqualTo(tx.hashElement().toLittleEndianBytes()).hasSize(40);
    }
}
