package vn.motcua.dossier.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import vn.motcua.proto.dossier.v1.CloseUnitRequest;
import vn.motcua.proto.dossier.v1.ManagedUnit;
import vn.motcua.proto.dossier.v1.RenameUnitRequest;

/** A closed unit receives nothing from the day after its last day; up to then it works as before. */
@MicronautTest(transactional = false)
class ClosedUnitRefusesReceptionIT extends AdminItSupport {

    @Test
    void receptionWorksOnTheLastDayAndIsRefusedWithAClearReasonAfterIt() {
        ManagedUnit closed = units(admin("298"))
                .closeUnit(CloseUnitRequest.newBuilder()
                        .setCode("11089")
                        .setValidTo("2026-03-09")
                        .build())
                .getUnit();
        assertThat(closed.getValidTo()).isEqualTo("2026-03-09");
        assertThat(longValue("SELECT COUNT(*) FROM feed_outbox WHERE event_type = 'unit.closed'"
                        + " AND aggregate_id = '11089'"))
                .isEqualTo(1);

        assertThat(receive("11089", BIRTH).getReceivingUnitCode()).isEqualTo("11089");

        clock.advance(Duration.ofDays(1));
        long dossiers = count("dossier");
        StatusRuntimeException refused = failure(() -> receive("11089", BIRTH));
        assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(reason(refused)).isEqualTo("RULE_VIOLATED");
        assertThat(metadata(refused, "rule")).isEqualTo("UNIT_CLOSED");
        assertThat(refused.getStatus().getDescription()).contains("11089").contains("closed since 2026-03-10");
        assertThat(count("dossier")).isEqualTo(dossiers);
    }

    @Test
    void aClosedUnitIsNotClosedTwiceNorRenamedAndTheProvinceCannotEnd() {
        units(admin("298"))
                .closeUnit(CloseUnitRequest.newBuilder()
                        .setCode("11092")
                        .setValidTo("2026-03-20")
                        .build());
        long before = count("feed_outbox");
        assertThat(metadata(
                        failure(() -> units(admin("298"))
                                .closeUnit(CloseUnitRequest.newBuilder()
                                        .setCode("11092")
                                        .setValidTo("2026-03-21")
                                        .build())),
                        "rule"))
                .isEqualTo("UNIT_CLOSED");
        assertThat(metadata(
                        failure(() -> units(admin("298"))
                                .renameUnit(RenameUnitRequest.newBuilder()
                                        .setCode("11092")
                                        .setName("Xã Bình Lăng mới")
                                        .build())),
                        "rule"))
                .isEqualTo("UNIT_CLOSED");
        assertThat(metadata(
                        failure(() -> units(admin("30"))
                                .closeUnit(CloseUnitRequest.newBuilder()
                                        .setCode("30")
                                        .setValidTo("2026-03-21")
                                        .build())),
                        "rule"))
                .isEqualTo("ROOT_UNIT");
        // last day before yesterday would make past receptions happen at a closed unit
        assertThat(failure(() -> units(admin("298"))
                                .closeUnit(CloseUnitRequest.newBuilder()
                                        .setCode("11104")
                                        .setValidTo("2026-03-01")
                                        .build()))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(count("feed_outbox")).isEqualTo(before);
    }
}
