package io.perpcarry.crypto.lighter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perpcarry.testing.VectorFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks against the official signer's vectors (see src/test/resources/vectors/README.md): key derivation,
 * acceptance of the official signatures (and rejection of one-bit changes), our own signatures over the
 * same hashes, and auth tokens. Fails when any entry of any lighter-*.json file fails.
 */
class LighterSignatureVectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private static List<JsonNode> entries(String section) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (Path p : VectorFiles.matching("lighter-")) {
            JsonNode root = JSON.readTree(p.toFile());
            JsonNode arr = root.path(section);
            arr.forEach(out::add);
        }
        return out;
    }

    static byte[] hex(String s) {
        return HEX.parseHex(s.startsWith("0x") ? s.substring(2) : s);
    }

    private static byte[] flip(byte[] b, int bit) {
        byte[] c = b.clone();
        c[bit / 8] ^= (byte) (1 << (bit % 8));
        return c;
    }

    @Test
    void derivesEveryPublicKey() throws IOException {
        List<JsonNode> keys = entries("keys");
        assertThat(keys).isNotEmpty();
        for (JsonNode k : keys) {
            LighterPrivateKey key = LighterPrivateKey.fromHex(k.get("privateKey").asText());
            assertThat(key.publicKey()).as("public key of entry %s", k.get("publicKey").asText())
                    .isEqualTo(hex(k.get("publicKey").asText()));
        }
    }

    @Test
    void acceptsOfficialTxSignaturesAndRejectsOneBitChanges() throws IOException {
        List<JsonNode> txs = entries("txs");
        assertThat(txs).isNotEmpty();
        int i = 0;
        for (JsonNode tx : txs) {
            byte[] pk = hex(tx.get("publicKey").asText());
            byte[] hash = hex(tx.get("txHash").asText());
            byte[] sig = Base64.getDecoder().decode(JSON.readTree(tx.get("txInfo").asText()).get("Sig").asText());
            assertThat(sig).hasSize(80);
            assertThat(Schnorr.verify(pk, hash, sig)).as("tx %d (%s) official Sig", i, tx.get("kind")).isTrue();
            // Vary the flipped bit across entries to cover every limb of hash and signature.
            int hBit = (i * 37 + 3) % 320;
            int sBit = (i * 53 + 11) % 640;
            assertThat(Schnorr.verify(pk, flip(hash, hBit), sig)).as("tx %d hash bit %d", i, hBit).isFalse();
            assertThat(Schnorr.verify(pk, hash, flip(sig, sBit))).as("tx %d sig bit %d", i, sBit).isFalse();
            i++;
        }
    }

    @Test
    void ourSignaturesOverOfficialHashesVerify() throws IOException {
        List<JsonNode> keys = entries("keys");
        for (JsonNode tx : entries("txs")) {
            LighterPrivateKey key = keyFor(keys, tx.get("publicKey").asText());
            byte[] hash = hex(tx.get("txHash").asText());
            byte[] sig = Schnorr.sign(key, hash);
            assertThat(Schnorr.verify(key.publicKey(), hash, sig)).isTrue();
            assertThat(Schnorr.verify(hex(tx.get("publicKey").asText()), hash, sig)).isTrue();
        }
    }

    @Test
    void verifiesEveryAuthTokenAndRefusesOneBitChanges() throws IOException {
        List<JsonNode> tokens = entries("authTokens");
        assertThat(tokens).isNotEmpty();
        for (JsonNode t : tokens) {
            String token = t.get("authToken").asText();
            byte[] pk = hex(t.get("publicKey").asText());
            LighterAuthToken parsed = LighterAuthToken.verify(token, pk);
            assertThat(parsed.deadline()).isEqualTo(t.get("deadline").asLong());
            assertThat(parsed.accountIndex()).isEqualTo(t.get("accountIndex").asLong());
            assertThat(parsed.apiKeyIndex()).isEqualTo(t.get("apiKeyIndex").asInt());
            assertThat(parsed.token()).isEqualTo(token);

            String sigHex = token.substring(token.lastIndexOf(':') + 1);
            String prefix = token.substring(0, token.lastIndexOf(':') + 1);
            String badSig = prefix + HEX.formatHex(flip(HEX.parseHex(sigHex), 5));
            assertThatThrownBy(() -> LighterAuthToken.verify(badSig, pk))
                    .isInstanceOfSatisfying(LighterAuthTokenException.class,
                            e -> assertThat(e.reason()).isEqualTo(LighterAuthTokenException.Reason.BAD_SIGNATURE));
            String otherDeadline = (parsed.deadline() + 1) + token.substring(token.indexOf(':'));
            assertThatThrownBy(() -> LighterAuthToken.verify(otherDeadline, pk))
                    .isInstanceOf(LighterAuthTokenException.class);
        }
    }

    @Test
    void ourAuthTokensVerify() throws IOException {
        List<JsonNode> keys = entries("keys");
        for (JsonNode t : entries("authTokens")) {
            LighterPrivateKey key = keyFor(keys, t.get("publicKey").asText());
            String token = LighterAuthToken.create(key, t.get("deadline").asLong(), t.get("accountIndex").asLong(),
                    t.get("apiKeyIndex").asInt());
            String official = t.get("authToken").asText();
            assertThat(token.substring(0, token.lastIndexOf(':')))
                    .isEqualTo(official.substring(0, official.lastIndexOf(':')));
            assertThat(LighterAuthToken.verify(token, key.publicKey()).token()).isEqualTo(token);
        }
    }

    static LighterPrivateKey keyFor(List<JsonNode> keys, String publicKeyHex) {
        for (JsonNode k : keys) {
            if (k.get("publicKey").asText().equalsIgnoreCase(publicKeyHex)) {
                return LighterPrivateKey.fromHex(k.get("privateKey").asText());
            }
        }
        throw new AssertionError("no private key in the vectors for public key " + publicKeyHex);
    }
}
