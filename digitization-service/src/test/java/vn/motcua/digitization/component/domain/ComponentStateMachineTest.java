package vn.motcua.digitization.component.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;

/** Every (state, verb) pair of a component: the allowed edges and their targets, and a refusal for all others. */
class ComponentStateMachineTest {

    /** The brief's table, written out independently of the implementation. */
    private static final Map<ComponentState, Map<ComponentVerb, ComponentState>> EXPECTED = expected();

    private static Map<ComponentState, Map<ComponentVerb, ComponentState>> expected() {
        Map<ComponentState, Map<ComponentVerb, ComponentState>> m = new EnumMap<>(ComponentState.class);
        for (ComponentState s : ComponentState.values()) {
            m.put(s, new EnumMap<>(ComponentVerb.class));
        }
        m.get(ComponentState.PENDING).put(ComponentVerb.ATTACH, ComponentState.UPLOADED);
        m.get(ComponentState.PENDING).put(ComponentVerb.EXEMPT, ComponentState.EXEMPT);
        m.get(ComponentState.PENDING).put(ComponentVerb.FILL_FROM_WAREHOUSE, ComponentState.CONFIRMED);
        m.get(ComponentState.UPLOADED).put(ComponentVerb.ATTACH, ComponentState.UPLOADED);
        m.get(ComponentState.UPLOADED).put(ComponentVerb.CHECK_PASSED, ComponentState.CHECKED);
        m.get(ComponentState.UPLOADED).put(ComponentVerb.CHECK_FAILED, ComponentState.PENDING);
        m.get(ComponentState.UPLOADED).put(ComponentVerb.EXEMPT, ComponentState.EXEMPT);
        m.get(ComponentState.CHECKED).put(ComponentVerb.CONFIRM, ComponentState.CONFIRMED);
        return m;
    }

    static Stream<Arguments> everyPair() {
        return Stream.of(ComponentState.values())
                .flatMap(s -> Stream.of(ComponentVerb.values()).map(v -> Arguments.of(s, v)));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyPair")
    void eachPairIsAllowedToItsTargetOrRefusedAsAnIllegalTransition(ComponentState from, ComponentVerb verb) {
        ComponentState expected = EXPECTED.get(from).get(verb);
        if (expected != null) {
            assertThat(ComponentStateMachine.next(4, from, verb)).isEqualTo(expected);
        } else {
            assertThatThrownBy(() -> ComponentStateMachine.next(4, from, verb))
                    .isInstanceOfSatisfying(DomainException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.FAILED_PRECONDITION);
                        assertThat(e.reason()).isEqualTo(ErrorReason.ILLEGAL_TRANSITION);
                        assertThat(e.metadata())
                                .containsEntry("from", from.name())
                                .containsEntry("event", verb.name())
                                .containsEntry("component", "4");
                    });
        }
    }

    @Test
    void confirmedAndExemptAreFinal() {
        for (ComponentVerb verb : ComponentVerb.values()) {
            assertThat(ComponentStateMachine.target(ComponentState.CONFIRMED, verb))
                    .isEmpty();
            assertThat(ComponentStateMachine.target(ComponentState.EXEMPT, verb))
                    .isEmpty();
        }
    }

    @Test
    void theTableHasExactlyTheExpectedEdges() {
        long expectedEdges = EXPECTED.values().stream().mapToLong(Map::size).sum();
        assertThat(ComponentStateMachine.allowed()).hasSize((int) expectedEdges);
    }
}
