package io.perpcarry.crypto.edgex;

/**
 * A signed v2 order: the derived fields, the EIP-712 digest and the signature.
 *
 * @param l2Signature 65 bytes {@code r ‖ s ‖ v} as 130 lowercase hex digits without {@code 0x},
 *                    the form {@code createOrder} sends in {@code l2Signature}
 */
public record SignedEdgexOrder(L2OrderFields fields, String eip712DigestHex, String l2Signature) {

    /** The digest with a {@code 0x} prefix, as ethers prints it. */
    public String eip712Digest0x() {
        return "0x" + eip712DigestHex;
    }
}
