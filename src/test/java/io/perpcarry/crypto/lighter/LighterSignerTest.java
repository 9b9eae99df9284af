package io.perpcarry.crypto.lighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LighterSignerTest {
    private static final LighterPrivateKey KEY = LighterPrivateKey.fromHex(LighterPrivateKeyTest.KEY);
    private static final LighterSigner SIGNER = new LighterSigner(KEY, 304, 66241, 118);

    static CreateOrderTx order(LighterSigner s, long nonce, long clientOrderIndex) {
        return new CreateOrderTx(s.context(nonce, 1_795_485_895_828L), 1, clientOrderIndex, 1_000, 300_000,
                0, LighterConstants.ORDER_TYPE_LIMIT, LighterConstants.TIF_GOOD_TILL_TIME, 0, 0, 1_795_485_895_828L,
                L2TxAttributes.none());
    }

    private static byte[] sigOf(String txInfo) throws Exception {
        String b64 = new com.fasterxml.jackson.databind.ObjectMapper().readTree(txInfo).get("Sig").asText();
        return java.util.Base64.getDecoder().decode(b64);
    }

    @Test
    void signedTxVerifiesAndCarriesHash() throws Exception {
        CreateOrderTx tx = order(SIGNER, 7, 42);
        LighterSigner.SignedTx st = SIGNER.sign(tx);
        assertThat(st.txType()).isEqualTo(LighterTxType.CREATE_ORDER);
        assertThat(st.txHashHex()).isEqualTo(HexFormat.of().formatHex(tx.hash()));
        byte[] sig = sigOf(st.txInfoJson());
        assertThat(Schnorr.verify(KEY.publicKey(), tx.hash(), sig)).isTrue();
        assertThat(st.txInfoJson()).isEqualTo(tx.txInfoJson(sig));
        // Randomized: a second signature differs but verifies too.
        byte[] sig2 = sigOf(SIGNER.sign(tx).txInfoJson());
        assertThat(sig2).isNotEqualTo(sig);
        assertThat(Schnorr.verify(KEY.publicKey(), tx.hash(), sig2)).isTrue();
    }

    @Test
    void refusesForeignContextAndInvalidTx() {
        LighterSigner other = new LighterSigner(KEY, 300, 66241, 118);
        assertThatThrownBy(() -> SIGNER.sign(order(other, 1, 1)))
                .isInstanceOfSatisfying(LighterTxValidationException.class, e -> assertThat(e.field()).isEqualTo("ChainId"));
        assertThatThrownBy(() -> SIGNER.sign(order(new LighterSigner(KEY, 304, 1, 118), 1, 1)))
                .isInstanceOfSatisfying(LighterTxValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("AccountIndex"));
        assertThatThrownBy(() -> SIGNER.sign(order(new LighterSigner(KEY, 304, 66241, 3), 1, 1)))
                .isInstanceOfSatisfying(LighterTxValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("ApiKeyIndex"));
        assertThatThrownBy(() -> SIGNER.sign(order(SIGNER, -1, 1))).isInstanceOf(LighterTxValidationException.class);
        assertThatThrownBy(() -> new LighterSigner(KEY, 304, 1, 256)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentSigningIsSafe() throws Exception {
        int threads = 8;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Object[]>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                final int tid = t;
                futures.add(pool.submit(() -> {
                    List<Object[]> out = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        CreateOrderTx tx = order(SIGNER, tid * 1000L + i, tid * 1000L + i + 1);
                        out.add(new Object[] {tx.hash(), SIGNER.sign(tx)});
                    }
                    return out;
                }));
            }
            int verified = 0;
            byte[] pk = KEY.publicKey();
            for (Future<List<Object[]>> f : futures) {
                for (Object[] r : f.get(5, TimeUnit.MINUTES)) {
                    byte[] hash = (byte[]) r[0];
                    LighterSigner.SignedTx st = (LighterSigner.SignedTx) r[1];
                    assertThat(st.txHashHex()).isEqualTo(HexFormat.of().formatHex(hash));
                    assertThat(Schnorr.verify(pk, hash, sigOf(st.txInfoJson()))).isTrue();
                    verified++;
                }
            }
            assertThat(verified).isEqualTo(threads * perThread);
        } finally {
            pool.shutdownNow();
        }
    }
}
