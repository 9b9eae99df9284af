package io.perpcarry.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.perpcarry.app.Cli;
import org.junit.jupiter.api.Test;

/**
 * The chaos suite under Maven ({@code mvn -Pchaos verify}, {@code -Dchaos.args="crash --trials 10"}): the same
 * as {@code bin/perpcarry chaos ARGS}; fails when a figure is broken. Not part of the normal test run.
 */
class ChaosSuiteRun {
    @Test
    void everyFigureHolds() {
        String args = System.getProperty("perpcarry.chaos.args", "all --trials 50").trim();
        String[] argv = ("chaos " + args).split("\\s+");
        assertThat(Cli.commandLine().execute(argv)).as("bin/perpcarry " + String.join(" ", argv) + " exit code").isZero();
    }
}
