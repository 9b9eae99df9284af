package io.perpcarry.engine;

/** Why an order is sent; part of its client order id so a venue's order list reads back as our intent. */
public enum LegRole {
    OPEN_LONG(1),
    OPEN_SHORT(2),
    LEVEL(3),
    UNWIND(4),
    CLOSE(5),
    RECOVER(6),
    EMERGENCY(7);

    final int code;

    LegRole(int code) {
        this.code = code;
    }
}
