package io.perpcarry.crypto.lighter;

/**
 * A Lighter L2 transaction ready to be hashed and signed. Implementations mirror lighter-go
 * types/txtypes: {@link #validate()} applies its Validate() rules, {@link #hash()} its Hash() (the
 * message the API key signs), {@link #txInfoJson(byte[])} the {@code tx_info} string it sends.
 * {@code hash()} and {@code txInfoJson()} validate first, so an invalid tx is never hashed.
 */
public sealed interface LighterTx
        permits CreateOrderTx, CancelOrderTx, CancelAllOrdersTx, ModifyOrderTx, UpdateLeverageTx, UpdateMarginTx {

    /** The {@code tx_type} number (see {@link LighterTxType}). */
    int txType();

    LighterTxContext context();

    L2TxAttributes attributes();

    /** Throws {@link LighterTxValidationException} on the first rule the tx breaks. */
    void validate();

    /** The signed message as a GF(p^5) element (validates first). */
    QuinticExtension hashElement();

    /** The 40-byte tx hash, i.e. {@link #hashElement()} as 5 little-endian limbs (validates first). */
    default byte[] hash() {
        return hashElement().toLittleEndianBytes();
    }

    /**
     * The exact {@code tx_info} JSON lighter-go sends: the tx fields in Go struct order, then
     * {@code "Sig"} (base64 of the 80-byte signature) and {@code "L2TxAttributes"} (null or the map).
     * Validates first.
     */
    String txInfoJson(byte[] signature);
}
