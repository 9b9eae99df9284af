package io.perpcarry.crypto.edgex;

import java.math.BigInteger;

/**
 * The variable part of the EIP-712 domain, from metadata {@code global}: the chain id
 * ({@code nativeChainId}, else {@code chainId}) and {@code contractAddress}.
 */
public record EdgexDomain(BigInteger chainId, EthAddress verifyingContract) {

    public EdgexDomain {
        EdgexSigningException.require(chainId, "chainId");
        EdgexSigningException.require(verifyingContract, "verifyingContract");
        if (chainId.signum() <= 0 || chainId.bitLength() > 256) {
            throw EdgexSigningException.invalidArgument("chainId must be a positive uint256: " + chainId);
        }
    }

    /** From metadata strings: the chain id is decimal or {@code 0x} hex, as the SDK accepts both. */
    public static EdgexDomain of(String chainId, String verifyingContract) {
        return new EdgexDomain(Numbers.parseDecimalOrHex("chainId", chainId), EthAddress.parse(verifyingContract));
    }
}
