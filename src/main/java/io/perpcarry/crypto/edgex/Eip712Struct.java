package io.perpcarry.crypto.edgex;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/**
 * Builds {@code hashStruct(s) = keccak256(typeHash ‖ encodeData(s))} for one EIP-712 struct, one
 * 32-byte word per member, in the order of the type string. Only the member types EdgeX orders
 * use are supported; every value is range-checked because ABI encoding would otherwise silently
 * wrap or truncate it.
 */
final class Eip712Struct {
    private static final BigInteger TWO = BigInteger.TWO;

    private final byte[] typeHash;
    private final ByteArrayOutputStream words = new ByteArrayOutputStream();

    private Eip712Struct(byte[] typeHash) {
        this.typeHash = typeHash;
    }

    /** {@code encodeType} text, e.g. {@code "Mail(address from,string contents)"}, referenced types appended. */
    static Eip712Struct ofType(String encodedType) {
        return new Eip712Struct(Keccak256.hash(encodedType.getBytes(StandardCharsets.US_ASCII)));
    }

    Eip712Struct uint(String member, BigInteger value, int bits) {
        if (value.signum() < 0 || value.bitLength() > bits) {
            throw EdgexSigningException.invalidArgument(member + " out of range for uint" + bits + ": " + value);
        }
        return word(toWord(value));
    }

    Eip712Struct uint(String member, long value, int bits) {
        return uint(member, BigInteger.valueOf(value), bits);
    }

    Eip712Struct int256(String member, BigInteger value) {
        BigInteger limit = TWO.pow(255);
        if (value.compareTo(limit.negate()) < 0 || value.compareTo(limit) >= 0) {
            throw EdgexSigningException.invalidArgument(member + " out of range for int256: " + value);
        }
        // Two's complement in 256 bits.
        return word(toWord(value.signum() < 0 ? value.add(TWO.pow(256)) : value));
    }

    Eip712Struct address(EthAddress address) {
        byte[] w = new byte[32];
        System.arraycopy(address.bytes(), 0, w, 12, 20);
        return word(w);
    }

    Eip712Struct bool(boolean value) {
        byte[] w = new byte[32];
        w[31] = (byte) (value ? 1 : 0);
        return word(w);
    }

    /** A {@code bytes32} value, or the hash of a nested struct / dynamic string (already 32 bytes). */
    Eip712Struct bytes32(byte[] value) {
        if (value.length != 32) {
            throw new IllegalArgumentException("bytes32 needs 32 bytes, got " + value.length);
        }
        return word(value);
    }

    /** Dynamic {@code string} members are encoded as keccak256 of their UTF-8 bytes. */
    Eip712Struct string(String value) {
        return word(Keccak256.hash(value.getBytes(StandardCharsets.UTF_8)));
    }

    byte[] hash() {
        return Keccak256.hash(typeHash, words.toByteArray());
    }

    private Eip712Struct word(byte[] w) {
        words.writeBytes(w);
        return this;
    }

    private static byte[] toWord(BigInteger nonNegative) {
        byte[] raw = nonNegative.toByteArray(); // may carry a leading sign byte
        byte[] w = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, w, 32 - copy, copy);
        return w;
    }
}
