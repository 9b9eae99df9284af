package io.perpcarry.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FaultPlanTest {
    private static final FaultRequest LIGHTER_SEND_BUY = new FaultRequest(VenueId.LIGHTER, "POST", "/api/v1/sendTx",
            14, "BUY", "42", "BTC");
    private final FaultPlan plan = new FaultPlan();

    @Test
    void faultsAreConsumedByCount() {
        plan.add(Fault.of(VenueId.LIGHTER, FaultKind.HTTP_429, new FaultMatch("/api/v1/sendTx", null, null, null, null), 2));
        assertThat(plan.take(LIGHTER_SEND_BUY)).extracting(Fault::kind).containsExactly(FaultKind.HTTP_429);
        assertThat(plan.list()).singleElement().satisfies(f -> assertThat(f.remaining()).isEqualTo(1));
        assertThat(plan.take(LIGHTER_SEND_BUY)).hasSize(1);
        assertThat(plan.take(LIGHTER_SEND_BUY)).isEmpty();
        assertThat(plan.list()).isEmpty();
    }

    @Test
    void foreverFaultsNeverRunOut() {
        plan.add(Fault.delay(null, FaultMatch.ANY, Fault.FOREVER, 250));
        for (int i = 0; i < 100; i++) {
            assertThat(plan.take(LIGHTER_SEND_BUY)).singleElement().satisfies(f -> assertThat(f.delayMs()).isEqualTo(250));
        }
    }

    @Test
    void venueAndMatcherScopeTheFault() {
        plan.add(Fault.reject(VenueId.EDGEX, FaultMatch.ANY, 1, "FAILED", "no"));
        plan.add(Fault.of(VenueId.LIGHTER, FaultKind.NO_ANSWER, new FaultMatch(null, 15, null, null, null), 1));
        plan.add(Fault.of(VenueId.LIGHTER, FaultKind.MALFORMED_BODY, new FaultMatch(null, null, "SELL", null, null), 1));
        plan.add(Fault.of(VenueId.LIGHTER, FaultKind.HTTP_5XX, new FaultMatch(null, null, null, "43", null), 1));
        assertThat(plan.take(LIGHTER_SEND_BUY)).isEmpty();
        assertThat(plan.list()).hasSize(4);
    }

    @Test
    void oneTerminalFaultPerRequestPlusModifiers() {
        plan.add(Fault.reject(VenueId.LIGHTER, FaultMatch.ANY, 1, "21739", "not enough margin to create the order"));
        plan.add(Fault.of(VenueId.LIGHTER, FaultKind.HTTP_429, FaultMatch.ANY, 1));
        plan.add(Fault.delay(VenueId.LIGHTER, FaultMatch.ANY, 1, 100));
        plan.add(Fault.partialFill(VenueId.LIGHTER, FaultMatch.ANY, 1, new BigDecimal("0.5")));
        assertThat(plan.take(LIGHTER_SEND_BUY)).extracting(Fault::kind)
                .containsExactly(FaultKind.REJECT, FaultKind.DELAY_MS, FaultKind.PARTIAL_FILL);
        assertThat(plan.take(LIGHTER_SEND_BUY)).extracting(Fault::kind).containsExactly(FaultKind.HTTP_429);
    }

    @Test
    void concurrentRequestsNeverConsumeMoreThanTheCount() throws Exception {
        plan.add(Fault.of(null, FaultKind.HTTP_5XX, FaultMatch.ANY, 500));
        AtomicInteger hits = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 300; i++) {
                    hits.addAndGet(plan.take(LIGHTER_SEND_BUY).size());
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(hits).hasValue(500);
    }

    @Test
    void invalidFaultsAreRefused() {
        assertThatThrownBy(() -> Fault.partialFill(null, FaultMatch.ANY, 1, new BigDecimal("1.5")))
                .hasMessageContaining("fraction");
        assertThatThrownBy(() -> Fault.of(null, FaultKind.HTTP_429, FaultMatch.ANY, 0)).hasMessageContaining("count");
    }

    @Test
    void jsonRoundTrip() throws Exception {
        String json = """
                [{"venue": "EDGEX", "kind": "REJECT", "count": 3, "match": {"path": "/api/v2/private/order/createOrder",
                  "side": "sell", "clientOrderId": 123}, "errorCode": "INVALID_CONTRACT_ID", "message": "bad contract"},
                 {"kind": "PARTIAL_FILL", "fraction": "0.25"}]""";
        List<String> problems = new ArrayList<>();
        List<Fault> faults = FaultJson.parseList(new ObjectMapper().readTree(json), "faults", problems);
        assertThat(problems).isEmpty();
        assertThat(faults).hasSize(2);
        assertThat(faults.get(0).match().side()).isEqualTo("SELL");
        assertThat(faults.get(0).match().clientOrderId()).isEqualTo("123");
        assertThat(faults.get(1).venue()).isNull();
        assertThat(faults.get(1).remaining()).isEqualTo(1);
        List<Fault> again = FaultJson.parseList(stripIds(FaultJson.toJson(faults)), "faults", problems);
        assertThat(problems).isEmpty();
        assertThat(again).isEqualTo(faults);
    }

    @Test
    void jsonProblemsNameTheField() throws Exception {
        List<String> problems = new ArrayList<>();
        FaultJson.parseList(new ObjectMapper().readTree("[{\"kind\": \"DELAY_MS\", \"count\": 0, \"delayMs\": 5},"
                + "{\"kind\": \"HTTP_5XX\", \"match\": {\"side\": \"UP\"}}]"), "faults", problems);
        assertThat(problems).anyMatch(p -> p.startsWith("faults[0].count"))
                .anyMatch(p -> p.startsWith("faults[1].match.side"));
    }

    @Test
    void aClockSkewIsAppliedToItsVenueNotStoredAndClearedWithTheFaults() throws Exception {
        FaultPlan plan = new FaultPlan();
        MutableClock wall = new MutableClock(java.time.Instant.parse("2026-12-02T00:00:00Z"));
        SkewedClock edgex = new SkewedClock(wall, plan, VenueId.EDGEX);
        SkewedClock lighter = new SkewedClock(wall, plan, VenueId.LIGHTER);
        List<String> problems = new ArrayList<>();
        List<Fault> parsed = FaultJson.parseList(new ObjectMapper().readTree(
                "[{\"venue\": \"EDGEX\", \"kind\": \"CLOCK_SKEW\", \"skewMs\": -45000}]"), "faults", problems);
        assertThat(problems).isEmpty();
        assertThat(FaultJson.toJson(parsed).get(0).get("skewMs").asLong()).isEqualTo(-45000);
        plan.addAll(parsed);
        assertThat(plan.list()).isEmpty();
        assertThat(edgex.millis()).isEqualTo(wall.millis() - 45000);
        assertThat(edgex.instant()).isEqualTo(wall.instant().minusMillis(45000));
        assertThat(lighter.instant()).isEqualTo(wall.instant());
        assertThat(plan.take(FaultRequest.of(VenueId.EDGEX, "GET", "/api/v2/private/account"))).isEmpty();
        plan.add(Fault.clockSkew(null, 1000));
        assertThat(lighter.instant()).isEqualTo(wall.instant().plusMillis(1000));
        plan.clear();
        assertThat(edgex.instant()).isEqualTo(wall.instant());
        assertThat(lighter.instant()).isEqualTo(wall.instant());
    }

    @Test
    void aClockSkewWithoutSkewMsOrBeyondADayIsRefused() throws Exception {
        List<String> problems = new ArrayList<>();
        FaultJson.parseList(new ObjectMapper().readTree("[{\"kind\": \"CLOCK_SKEW\"},"
                + "{\"kind\": \"CLOCK_SKEW\", \"skewMs\": 86400001}]"), "faults", problems);
        assertThat(problems).anyMatch(p -> p.startsWith("faults[0]") && p.contains("skewMs"))
                .anyMatch(p -> p.startsWith("faults[1]") && p.contains("a day"));
    }

    private static com.fasterxml.jackson.databind.JsonNode stripIds(com.fasterxml.jackson.databind.JsonNode array) {
        array.forEach(n -> ((com.fasterxml.jackson.databind.node.ObjectNode) n).remove("id"));
        return array;
    }
}
