package io.perpcarry.crypto.edgex;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.LongRange;

class EdgexOrderSignerProperties {

    @Property(tries = 60)
    void everySignatureRecoversItsSignerAndIsLowS(
            @ForAll @BigRange(min = "1", max = "115792089237316195423570985008687907852837564279074904382605163141518161494336")
            BigInteger key,
            @ForAll @LongRange(min = 1, max = 1_000_000) long sizeSteps,
            @ForAll @LongRange(min = 1, max = 10_000_000) long priceTicks,
            @ForAll boolean buy) {
        EdgexOrderSigner signer = EdgexOrderSigner.fromHex(String.format("%064x", key));
        EdgexOrderRequest order = new EdgexOrderRequest(
                EdgexDomain.of("8453", "0xd28a7a80c9e9f5d29fb7d1aa06e492dc04360b61"),
                EdgexContractSpec.of("10000001", "1000", "0x5f5e100", "0xf4240", "0.00038", "0.00015"),
                500000000193915458L, buy ? OrderSide.BUY : OrderSide.SELL,
                BigDecimal.valueOf(sizeSteps, 3), BigDecimal.valueOf(priceTicks, 1),
                "c" + sizeSteps, 1790095848246L);
        SignedEdgexOrder signed = signer.sign(order);
        byte[] sig = HexFormat.of().parseHex(signed.l2Signature());
        assertThat(new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64)))
                .isLessThanOrEqualTo(Secp256k1.N.shiftRight(1));
        assertThat(EdgexOrderSigner.recoverSigner(HexFormat.of().parseHex(signed.eip712DigestHex()), sig))
                .isEqualTo(signer.address());

        L2OrderFields f = signed.fields();
        BigDecimal exactFee = f.l2Value().multiply(new BigDecimal("0.00038"));
        assertThat(new BigDecimal(f.l2LimitFee())).isGreaterThanOrEqualTo(exactFee)
                .isLessThan(exactFee.add(BigDecimal.ONE));
        assertThat(f.amountFee()).isEqualTo(f.l2LimitFee().multiply(BigInteger.valueOf(1_000_000)));
        assertThat(f.l2Nonce()).isBetween(0L, 0xffffffffL);
    }
}
