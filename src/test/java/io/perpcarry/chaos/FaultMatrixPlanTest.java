package io.perpcarry.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.perpcarry.emulator.Fault;
import io.perpcarry.emulator.FaultJson;
import io.perpcarry.emulator.FaultKind;
import io.perpcarry.preflight.PreflightCheck;
import io.perpcarry.preflight.PreflightReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The matrix covers every kind the emulator injects, clock skew included, with bodies the emulator accepts. */
class FaultMatrixPlanTest {
    @Test
    void everyKindIsACellOfTheSampleAndTheFullMatrix() {
        List<String> sampled = FaultMatrix.plan(true).stream().map(c -> c[0]).toList();
        assertThat(sampled).containsExactlyElementsOf(Arrays.stream(FaultKind.values()).map(Enum::name).toList());
        assertThat(FaultMatrix.plan(true)).anySatisfy(c -> assertThat(c).containsExactly("CLOCK_SKEW", "scan", "LIGHTER"));
        assertThat(FaultMatrix.plan("full")).hasSize(FaultKind.values().length * 5 * 2);
        assertThat(FaultMatrix.plan("sample")).hasSize(FaultKind.values().length);
        assertThat(FaultMatrix.plan("CLOCK_SKEW")).hasSize(10).allSatisfy(c -> assertThat(c[0]).isEqualTo("CLOCK_SKEW"));
        assertThat(FaultMatrix.plan("REJECT, NO_ANSWER")).hasSize(20).extracting(c -> c[0]).containsOnly("REJECT", "NO_ANSWER");
    }

    @Test
    void everyCellsFaultBodyIsAcceptedByTheEmulator() throws Exception {
        for (String[] cell : FaultMatrix.plan(false)) {
            FaultKind kind = FaultKind.valueOf(cell[0]);
            if (kind == FaultKind.FREEZE_BOOK) {
                continue; // POST /_emulator/book
            }
            List<String> problems = new ArrayList<>();
            String body = "[" + FaultMatrix.faultJson(kind, cell[1], cell[2]) + "]";
            List<Fault> parsed = FaultJson.parseList(new ObjectMapper().readTree(body), "faults", problems);
            assertThat(problems).as(body).isEmpty();
            assertThat(parsed).singleElement().satisfies(f -> assertThat(f.kind()).isEqualTo(kind));
            if (kind == FaultKind.CLOCK_SKEW) {
                // past EdgeX's 30 s auth window and Lighter's 10 min tx deadline
                assertThat(parsed.get(0).skewMs()).isGreaterThan(600_000L);
            }
        }
    }

    @Test
    void theClockRowOfAFailedPreflightIsFoundInTheDaemonLogForItsVenueOnly() {
        String log = "12:00:01 ERROR PreflightOnStart - preflight FAIL, the bot opens no new hedge; again in 300 s:\n"
                + new PreflightReport(List.of(
                        new PreflightCheck("lighter.clock", false, "venue clock +660012 ms from ours", "within 3 s"),
                        new PreflightCheck("edgex.clock", true, "venue clock +3 ms from ours", "within 3 s"))).render();
        assertThat(FaultMatrix.clockRowFailed("LIGHTER").matcher(log).find()).isTrue();
        assertThat(FaultMatrix.clockRowFailed("EDGEX").matcher(log).find()).isFalse();
        assertThat(FaultMatrix.PREFLIGHT_PASS.matcher(log).find()).isFalse();
    }
}
