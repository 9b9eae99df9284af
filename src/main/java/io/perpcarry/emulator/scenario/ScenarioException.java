package io.perpcarry.emulator.scenario;

import java.util.List;

/** A scenario file that cannot be used; every problem names the field as a JSON path ("markets[0].lighter.marketId"). */
public final class ScenarioException extends RuntimeException {
    private final List<String> problems;

    public ScenarioException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
