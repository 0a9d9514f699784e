package vn.motcua.dossier.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.proto.dossier.v1.Dossier;
import vn.motcua.proto.dossier.v1.GetDossierRequest;
import vn.motcua.proto.dossier.v1.ListManagedUnitsRequest;
import vn.motcua.proto.dossier.v1.LookupDossierStatusRequest;
import vn.motcua.proto.dossier.v1.ManagedUnit;
import vn.motcua.proto.dossier.v1.MergeUnitsRequest;
import vn.motcua.proto.dossier.v1.MergeUnitsResponse;

/** The 2025 reform: communes merge into a new one; what they received before keeps their codes and names. */
@MicronautTest(transactional = false)
class MergedUnitKeepsOldDossiersIT extends AdminItSupport {

    @Test
    void mergedCommunesEndTheDayBeforeTheSuccessorAndTheirDossiersKeepTheirUnitCodes() {
        Dossier old = receive("11083", BIRTH);
        long feedBefore = count("feed_outbox");

        MergeUnitsResponse merged = units(admin("298"))
                .mergeUnits(MergeUnitsRequest.newBuilder()
                        .setRequestId("merge-dai-dong-hung-dao")
                        .addSourceCodes("11083")
                        .addSourceCodes("11086")
                        .setSuccessor(commune("11200", "000.90.24.H30", "Xã Đại Hưng", "298"))
                        .setEffectiveOn("2026-03-10")
                        .build());

        assertThat(merged.getSuccessor().getUnit().getCode()).isEqualTo("11200");
        assertThat(merged.getSuccessor().getValidFrom()).isEqualTo("2026-03-10");
        assertThat(merged.getClosedList()).extracting(ManagedUnit::getValidTo).containsOnly("2026-03-09");
        assertThat(merged.getClosedList())
                .extracting(ManagedUnit::getSuccessorCode)
                .containsOnly("11200");
        assertThat(stringValue("SELECT name FROM admin_unit WHERE code = '11083'"))
                .isEqualTo("Xã Đại Đồng");
        // created + two closed + merged, in the same transaction as the rows
        assertThat(count("feed_outbox") - feedBefore).isEqualTo(4);
        assertThat(longValue("SELECT COUNT(*) FROM feed_outbox WHERE aggregate_type = 'unit'"
                        + " AND event_type = 'unit.merged' AND aggregate_id = '11200'"))
                .isEqualTo(1);

        // the next day the old commune is closed: its dossier is untouched and still readable
        clock.advance(Duration.ofDays(1));
        Dossier again = ds(desk("11083"))
                .getDossier(
                        GetDossierRequest.newBuilder().setCode(old.getCode()).build())
                .getDossier();
        assertThat(again.getCode()).isEqualTo(old.getCode()).startsWith("000.04.24.H30-");
        assertThat(again.getReceivingUnitCode()).isEqualTo("11083");
        assertThat(again.getDueAt()).isEqualTo(old.getDueAt());
        assertThat(ds(null).lookupDossierStatus(LookupDossierStatusRequest.newBuilder()
                                .setCode(old.getCode())
                                .setLookupKey(old.getLookupKey())
                                .build())
                        .getReceivingUnitName())
                .isEqualTo("Xã Đại Đồng");
        assertThat(stringValue("SELECT receiving_unit_code FROM dossier WHERE code = ?", old.getCode()))
                .isEqualTo("11083");

        StatusRuntimeException refused = failure(() -> receive("11083", BIRTH));
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(metadata(refused, "rule")).isEqualTo("UNIT_CLOSED");
        assertThat(metadata(refused, "successor_code")).isEqualTo("11200");
        assertThat(refused.getStatus().getDescription()).contains("Xã Đại Hưng");
    }

    @Test
    void aMergerThatBreaksARuleChangesNothing() {
        Map<String, Long> before = footprint();
        MergeUnitsRequest.Builder valid = MergeUnitsRequest.newBuilder()
                .addSourceCodes("11095")
                .addSourceCodes("11098")
                .setSuccessor(commune("11300", "000.93.24.H30", "Xã Tứ Tái", "298"))
                .setEffectiveOn("2026-04-01");

        assertThat(failure(() -> units(admin("298"))
                                .mergeUnits(valid.clone()
                                        .clearSourceCodes()
                                        .addSourceCodes("11095")
                                        .build()))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(failure(() -> units(admin("298"))
                                .mergeUnits(valid.clone()
                                        .setSuccessor(commune("11300", "000.93.24.H30", "Xã Tứ Tái", "11095"))
                                        .build()))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        // the successor may not reuse a code a unit ever had
        assertThat(failure(() -> units(admin("298"))
                                .mergeUnits(valid.clone()
                                        .setSuccessor(commune("11101", "000.93.24.H30", "Xã Tứ Tái", "298"))
                                        .build()))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.ALREADY_EXISTS);
        // a district merging its own parent's communes elsewhere: 30 is outside 11077's admin
        assertThat(failure(() -> units(admin("11077")).mergeUnits(valid.build()))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);
        // a district with open communes cannot end
        StatusRuntimeException withChildren = failure(() -> units(admin("30"))
                .mergeUnits(valid.clone()
                        .clearSourceCodes()
                        .addSourceCodes("298")
                        .addSourceCodes("11095")
                        .setSuccessor(commune("11300", "000.93.24.H30", "Xã Tứ Tái", "30"))
                        .build()));
        assertThat(metadata(withChildren, "rule")).isEqualTo("UNIT_HAS_OPEN_CHILDREN");
        assertThat(footprint()).isEqualTo(before);
        assertThat(units(admin("298"))
                        .listManagedUnits(ListManagedUnitsRequest.getDefaultInstance())
                        .getUnitsList())
                .filteredOn(u -> u.getUnit().getCode().matches("11095|11098|298"))
                .hasSize(3)
                .allMatch(u -> u.getValidTo().isEmpty());
    }
}
