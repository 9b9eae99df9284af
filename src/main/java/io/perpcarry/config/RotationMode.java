package io.perpcarry.config;

/** What happens at the end of a hold. */
public enum RotationMode {
    /** Close and reopen every hold period, like the original bot. */
    ALWAYS,
    /** Extend the hold while the same market stays the best after costs. */
    KEEP_IF_BEST;

    static RotationMode fromConfig(String value) {
        return switch (value) {
            case "always" -> ALWAYS;
            case "keep_if_best" -> KEEP_IF_BEST;
            default -> throw new ConfigException("'rotation_mode': \"" + value + "\" is not always | keep_if_best");
        };
    }
}
