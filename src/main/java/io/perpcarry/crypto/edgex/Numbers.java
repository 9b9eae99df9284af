package io.perpcarry.crypto.edgex;

import java.math.BigInteger;

/** Parsing of the metadata integers that EdgeX sends either as decimal or as 0x-hex strings. */
final class Numbers {
    private Numbers() {
    }

    static BigInteger parseDecimalOrHex(String what, String text) {
        if (text == null || text.isBlank()) {
            throw EdgexSigningException.invalidArgument(what + " is missing");
        }
        String t = text.strip();
        try {
            boolean hex = t.startsWith("0x") || t.startsWith("0X");
            String digits = hex ? t.substring(2) : t;
            // BigInteger would accept a sign; metadata integers never carry one.
            if (digits.isEmpty() || digits.charAt(0) == '-' || digits.charAt(0) == '+') {
                throw new NumberFormatException();
            }
            return new BigInteger(digits, hex ? 16 : 10);
        } catch (NumberFormatException e) {
            throw EdgexSigningException.invalidArgument(what + " is not a decimal or 0x-hex integer: " + text);
        }
    }
}
