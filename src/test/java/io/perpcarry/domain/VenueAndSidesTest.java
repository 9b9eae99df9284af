package io.perpcarry.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VenueAndSidesTest {

    @Test
    void venueNamesAndParsing() {
        assertThat(Venue.EDGEX.displayName()).isEqualTo("EdgeX");
        assertThat(Venue.LIGHTER.wireName()).isEqualTo("lighter");
        assertThat(Venue.fromWire(" EdgeX ")).isEqualTo(Venue.EDGEX);
        assertThat(Venue.fromWire("lighter")).isEqualTo(Venue.LIGHTER);
        assertThat(Venue.LIGHTER.other()).isEqualTo(Venue.EDGEX);
        assertThat(Venue.EDGEX.other()).isEqualTo(Venue.LIGHTER);
        assertThatThrownBy(() -> Venue.fromWire("binance")).hasMessageContaining("unknown venue 'binance'");
        assertThatThrownBy(() -> Venue.fromWire(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void positionSidesMapToOpeningAndClosingOrders() {
        assertThat(PositionSide.LONG.openingOrder()).isEqualTo(OrderSide.BUY);
        assertThat(PositionSide.LONG.closingOrder()).isEqualTo(OrderSide.SELL);
        assertThat(PositionSide.SHORT.openingOrder()).isEqualTo(OrderSide.SELL);
        assertThat(PositionSide.SHORT.closingOrder()).isEqualTo(OrderSide.BUY);
        assertThat(PositionSide.SHORT.opposite()).isEqualTo(PositionSide.LONG);
        assertThat(PositionSide.LONG.sign()).isEqualTo(1);
        assertThat(PositionSide.SHORT.sign()).isEqualTo(-1);
        assertThat(OrderSide.BUY.opposite()).isEqualTo(OrderSide.SELL);
    }
}
