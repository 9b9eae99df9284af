package io.perpcarry.crypto.edgex;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A 20-byte Ethereum address; equality is by bytes, display is EIP-55 checksummed. */
public final class EthAddress {
    private final byte[] bytes;

    private EthAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Parses {@code 0x} + 40 hex digits. All-lowercase and all-uppercase forms are accepted as they
     * are (they carry no checksum); a mixed-case form must be a valid EIP-55 checksum, so a typo in a
     * configured contract address cannot pass unnoticed.
     */
    public static EthAddress parse(String text) {
        if (text == null || !(text.startsWith("0x") || text.startsWith("0X"))) {
            throw EdgexSigningException.invalidArgument("address must start with 0x");
        }
        byte[] b = HexCodec.parseFixed(text, 20, "address", EdgexSigningException.Kind.INVALID_ARGUMENT);
        EthAddress a = new EthAddress(b);
        String digits = text.substring(2);
        boolean mixed = !digits.equals(digits.toLowerCase()) && !digits.equals(digits.toUpperCase());
        if (mixed && !a.toString().substring(2).equals(digits)) {
            throw EdgexSigningException.invalidArgument("address has an invalid EIP-55 checksum: " + text);
        }
        return a;
    }

    /** The address of an uncompressed public key given as X‖Y (64 bytes). */
    static EthAddress fromPublicKeyXY(byte[] xy) {
        if (xy.length != 64) {
            throw new IllegalArgumentException("public key must be 64 bytes X||Y");
        }
        byte[] h = Keccak256.hash(xy);
        return new EthAddress(Arrays.copyOfRange(h, 12, 32));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** EIP-55: hex digit i is upper-cased when nibble i of keccak(lowercase hex) is >= 8. */
    @Override
    public String toString() {
        String lower = HexCodec.toHex(bytes);
        byte[] h = Keccak256.hash(lower.getBytes(StandardCharsets.US_ASCII));
        StringBuilder sb = new StringBuilder("0x");
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            int nibble = (h[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
            sb.append(nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EthAddress other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }
}
