package io.perpcarry.strategy;

import io.perpcarry.domain.OrderSide;

import java.math.BigDecimal;

/**
 * A priced taker order.
 *
 * @param price      on the venue's tick
 * @param clamped    the deviation cap bound the price (the touch + cross ticks was further from mid)
 * @param marketable the price reaches the touch (buy >= best ask, sell <= best bid). False only when clamped:
 *                   the caller should send it IOC and accept a partial or no fill rather than pay past the cap
 */
public record LimitPrice(OrderSide side, BigDecimal price, boolean clamped, boolean marketable) {
}
