package io.perpcarry.venue.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.perpcarry.domain.Venue;
import io.perpcarry.venue.VenueErrorKind;
import io.perpcarry.venue.VenueException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class VenueJsonTest {
    static final VenueJson JSON = VenueJson.of(Venue.LIGHTER);
    static final JsonNode ROW = JSON.parse("""
            {"rate": 5e-05, "rate_text": "5e-05", "price": "3024.660", "order_index": 281475010142437,
             "big_id": 9007199254740993, "big_id_text": "9007199254740993", "whole_exp": 1E+3, "half": 1.5,
             "version": "2070263104", "flag": true, "flag_text": "false", "empty": "", "nothing": null,
             "list": [], "name": "BTC", "number": 7}""", "test");

    @Test
    void decimalsKeepExponentFormAndTrailingZerosExactly() {
        assertThat(JSON.decimal(ROW, "rate", "t")).isEqualTo(new BigDecimal("5e-05"));
        assertThat(JSON.decimal(ROW, "rate_text", "t")).isEqualByComparingTo("0.00005");
        assertThat(JSON.decimal(ROW, "price", "t")).isEqualTo(new BigDecimal("3024.660"));
        assertThat(JSON.optDecimal(ROW, "empty", "t")).isEmpty();
        assertThat(JSON.optDecimal(ROW, "absent", "t")).isEmpty();
    }

    @Test
    void integersBeyondTwoToThe53AreExactLongs() {
        assertThat(JSON.integer(ROW, "big_id", "t")).isEqualTo(9_007_199_254_740_993L);
        assertThat(JSON.integer(ROW, "big_id_text", "t")).isEqualTo(9_007_199_254_740_993L);
        assertThat(JSON.integer(ROW, "order_index", "t")).isEqualTo(281_475_010_142_437L);
        assertThat(JSON.integer(ROW, "version", "t")).isEqualTo(2_070_263_104L);
        assertThat(JSON.integer(ROW, "whole_exp", "t")).isEqualTo(1000L);
        assertThat(JSON.optInteger(ROW, "nothing", "t")).isEmpty();
    }

    @Test
    void errorsAreTypedAndNameTheVenuePlaceAndField() {
        VenueException missing = catchThrowableOfType(() -> JSON.decimal(ROW, "mark_price", "market_stats"),
                VenueException.class);
        assertThat(missing.kind()).isEqualTo(VenueErrorKind.MALFORMED_RESPONSE);
        assertThat(missing.venue()).isEqualTo(Venue.LIGHTER);
        assertThat(missing.getMessage()).contains("market_stats").contains("'mark_price'");
        assertThat(catchThrowableOfType(() -> JSON.integer(ROW, "half", "t"), VenueException.class).getMessage())
                .contains("'half'").contains("not an integer");
        assertThat(catchThrowableOfType(() -> JSON.decimal(ROW, "name", "t"), VenueException.class).getMessage())
                .contains("'name'").contains("not a decimal");
        assertThat(catchThrowableOfType(() -> JSON.text(ROW, "number", "t"), VenueException.class).getMessage())
                .contains("'number'");
        assertThat(catchThrowableOfType(() -> JSON.array(ROW, "name", "t"), VenueException.class).getMessage())
                .contains("not an array");
        assertThat(catchThrowableOfType(() -> JSON.integer(JSON.parse("{\"v\": 1e30}", "t"), "v", "t"),
                VenueException.class).getMessage()).contains("long range");
        assertThat(catchThrowableOfType(() -> JSON.parse("{\"a\": ", "frame"), VenueException.class).kind())
                .isEqualTo(VenueErrorKind.MALFORMED_RESPONSE);
        assertThat(catchThrowableOfType(() -> VenueJson.of(Venue.EDGEX).field(ROW, "x", "t"), VenueException.class)
                .venue()).isEqualTo(Venue.EDGEX);
    }

    @Test
    void booleansAsJsonOrText() {
        assertThat(JSON.bool(ROW, "flag", "t")).isTrue();
        assertThat(JSON.bool(ROW, "flag_text", "t")).isFalse();
        assertThat(catchThrowableOfType(() -> JSON.bool(ROW, "number", "t"), VenueException.class)).isNotNull();
    }
}
