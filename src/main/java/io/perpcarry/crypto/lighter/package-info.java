/**
 * Pure-Java port of what Lighter's official signer (lighter-go on poseidon_crypto v0.0.15) needs
 * below the signature: the Goldilocks field ({@link io.perpcarry.crypto.lighter.Goldilocks}), its
 * quintic extension ({@link io.perpcarry.crypto.lighter.QuinticExtension}), the Poseidon2 hash
 * ({@link io.perpcarry.crypto.lighter.Poseidon2}) and the L2 transactions
 * ({@link io.perpcarry.crypto.lighter.LighterTx}): validation, the hash the API key signs and the
 * {@code tx_info} JSON. Checked against the official signer's vectors in
 * {@code src/test/resources/vectors/lighter-signer.json}.
 */
package io.perpcarry.crypto.lighter;
