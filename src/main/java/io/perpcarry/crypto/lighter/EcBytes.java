package io.perpcarry.crypto.lighter;

import java.util.HexFormat;

/** Little-endian and hex helpers shared by the curve, signature and key classes. */
final class EcBytes {
    private static final HexFormat HEX = HexFormat.of();

    private EcBytes() {
    }

    static long readLongLe(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xFFL);
        }
        return v;
    }

    static void writeLongLe(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }

    /** Lower-case hex without prefix, as lighter-go prints keys and signatures. */
    static String toHex(byte[] b) {
        return HEX.formatHex(b);
    }

    /**
     * Decodes hex with or without a 0x prefix; returns null when malformed so callers holding secrets can
     * throw their own message without echoing the input.
     */
    static byte[] parseHexOrNull(String s) {
        if (s == null) {
            return null;
        }
        String h = s.strip();
        if (h.startsWith("0x") || h.startsWith("0X")) {
            h = h.substring(2);
        }
        if (h.isEmpty() || (h.length() & 1) != 0) {
            return null;
        }
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex) {
                return null; // checked here so HexFormat never builds a message containing the input
            }
        }
        return HEX.parseHex(h);
    }
}
