package vn.motcua.dossier.unit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;

/** How many units one merger may close is the service's rule (the gateway capped the list at 50 before issue 8). */
class MergeSourcesTest {

    private static List<FieldViolation> problems(int count) {
        AdminInput in = new AdminInput();
        UnitChanges.requireMergeable(
                IntStream.range(0, count).mapToObj(i -> "u" + i).toList(), in);
        DomainException e = catchThrowableOfType(DomainException.class, in::refuseIfAny);
        return e == null ? List.of() : e.violations();
    }

    @Test
    void aMergerClosesTwoToFiftyUnits() {
        assertThat(problems(1))
                .containsExactly(new FieldViolation("source_codes", "a merger needs at least two units"));
        assertThat(problems(2)).isEmpty();
        assertThat(problems(50)).isEmpty();
        assertThat(problems(51)).containsExactly(new FieldViolation("source_codes", "at most 50 units"));
    }
}
