package vn.motcua.dossier.calendar.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.unit.domain.AdminInput;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;

/** Weekly sessions are checked here only (issue 8), and reported under the request's own list names. */
class SessionRowsTest {

    private static List<FieldViolation> problems(List<SessionInput> typed) {
        AdminInput in = new AdminInput();
        CalendarAdministration.rows(in, typed);
        DomainException e = catchThrowableOfType(DomainException.class, in::refuseIfAny);
        return e == null ? List.of() : e.violations();
    }

    @Test
    void makeUpDaySessionsAreNamedAsTheRequestListsThem() {
        List<SessionInput> typed = List.of(
                new SessionInput("MONDAY", "07:30", "11:30"),
                new SessionInput("MONDAY", "13:30", "24:00"),
                new SessionInput("MAKEUP", "7:30", "11:30"));

        assertThat(problems(typed))
                .containsExactly(
                        new FieldViolation("sessions[1].end", "is not a time (HH:MM)"),
                        new FieldViolation("make_up_day_sessions[0].start", "is not a time (HH:MM)"));
    }

    @Test
    void eachListHoldsAtMostFiftySessions() {
        List<SessionInput> typed =
                new ArrayList<>(Collections.nCopies(50, new SessionInput("MONDAY", "07:30", "07:31")));
        assertThat(problems(typed)).noneMatch(p -> p.description().startsWith("at most"));
        typed.add(new SessionInput("TUESDAY", "07:30", "11:30"));
        typed.addAll(Collections.nCopies(51, new SessionInput("MAKEUP", "07:30", "11:30")));

        assertThat(problems(typed))
                .containsExactly(
                        new FieldViolation("sessions", "at most 50 sessions"),
                        new FieldViolation("make_up_day_sessions", "at most 50 sessions"));
    }
}
