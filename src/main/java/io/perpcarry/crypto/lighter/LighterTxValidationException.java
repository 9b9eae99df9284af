package io.perpcarry.crypto.lighter;

/**
 * A transaction field breaks one of the rules lighter-go's Validate() enforces; thrown before
 * anything is hashed or signed.
 */
public final class LighterTxValidationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String reason;

    public LighterTxValidationException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
        this.reason = reason;
    }

    /** The tx_info key of the offending field (e.g. "OrderExpiry", "L2TxAttributes"). */
    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
