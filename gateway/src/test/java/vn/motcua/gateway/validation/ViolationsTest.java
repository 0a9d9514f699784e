package vn.motcua.gateway.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.problem.FieldError;
import vn.motcua.gateway.problem.ProblemException;

class ViolationsTest {

    @Test
    void codes() {
        Violations v = new Violations();

        assertThat(v.code("a", "H30.298.11077-250303-0001", true)).isEqualTo("H30.298.11077-250303-0001");
        assertThat(v.code("b", null, false)).isNull();
        assertThat(v.code("c", "a/b", false)).isNull();
        assertThat(v.code("d", "x".repeat(65), false)).isNull();
        assertThat(v.code("e", "", true)).isNull();
        assertThatThrownBy(v::throwIfAny)
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("c", "d", "e"));
    }

    @Test
    void textRejectsControlAndBidiCharacters() {
        Violations v = new Violations();

        assertThat(v.text("ok", "Phường Tràng Tiền", true, 200)).isEqualTo("Phường Tràng Tiền");
        v.text("tab", "a\tb", true, 200);
        v.text("del", "a\u007Fb", true, 200);
        v.text("c1", "a\u0085b", true, 200);
        v.text("rlo", "a\u202Eb", true, 200);

        assertThatThrownBy(v::throwIfAny)
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("tab", "del", "c1", "rlo"));
    }

    @Test
    void pagesAndDates() {
        Violations v = new Violations();

        assertThat(v.pageSize("s", null)).isZero();
        assertThat(v.pageSize("s", "500")).isEqualTo(500);
        assertThat(v.pageToken("t", "eyJvZmZzZXQiOjUwfQ==")).isEqualTo("eyJvZmZzZXQiOjUwfQ==");
        assertThat(v.date("d", "2024-02-29", true)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(v.isEmpty()).isTrue();

        v.pageSize("zero", "0");
        v.pageSize("big", "501");
        v.pageToken("token", "a b");
        v.date("feb30", "2025-02-30", true);
        v.date("short", "2025-3-1", true);
        v.date("signed", "+2025-03-01", true);
        assertThatThrownBy(v::throwIfAny)
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("zero", "big", "token", "feb30", "short", "signed"));
    }
}
