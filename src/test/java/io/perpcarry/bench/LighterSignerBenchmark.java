package io.perpcarry.bench;

import io.perpcarry.crypto.lighter.CreateOrderTx;
import io.perpcarry.crypto.lighter.EcGfp5Scalar;
import io.perpcarry.crypto.lighter.L2TxAttributes;
import io.perpcarry.crypto.lighter.LighterConstants;
import io.perpcarry.crypto.lighter.LighterPrivateKey;
import io.perpcarry.crypto.lighter.LighterSigner;
import io.perpcarry.crypto.lighter.Schnorr;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Lighter create-order signing (validate + Poseidon2 hash + Schnorr sign + tx_info) and verification, under one
 * repeated key (served from the verifier's key cache) and under a new key each time (more keys than the cache
 * holds, cycled, so every call misses).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LighterSignerBenchmark {
    private LighterSigner signer;
    private CreateOrderTx order;
    private byte[] publicKey;
    private byte[] hash;
    private byte[] signature;
    private static final int NEW_KEYS = 256;
    private final byte[][] newKeys = new byte[NEW_KEYS][];
    private final byte[][] newSigs = new byte[NEW_KEYS][];
    private int next;

    @Setup
    public void setup() {
        LighterPrivateKey key = LighterPrivateKey.fromHex(
                "0x2a50e06cb39ce07e44220819ebe5aeb94333974664eafaef0f5d31d9aad0e049eb89e8288f1a0521");
        signer = new LighterSigner(key, 304, 66241, 118);
        order = new CreateOrderTx(signer.context(63200, 1_795_485_895_828L), 72, 1_965_648_896L, 62_712_832_177L,
                1_443_507_201L, 0, LighterConstants.ORDER_TYPE_LIMIT, LighterConstants.TIF_GOOD_TILL_TIME, 0, 0,
                1_795_485_895_828L, L2TxAttributes.none());
        publicKey = signer.publicKey();
        hash = order.hash();
        signature = Schnorr.sign(key, hash);
        SecureRandom rng = new SecureRandom();
        for (int i = 0; i < NEW_KEYS; i++) {
            LighterPrivateKey k = LighterPrivateKey.fromBytes(EcGfp5Scalar.random(rng).toLittleEndianBytes());
            newKeys[i] = k.publicKey();
            newSigs[i] = Schnorr.sign(k, hash);
        }
    }

    @Benchmark
    public LighterSigner.SignedTx createOrderSign() {
        return signer.sign(order);
    }

    @Benchmark
    public boolean verifyKnownKey() {
        return Schnorr.verify(publicKey, hash, signature);
    }

    @Benchmark
    public boolean verifyNewKey() {
        int i = next;
        next = (i + 1) % NEW_KEYS;
        return Schnorr.verify(newKeys[i], hash, newSigs[i]);
    }
}
