package io.perpcarry.crypto.edgex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HexFormat;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class EdgexOrderSignerTest {
    static final String KEY = "e123c2a30682bc7e2c0800151ded0802dd80618c46dc037f2652513cb7475422";
    static final String ADDRESS = "0x89b1b90179f7a1b3A87d2257095D57Bb98bee7b7";

    static EdgexOrderRequest order(String size, String price, OrderSide side) {
        return new EdgexOrderRequest(
                EdgexDomain.of("1", "0x63c6684e14e27dc59870c5595d574bd6ca5d6ac6"),
                EdgexContractSpec.of("10000015", "1000", "0xf4240", "1000000", "0.00038", "-0.00005"),
                500000000911321981L, side, new BigDecimal(size), new BigDecimal(price),
                "1700000744725277784", 1790107057620L);
    }

    @Test
    void keyWithAndWithoutPrefixGivesTheSameChecksummedAddress() {
        assertThat(EdgexOrderSigner.fromHex(KEY).address().toString()).isEqualTo(ADDRESS);
        assertThat(EdgexOrderSigner.fromHex("0x" + KEY).address().toString()).isEqualTo(ADDRESS);
        assertThat(EdgexOrderSigner.fromHex(KEY.toUpperCase()).address()).isEqualTo(EthAddress.parse(ADDRESS));
    }

    @Test
    void signingIsDeterministicLowSAndRecoverable() {
        EdgexOrderSigner signer = EdgexOrderSigner.fromHex(KEY);
        SignedEdgexOrder a = signer.sign(order("0.5", "1.2345", OrderSide.BUY));
        SignedEdgexOrder b = signer.sign(order("0.5", "1.2345", OrderSide.BUY));
        assertThat(a.l2Signature()).isEqualTo(b.l2Signature()).hasSize(130).doesNotStartWith("0x");
        BigInteger s = new BigInteger(a.l2Signature().substring(64, 128), 16);
        assertThat(s).isLessThanOrEqualTo(Secp256k1.N.shiftRight(1));
        byte[] digest = HexFormat.of().parseHex(a.eip712DigestHex());
        assertThat(EdgexOrderSigner.recoverSigner(digest, a.l2Signature())).isEqualTo(signer.address());
        assertThat(EdgexOrderSigner.recoverSigner(digest, "0x" + a.l2Signature())).isEqualTo(signer.address());
    }

    @Test
    void tamperedOrderRecoversAnotherAddress() {
        EdgexOrderSigner signer = EdgexOrderSigner.fromHex(KEY);
        SignedEdgexOrder signed = signer.sign(order("0.5", "1.2345", OrderSide.BUY));
        L2OrderFields f = signed.fields();
        L2OrderFields tampered = new L2OrderFields(f.domain(), f.signer(), f.accountId(), f.contractId(),
                f.quoteCoinId(), OrderSide.SELL, f.clientOrderId(), f.l2Nonce(), f.l2Size(), f.l2Value(),
                f.l2LimitFee(), f.expireTime(), f.l2ExpireTime(), f.expirationTimestampSeconds(),
                f.amountSynthetic(), f.amountCollateral(), f.amountFee());
        EthAddress recovered = EdgexOrderSigner.recoverSigner(EdgexOrderTypedData.digest(tampered), signed.l2Signature());
        assertThat(recovered).isNotEqualTo(signer.address());

        L2OrderFields bigger = signer.derive(order("0.6", "1.2345", OrderSide.BUY));
        assertThat(EdgexOrderSigner.recoverSigner(signer.eip712Digest(bigger), signed.l2Signature()))
                .isNotEqualTo(signer.address());
    }

    @Test
    void derivedFieldsFollowTheSdkRules() {
        L2OrderFields f = EdgexOrderSigner.fromHex(KEY).derive(order("0.5", "1.2345", OrderSide.BUY));
        assertThat(f.l2Nonce()).isEqualTo(759759400L); // int(sha256("1700000744725277784")[:8], 16)
        assertThat(f.l2ValueText()).isEqualTo("0.61725");
        assertThat(f.l2LimitFee()).isEqualTo(BigInteger.ONE); // ceil(0.61725 × 0.00038)
        assertThat(f.l2ExpireTime() - f.expireTime()).isEqualTo(8L * 24 * 3600 * 1000);
        assertThat(f.expirationTimestampSeconds()).isEqualTo(1790107057L);
        assertThat(f.amountCollateral()).isEqualTo(BigInteger.valueOf(617250));
    }

    @Test
    void l2ValueTextIsPythonsDecimalString() {
        EdgexOrderSigner signer = EdgexOrderSigner.fromHex(KEY);
        assertThat(signer.derive(order("1000", "104999.9", OrderSide.BUY)).l2ValueText()).isEqualTo("104999900.0");
        assertThat(signer.derive(order("0.5", "0.0000002", OrderSide.BUY)).l2ValueText()).isEqualTo("1.0E-7");
    }

    @Test
    void collateralIsTruncatedButSyntheticMustBeExact() {
        EdgexOrderSigner signer = EdgexOrderSigner.fromHex(KEY);
        // l2Value 0.0000012345 × 10^6 = 1.2345 → 1 (int() truncation); size 10^-7 × 10^6 is not whole
        assertThat(signer.derive(order("0.001", "0.0012345", OrderSide.SELL)).amountCollateral())
                .isEqualTo(BigInteger.ONE);
        expectKind(() -> signer.derive(order("0.0000001", "1", OrderSide.BUY)),
                EdgexSigningException.Kind.UNREPRESENTABLE_AMOUNT);
    }

    @Test
    void productsBeyondPythonDecimalPrecisionAreRefused() {
        expectKind(() -> EdgexOrderSigner.fromHex(KEY).derive(
                        order("1.123456789012345", "1.12345678901234567", OrderSide.BUY)),
                EdgexSigningException.Kind.UNREPRESENTABLE_AMOUNT);
    }

    @Test
    void privateKeyNeverShows() {
        EdgexOrderSigner signer = EdgexOrderSigner.fromHex(KEY);
        assertThat(signer.toString()).doesNotContain(KEY).doesNotContain(KEY.substring(0, 8)).contains(ADDRESS);
        String badChar = KEY.substring(0, 63) + "z";
        for (String bad : new String[] {badChar, KEY + "00", KEY.substring(2), "0x" + KEY.substring(4)}) {
            assertThatThrownBy(() -> EdgexOrderSigner.fromHex(bad))
                    .isInstanceOf(EdgexSigningException.class)
                    .satisfies(e -> assertThat(((EdgexSigningException) e).kind())
                            .isEqualTo(EdgexSigningException.Kind.INVALID_KEY))
                    .message().doesNotContain(KEY.substring(4, 20));
        }
    }

    @Test
    void keyOutsideTheCurveOrderIsRefused() {
        expectKind(() -> EdgexOrderSigner.fromHex("00".repeat(32)), EdgexSigningException.Kind.INVALID_KEY);
        expectKind(() -> EdgexOrderSigner.fromHex(Secp256k1.N.toString(16)), EdgexSigningException.Kind.INVALID_KEY);
        expectKind(() -> EdgexOrderSigner.fromHex(null), EdgexSigningException.Kind.INVALID_KEY);
    }

    @Test
    void orderArgumentsAreValidated() {
        EdgexDomain d = EdgexDomain.of("0x1", "0x63c6684e14e27dc59870c5595d574bd6ca5d6ac6");
        EdgexContractSpec c = EdgexContractSpec.of("1", "2", "10", "10", "0.001", "0");
        BigDecimal one = BigDecimal.ONE;
        ThrowingCallable[] bad = {
            () -> new EdgexOrderRequest(d, c, 1, OrderSide.BUY, BigDecimal.ZERO, one, "x", 1),
            () -> new EdgexOrderRequest(d, c, 1, OrderSide.BUY, one, one.negate(), "x", 1),
            () -> new EdgexOrderRequest(d, c, 1, OrderSide.BUY, one, one, " ", 1),
            () -> new EdgexOrderRequest(d, c, 1, OrderSide.BUY, one, one, "x", 0),
            () -> new EdgexOrderRequest(d, c, -1, OrderSide.BUY, one, one, "x", 1),
            () -> new EdgexOrderRequest(d, c, 1, null, one, one, "x", 1),
            () -> L2OrderFieldDerivation.derive(      // l2ExpireTime would overflow
                    new EdgexOrderRequest(d, c, 1, OrderSide.BUY, one, one, "x", Long.MAX_VALUE),
                    EthAddress.parse(ADDRESS)),
            () -> EdgexContractSpec.of("1", "2", "0", "10", "0.001", "0"),
            () -> EdgexContractSpec.of("1", "2", "10", "10", "-0.001", "-0.002"),
            () -> EdgexContractSpec.of("1", "2", "-0x10", "10", "0.001", "0"),
            () -> EdgexContractSpec.of("1", "2", "10", "10", "abc", "0"),
            () -> EdgexDomain.of("0", "0x63c6684e14e27dc59870c5595d574bd6ca5d6ac6"),
            () -> EdgexDomain.of("", "0x63c6684e14e27dc59870c5595d574bd6ca5d6ac6"),
            () -> EdgexDomain.of("1", "63c6684e14e27dc59870c5595d574bd6ca5d6ac6"),
        };
        for (ThrowingCallable call : bad) {
            expectKind(call, EdgexSigningException.Kind.INVALID_ARGUMENT);
        }
    }

    @Test
    void addressChecksumIsEnforcedOnMixedCase() {
        assertThat(EthAddress.parse(ADDRESS.toLowerCase()).toString()).isEqualTo(ADDRESS);
        String broken = ADDRESS.replace("A87d", "a87d");
        expectKind(() -> EthAddress.parse(broken), EdgexSigningException.Kind.INVALID_ARGUMENT);
    }

    @Test
    void fieldsOfAnotherSignerAreNotSigned() {
        L2OrderFields f = L2OrderFieldDerivation.derive(order("1", "1", OrderSide.BUY),
                EthAddress.parse("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"));
        expectKind(() -> EdgexOrderSigner.fromHex(KEY).sign(f), EdgexSigningException.Kind.INVALID_ARGUMENT);
    }

    @Test
    void malformedAndMalleatedSignaturesAreRejected() {
        EdgexOrderSigner signer = EdgexOrderSigner.fromHex(KEY);
        SignedEdgexOrder signed = signer.sign(order("0.5", "1.2345", OrderSide.BUY));
        byte[] digest = HexFormat.of().parseHex(signed.eip712DigestHex());
        byte[] sig = HexFormat.of().parseHex(signed.l2Signature());

        byte[] highS = sig.clone();
        BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64));
        System.arraycopy(org.bouncycastle.util.BigIntegers.asUnsignedByteArray(32, Secp256k1.N.subtract(s)), 0, highS, 32, 32);
        highS[64] = (byte) (sig[64] == 27 ? 28 : 27);
        expectKind(() -> EdgexOrderSigner.recoverSigner(digest, highS), EdgexSigningException.Kind.INVALID_SIGNATURE);

        byte[] v0 = sig.clone();
        v0[64] = 0;
        expectKind(() -> EdgexOrderSigner.recoverSigner(digest, v0), EdgexSigningException.Kind.INVALID_SIGNATURE);
        byte[] zeroR = sig.clone();
        java.util.Arrays.fill(zeroR, 0, 32, (byte) 0);
        expectKind(() -> EdgexOrderSigner.recoverSigner(digest, zeroR), EdgexSigningException.Kind.INVALID_SIGNATURE);
        expectKind(() -> EdgexOrderSigner.recoverSigner(digest, signed.l2Signature().substring(2)),
                EdgexSigningException.Kind.INVALID_SIGNATURE);
        expectKind(() -> EdgexOrderSigner.recoverSigner(new byte[31], sig), EdgexSigningException.Kind.INVALID_ARGUMENT);
    }

    static void expectKind(ThrowingCallable call, EdgexSigningException.Kind kind) {
        assertThatThrownBy(call).isInstanceOf(EdgexSigningException.class)
                .satisfies(e -> assertThat(((EdgexSigningException) e).kind()).isEqualTo(kind));
    }
}
