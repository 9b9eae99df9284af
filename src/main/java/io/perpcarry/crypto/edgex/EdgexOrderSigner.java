package io.perpcarry.crypto.edgex;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Signs EdgeX v2 orders with a trading key (secp256k1): derives the L2 fields, builds the EIP-712
 * digest and signs it deterministically (RFC 6979, low s), as ethers / eth-account do.
 *
 * <p>The private key lives only in this object; {@link #toString()} and every exception show at
 * most the derived address.
 */
public final class EdgexOrderSigner {
    private final BigInteger privateKey;
    private final byte[] publicKeyXY;
    private final EthAddress address;

    private EdgexOrderSigner(BigInteger privateKey) {
        this.privateKey = privateKey;
        this.publicKeyXY = Secp256k1.publicKeyXY(privateKey);
        this.address = EthAddress.fromPublicKeyXY(publicKeyXY);
    }

    /** From 32 bytes of hex, with or without {@code 0x}. */
    public static EdgexOrderSigner fromHex(String tradingPrivateKeyHex) {
        byte[] raw = HexCodec.parseFixed(tradingPrivateKeyHex, 32, "trading private key",
                EdgexSigningException.Kind.INVALID_KEY);
        BigInteger d = new BigInteger(1, raw);
        Arrays.fill(raw, (byte) 0); // the BigInteger copy cannot be wiped; at least drop this one
        if (!Secp256k1.isValidPrivateKey(d)) {
            throw new EdgexSigningException(EdgexSigningException.Kind.INVALID_KEY,
                    "trading private key is outside [1, n-1] of secp256k1");
        }
        return new EdgexOrderSigner(d);
    }

    /** The signer address (EIP-55), which the order message carries as {@code base.signer}. */
    public EthAddress address() {
        return address;
    }

    public L2OrderFields derive(EdgexOrderRequest request) {
        return L2OrderFieldDerivation.derive(request, address);
    }

    public byte[] eip712Digest(L2OrderFields fields) {
        return EdgexOrderTypedData.digest(fields);
    }

    public SignedEdgexOrder sign(EdgexOrderRequest request) {
        return sign(derive(request));
    }

    /** Signs fields derived elsewhere; they must name this signer, or the exchange would reject them. */
    public SignedEdgexOrder sign(L2OrderFields fields) {
        EdgexSigningException.require(fields, "fields");
        if (!address.equals(fields.signer())) {
            throw EdgexSigningException.invalidArgument(
                    "fields name signer " + fields.signer() + " but this key is " + address);
        }
        byte[] digest = EdgexOrderTypedData.digest(fields);
        byte[] sig = Secp256k1.sign(digest, privateKey, publicKeyXY);
        return new SignedEdgexOrder(fields, HexCodec.toHex(digest), HexCodec.toHex(sig));
    }

    /**
     * The address whose key produced {@code signature65Hex} (130 hex digits, {@code 0x} optional)
     * over {@code digest}. For the emulator: compare the result with the account's registered
     * trading address. Throws {@link EdgexSigningException} ({@code INVALID_SIGNATURE}) for
     * malformed, high-s or unrecoverable signatures.
     */
    public static EthAddress recoverSigner(byte[] digest, String signature65Hex) {
        byte[] sig = HexCodec.parseFixed(signature65Hex, 65, "signature",
                EdgexSigningException.Kind.INVALID_SIGNATURE);
        return recoverSigner(digest, sig);
    }

    public static EthAddress recoverSigner(byte[] digest, byte[] signature65) {
        return EthAddress.fromPublicKeyXY(Secp256k1.recoverPublicKey(digest, signature65));
    }

    @Override
    public String toString() {
        return "EdgexOrderSigner[address=" + address + "]";
    }
}
