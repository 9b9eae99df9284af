package io.perpcarry.app;

public final class PerpcarryMain {
    public static void main(String[] args) throws Exception {
    }
}
