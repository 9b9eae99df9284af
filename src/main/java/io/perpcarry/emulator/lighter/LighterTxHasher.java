package io.perpcarry.emulator.lighter;

import io.perpcarry.crypto.lighter.Poseidon2;
import io.perpcarry.crypto.lighter.Schnorr;
import java.util.HexFormat;

/** The signer's tx hash (Poseidon2 to GF(p^5), then attribute aggregation) and its signature check. */
public final class LighterTxHasher {
    private LighterTxHasher() {
    }

    /** The 40-byte little-endian hash the signature covers; its hex is the tx hash Lighter returns. */
    public static byte[] hash(LighterTx tx, long chainId) {
        var h = Poseidon2.hashToQuinticExtension(tx.hashElements(chainId));
        return tx.header().attributes().aggregate(h).toLittleEndianBytes();
    }

    public static String hashHex(LighterTx tx, long chainId) {
        return HexFormat.of().formatHex(hash(tx, chainId));
    }

    public static boolean verify(LighterTx tx, long chainId, byte[] publicKey40) {
        return Schnorr.verify(publicKey40, hash(tx, chainId), tx.header().sig());
    }
}
