package io.perpcarry.crypto.edgex;

import java.util.HexFormat;

/** Strict hex parsing; error messages describe the shape of the input, never its content. */
final class HexCodec {
    private static final HexFormat LOWER = HexFormat.of();

    private HexCodec() {
    }

    static String toHex(byte[] bytes) {
        return LOWER.formatHex(bytes);
    }

    /** Parses exactly {@code length} bytes of hex, with or without a {@code 0x} prefix. */
    static byte[] parseFixed(String hex, int length, String what, EdgexSigningException.Kind kind) {
        if (hex == null) {
            throw new EdgexSigningException(kind, what + " is missing");
        }
        String digits = strip0x(hex.strip());
        if (digits.length() != length * 2) {
            throw new EdgexSigningException(kind,
                    what + " must be " + length + " bytes of hex (" + length * 2 + " digits), got " + digits.length() + " characters");
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), 16) < 0) {
                throw new EdgexSigningException(kind, what + " contains a non-hex character at position " + i);
            }
        }
        return LOWER.parseHex(digits);
    }

    static String strip0x(String s) {
        return s.startsWith("0x") || s.startsWith("0X") ? s.substring(2) : s;
    }
}
