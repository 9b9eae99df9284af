package io.perpcarry.crypto.edgex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The encoder and signer against the worked "Ether Mail" example of the EIP-712 specification. */
class Eip712StructTest {
    private static final String PERSON = "Person(string name,address wallet)";
    private static final String MAIL = "Mail(Person from,Person to,string contents)" + PERSON;

    @Test
    void etherMailExampleFromTheSpec() {
        byte[] domain = Eip712Struct.ofType(EdgexOrderTypedData.DOMAIN_TYPE)
                .string("Ether Mail").string("1").uint("chainId", BigInteger.ONE, 256)
                .address(EthAddress.parse("0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"))
                .hash();
        byte[] mail = Eip712Struct.ofType(MAIL)
                .bytes32(person("Cow", "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"))
                .bytes32(person("Bob", "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"))
                .string("Hello, Bob!")
                .hash();
        byte[] digest = Keccak256.hash(new byte[] {0x19, 0x01}, domain, mail);
        assertThat(HexFormat.of().formatHex(domain))
                .isEqualTo("f2cee375fa42b42143804025fc449deafd50cc031ca257e0b194a650a912090f");
        assertThat(HexFormat.of().formatHex(digest))
                .isEqualTo("be609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2");

        // The spec signs with keccak256("cow"): v = 28, r = 0x4355…1c9d, s = 0x0729…1562.
        String key = HexFormat.of().formatHex(Keccak256.hash("cow".getBytes(StandardCharsets.US_ASCII)));
        EdgexOrderSigner cow = EdgexOrderSigner.fromHex(key);
        assertThat(cow.address().toString()).isEqualTo("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826");
        byte[] sig = Secp256k1.sign(digest, new BigInteger(key, 16), Secp256k1.publicKeyXY(new BigInteger(key, 16)));
        assertThat(HexFormat.of().formatHex(sig)).isEqualTo(
                "4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d"
                        + "07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562" + "1c");
    }

    @Test
    void rangeChecksRefuseValuesAbiEncodingWouldWrap() {
        Eip712Struct s = Eip712Struct.ofType("T(uint64 a)");
        assertThatThrownBy(() -> s.uint("a", BigInteger.TWO.pow(64), 64))
                .isInstanceOf(EdgexSigningException.class).hasMessageContaining("uint64");
        assertThatThrownBy(() -> s.uint("a", -1, 64)).isInstanceOf(EdgexSigningException.class);
        assertThatThrownBy(() -> s.int256("a", BigInteger.TWO.pow(255))).isInstanceOf(EdgexSigningException.class);
    }

    @Test
    void negativeInt256IsTwosComplement() {
        byte[] minusOne = Eip712Struct.ofType("T(int256 a)").int256("a", BigInteger.ONE.negate()).hash();
        byte[] allOnes = new byte[32];
        java.util.Arrays.fill(allOnes, (byte) 0xff);
        byte[] expected = Keccak256.hash(Keccak256.hash("T(int256 a)".getBytes(StandardCharsets.US_ASCII)), allOnes);
        assertThat(minusOne).isEqualTo(expected);
    }

    private static byte[] person(String name, String wallet) {
        return Eip712Struct.ofType(PERSON).string(name).address(EthAddress.parse(wallet)).hash();
    }
}
