package vn.motcua.dossier.dossier.domain;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Walks every (state × event × role) combination, including "no dossier yet", under both regimes, against a table
 * written out here independently of the machine's own. Actor and facts are chosen so that scope and guards pass:
 * what remains is exactly the table (plus the one regime guard on STOP).
 */
class TransitionTableTest {

    /** from ("-" = no dossier yet) | event | to | roles allowed. Written from domain.md §4.3, not from the code. */
    private static final String EXPECTED = """
            -                    SUBMIT_ONLINE                 SUBMITTED             citizen
            -                    RECEIVE_AT_COUNTER            RECEIVED              reception_officer
            -                    RECEIVE_BY_POST               RECEIVED              reception_officer
            -                    REQUEST_PRE_SUPPLEMENT        PRE_SUPPLEMENT        reception_officer
            -                    REJECT                        REJECTED              reception_officer
            SUBMITTED            ACCEPT                        RECEIVED              reception_officer
            SUBMITTED            REQUEST_PRE_SUPPLEMENT        PRE_SUPPLEMENT        reception_officer
            SUBMITTED            REJECT                        REJECTED              reception_officer
            SUBMITTED            WITHDRAW                      WITHDRAWN             citizen,reception_officer
            PRE_SUPPLEMENT       RESUBMIT                      SUBMITTED             citizen
            PRE_SUPPLEMENT       RECEIVE_AT_COUNTER            RECEIVED              reception_officer
            PRE_SUPPLEMENT       RECEIVE_BY_POST               RECEIVED              reception_officer
            PRE_SUPPLEMENT       WITHDRAW                      WITHDRAWN             citizen,reception_officer
            RECEIVED             TRANSFER                      IN_PROCESS            reception_officer
            RECEIVED             WITHDRAW                      WITHDRAWN             citizen,reception_officer
            RECEIVED             STOP                          STOPPED               citizen,reception_officer
            IN_PROCESS           ASSIGN                        IN_PROCESS            unit_leader
            IN_PROCESS           APPRAISE                      IN_PROCESS            specialist
            IN_PROCESS           REQUEST_CONSULTATION          IN_PROCESS            specialist
            IN_PROCESS           ANSWER_CONSULTATION           IN_PROCESS            specialist
            IN_PROCESS           FORWARD_INTER_AGENCY          IN_PROCESS            unit_leader
            IN_PROCESS           SUBMIT_FOR_APPROVAL           IN_PROCESS            specialist
            IN_PROCESS           APPROVE                       IN_PROCESS            unit_leader
            IN_PROCESS           REQUEST_SUPPLEMENT            SUPPLEMENT_REQUESTED  specialist
            IN_PROCESS           REFUSE                        REFUSED               unit_leader
            IN_PROCESS           APOLOGISE_AND_EXTEND          IN_PROCESS            unit_leader
            IN_PROCESS           REQUIRE_FINANCIAL_OBLIGATION  AWAITING_PAYMENT      specialist
            IN_PROCESS           ISSUE_RESULT                  RESULT_READY          clerk
            IN_PROCESS           WITHDRAW                      WITHDRAWN             citizen,reception_officer
            IN_PROCESS           STOP                          STOPPED               citizen,reception_officer
            SUPPLEMENT_REQUESTED SUPPLEMENT_RECEIVED           IN_PROCESS            citizen,reception_officer
            SUPPLEMENT_REQUESTED WITHDRAW                      WITHDRAWN             citizen,reception_officer
            SUPPLEMENT_REQUESTED STOP                          STOPPED               citizen,reception_officer
            SUPPLEMENT_REQUESTED REFUSE                        REFUSED               unit_leader
            AWAITING_PAYMENT     OBLIGATION_FULFILLED          IN_PROCESS            specialist,reception_officer
            AWAITING_PAYMENT     WITHDRAW                      WITHDRAWN             citizen,reception_officer
            AWAITING_PAYMENT     STOP                          STOPPED               citizen,reception_officer
            AWAITING_PAYMENT     REFUSE                        REFUSED               unit_leader
            RESULT_READY         RETURN_RESULT                 RETURNED              reception_officer
            """;

    /** The eight realm roles of architecture.md §5, spelled out here rather than read from {@link Roles}. */
    private static final List<String> ROLES = List.of(
            "citizen",
            "reception_officer",
            "specialist",
            "unit_leader",
            "clerk",
            "tthc_controller",
            "unit_admin",
            "report_viewer");

    private record Row(DossierState to, Set<String> roles) {}

    private static final Map<String, Row> EXPECTED_ROWS = parse();

    private final DossierStateMachine machine = new DossierStateMachine();

    private static Map<String, Row> parse() {
        Map<String, Row> rows = new HashMap<>();
        for (String line : EXPECTED.strip().split("\n")) {
            String[] f = line.strip().split("\\s+");
            DossierState from = f[0].equals("-") ? null : DossierState.valueOf(f[0]);
            DossierEvent event = DossierEvent.valueOf(f[1]);
            Row previous = rows.put(key(from, event), new Row(DossierState.valueOf(f[2]), Set.of(f[3].split(","))));
            if (previous != null) {
                throw new IllegalStateException("duplicate expected row: " + line);
            }
        }
        return rows;
    }

    private static String key(DossierState from, DossierEvent event) {
        return from + "/" + event;
    }

    private static List<DossierState> fromStates() {
        List<DossierState> states = new ArrayList<>();
        states.add(null);
        states.addAll(Arrays.asList(DossierState.values()));
        return states;
    }

    private static ActorContext actorWith(String role) {
        // Citizens carry the applicant's id, officers sit in the dossier's unit: only role and table decide.
        return role.equals("citizen")
                ? new ActorContext(Set.of(role), null, TestFacts.APPLICANT_ID, Set.of())
                : new ActorContext(Set.of(role), "U1", null, Set.of("U1"));
    }

    @TestFactory
    Stream<DynamicTest> everyStateEventAndRoleUnder2025() {
        return walk(LegalRegime.REGIME_2025);
    }

    @TestFactory
    Stream<DynamicTest> everyStateEventAndRoleUnder2018() {
        return walk(LegalRegime.REGIME_2018);
    }

    private Stream<DynamicTest> walk(LegalRegime regime) {
        DossierFacts facts = TestFacts.passing().regime(regime).build();
        List<DynamicTest> tests = new ArrayList<>();
        for (DossierState from : fromStates()) {
            for (DossierEvent event : DossierEvent.values()) {
                Row row = EXPECTED_ROWS.get(key(from, event));
                List<Executable> checks = new ArrayList<>();
                for (String role : ROLES) {
                    checks.add(() -> assertOutcome(
                            regime, from, event, role, row, machine.decide(from, event, actorWith(role), facts)));
                }
                tests.add(DynamicTest.dynamicTest(
                        regime + " " + (from == null ? "-" : from) + " " + event, () -> assertAll(checks)));
            }
        }
        return tests.stream();
    }

    private static void assertOutcome(
            LegalRegime regime,
            DossierState from,
            DossierEvent event,
            String role,
            Row row,
            TransitionDecision decision) {
        String what = from + " " + event + " as " + role;
        if (row == null) {
            var rejected = assertInstanceOf(TransitionDecision.Rejected.class, decision, what);
            assertEquals(RejectionKind.ILLEGAL_TRANSITION, rejected.kind(), what);
            assertEquals(StatusCategory.FAILED_PRECONDITION, rejected.statusCategory(), what);
            assertEquals(from, rejected.from(), what);
            assertEquals(event, rejected.event(), what);
        } else if (!row.roles().contains(role)) {
            var rejected = assertInstanceOf(TransitionDecision.Rejected.class, decision, what);
            assertEquals(RejectionKind.ROLE_NOT_ALLOWED, rejected.kind(), what);
            assertEquals(StatusCategory.PERMISSION_DENIED, rejected.statusCategory(), what);
        } else if (event == DossierEvent.STOP && regime == LegalRegime.REGIME_2018) {
            var rejected = assertInstanceOf(TransitionDecision.Rejected.class, decision, what);
            assertEquals(RejectionKind.GUARD_FAILED, rejected.kind(), what);
            assertEquals(GuardFailure.REGIME_DISALLOWS_STOP, rejected.guardFailure(), what);
        } else {
            var allowed = assertInstanceOf(TransitionDecision.Allowed.class, decision, what);
            assertEquals(row.to(), allowed.to(), what);
            assertEquals(event, allowed.transition().event(), what);
        }
    }

    @Test
    void machineTableHasExactlyTheExpectedRowsAndRoles() {
        Map<String, Row> actual = new HashMap<>();
        for (Transition t : machine.transitions()) {
            actual.put(key(t.from(), t.event()), new Row(t.to(), t.allowedRoles()));
        }
        assertEquals(EXPECTED_ROWS, actual);
    }

    @Test
    void anActorHoldingEveryRoleCanFireExactlyTheExpectedRows() {
        ActorContext everyone = new ActorContext(Set.copyOf(ROLES), "U1", TestFacts.APPLICANT_ID, Set.of("U1"));
        DossierFacts facts = TestFacts.passing().build();
        List<Executable> checks = new ArrayList<>();
        for (DossierState from : fromStates()) {
            for (DossierEvent event : DossierEvent.values()) {
                Row row = EXPECTED_ROWS.get(key(from, event));
                checks.add(() -> assertEquals(
                        row != null,
                        machine.decide(from, event, everyone, facts).isAllowed(),
                        from + " " + event));
            }
        }
        assertAll(checks);
    }

    @Test
    void rejectionsOtherThanGuardsCarryNoGuardFailure() {
        var decision = machine.decide(
                DossierState.RETURNED,
                DossierEvent.APPRAISE,
                actorWith("specialist"),
                TestFacts.passing().build());
        var rejected = assertInstanceOf(TransitionDecision.Rejected.class, decision);
        assertNull(rejected.guardFailure());
        assertEquals("ILLEGAL_TRANSITION", rejected.reasonCode());
    }
}
