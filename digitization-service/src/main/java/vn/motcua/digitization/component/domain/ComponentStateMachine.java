package vn.motcua.digitization.component.domain;

import static vn.motcua.digitization.component.domain.ComponentState.CHECKED;
import static vn.motcua.digitization.component.domain.ComponentState.CONFIRMED;
import static vn.motcua.digitization.component.domain.ComponentState.EXEMPT;
import static vn.motcua.digitization.component.domain.ComponentState.PENDING;
import static vn.motcua.digitization.component.domain.ComponentState.UPLOADED;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;

/**
 * The allowed transitions of a component, as a table (architecture.md section 2): PENDING -(attach)-> UPLOADED
 * (attaching again while UPLOADED replaces the file before the check) -(check passed)-> CHECKED -(confirm)->
 * CONFIRMED; a failed check sends UPLOADED back to PENDING; PENDING or UPLOADED -(exempt)-> EXEMPT; PENDING -(fill
 * from warehouse)-> CONFIRMED. CONFIRMED and EXEMPT are final. Everything else is FAILED_PRECONDITION /
 * ILLEGAL_TRANSITION with from, event and component in the metadata.
 */
public final class ComponentStateMachine {

    private static final Map<ComponentState, Map<ComponentVerb, ComponentState>> TABLE = table();

    private ComponentStateMachine() {}

    private static Map<ComponentState, Map<ComponentVerb, ComponentState>> table() {
        Map<ComponentState, Map<ComponentVerb, ComponentState>> t = new EnumMap<>(ComponentState.class);
        for (ComponentState s : ComponentState.values()) {
            t.put(s, new EnumMap<>(ComponentVerb.class));
        }
        t.get(PENDING).put(ComponentVerb.ATTACH, UPLOADED);
        t.get(PENDING).put(ComponentVerb.EXEMPT, EXEMPT);
        t.get(PENDING).put(ComponentVerb.FILL_FROM_WAREHOUSE, CONFIRMED);
        t.get(UPLOADED).put(ComponentVerb.ATTACH, UPLOADED);
        t.get(UPLOADED).put(ComponentVerb.CHECK_PASSED, CHECKED);
        t.get(UPLOADED).put(ComponentVerb.CHECK_FAILED, PENDING);
        t.get(UPLOADED).put(ComponentVerb.EXEMPT, EXEMPT);
        t.get(CHECKED).put(ComponentVerb.CONFIRM, CONFIRMED);
        return t;
    }

    public static Optional<ComponentState> target(ComponentState from, ComponentVerb verb) {
        return Optional.ofNullable(TABLE.get(from).get(verb));
    }

    /** Every allowed (from, verb) pair, for documentation and tests. */
    public static List<Map.Entry<ComponentState, ComponentVerb>> allowed() {
        return TABLE.entrySet().stream()
                .flatMap(e -> e.getValue().keySet().stream().map(v -> Map.entry(e.getKey(), v)))
                .toList();
    }

    /** @throws DomainException FAILED_PRECONDITION / ILLEGAL_TRANSITION when the table has no such edge */
    public static ComponentState next(int component, ComponentState from, ComponentVerb verb) {
        return target(from, verb)
                .orElseThrow(() -> new DomainException(
                        ErrorKind.FAILED_PRECONDITION,
                        ErrorReason.ILLEGAL_TRANSITION,
                        "cannot "
                                + verb.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " component "
                                + component + " in state " + from,
                        Map.of("from", from.name(), "event", verb.name(), "component", Integer.toString(component)),
                        List.of()));
    }
}
