package io.perpcarry.crypto.edgex;

import java.math.BigInteger;

/**
 * The EIP-712 typed data EdgeX v2 signs for an order: domain {@code EdgeX}/{@code 1} and primary
 * type {@code LimitOrderParams} with a nested {@code OrderBase}.
 */
public final class EdgexOrderTypedData {
    public static final String DOMAIN_NAME = "EdgeX";
    public static final String DOMAIN_VERSION = "1";

    static final String DOMAIN_TYPE =
            "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)";
    static final String ORDER_BASE_TYPE =
            "OrderBase(uint256 nonce,address signer,uint64 accountId,uint256 expirationTimestamp)";
    // encodeType appends referenced struct types (sorted by name) after the primary type.
    static final String LIMIT_ORDER_TYPE =
            "LimitOrderParams(OrderBase base,int256 amountSynthetic,int256 amountCollateral,uint256 amountFee,"
                    + "uint64 assetIdSynthetic,uint64 assetIdCollateral,bool isBuyingSynthetic,"
                    + "bytes32 parentOrderHash,uint256 subOrderIndex)"
                    + ORDER_BASE_TYPE;

    private static final byte[] ZERO_HASH = new byte[32];

    private EdgexOrderTypedData() {
    }

    public static byte[] domainSeparator(EdgexDomain domain) {
        return Eip712Struct.ofType(DOMAIN_TYPE)
                .string(DOMAIN_NAME)
                .string(DOMAIN_VERSION)
                .uint("chainId", domain.chainId(), 256)
                .address(domain.verifyingContract())
                .hash();
    }

    public static byte[] orderStructHash(L2OrderFields f) {
        byte[] base = Eip712Struct.ofType(ORDER_BASE_TYPE)
                .uint("nonce", f.l2Nonce(), 256)
                .address(f.signer())
                .uint("accountId", f.accountId(), 64)
                .uint("expirationTimestamp", f.expirationTimestampSeconds(), 256)
                .hash();
        return Eip712Struct.ofType(LIMIT_ORDER_TYPE)
                .bytes32(base)
                .int256("amountSynthetic", f.amountSynthetic())
                .int256("amountCollateral", f.amountCollateral())
                .uint("amountFee", f.amountFee(), 256)
                .uint("assetIdSynthetic", f.contractId(), 64)
                .uint("assetIdCollateral", f.quoteCoinId(), 64)
                .bool(f.side() == OrderSide.BUY)
                .bytes32(ZERO_HASH)             // parentOrderHash: plain orders have no parent
                .uint("subOrderIndex", BigInteger.ZERO, 256)
                .hash();
    }

    /** {@code keccak256(0x19 0x01 ‖ domainSeparator ‖ hashStruct(order))}: the 32 bytes that get signed. */
    public static byte[] digest(L2OrderFields fields) {
        return Keccak256.hash(new byte[] {0x19, 0x01}, domainSeparator(fields.domain()), orderStructHash(fields));
    }
}
