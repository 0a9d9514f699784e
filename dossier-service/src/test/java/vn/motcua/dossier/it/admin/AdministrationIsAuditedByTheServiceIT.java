package vn.motcua.dossier.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.grpc.Status;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import vn.motcua.proto.dossier.v1.AddCalendarDayRequest;
import vn.motcua.proto.dossier.v1.CalendarDay;
import vn.motcua.proto.dossier.v1.CalendarDayKind;
import vn.motcua.proto.dossier.v1.CreateUnitRequest;
import vn.motcua.proto.dossier.v1.RemoveCalendarDayRequest;
import vn.motcua.proto.dossier.v1.RenameUnitRequest;
import vn.motcua.proto.dossier.v1.ReplaceWeeklySessionsRequest;
import vn.motcua.proto.dossier.v1.WeeklySessions;

/**
 * Unit and calendar administration leave their audit line in dossier-service, which decides, whoever calls it: a
 * direct gRPC call with a valid token (no gateway in between) is audited like one through the gateway, refusals
 * included. One JSON object per line on the logger motcua.audit, the gateway's format.
 */
@MicronautTest(transactional = false)
class AdministrationIsAuditedByTheServiceIT extends AdminItSupport {

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger auditLogger = (Logger) LoggerFactory.getLogger("motcua.audit");

    @Inject
    JsonMapper json;

    @BeforeEach
    void listen() {
        lines.list.clear();
        lines.start();
        // logback-test.xml keeps the root at WARN; audit lines are INFO
        auditLogger.setLevel(Level.INFO);
        auditLogger.setAdditive(false);
        auditLogger.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        auditLogger.detachAppender(lines);
        auditLogger.setLevel(null);
        auditLogger.setAdditive(true);
    }

    private List<Map<String, Object>> audit() {
        return lines.list.stream()
                .map(e -> {
                    try {
                        return json.readValue(e.getFormattedMessage(), Argument.mapOf(String.class, Object.class));
                    } catch (Exception ex) {
                        throw new AssertionError("audit line is not JSON: " + e.getFormattedMessage(), ex);
                    }
                })
                .toList();
    }

    private static String summary(Map<String, Object> line) {
        return line.get("action") + " " + line.get("outcome") + " " + line.getOrDefault("reason", "-") + " "
                + line.get("actor") + " " + (line.get("target") == null ? "-" : line.get("target"));
    }

    @Test
    void aRefusedDirectRenameIsAuditedWithTheActorAndTheReason() {
        assertThat(failure(() -> units(admin("11077"))
                                .renameUnit(RenameUnitRequest.newBuilder()
                                        .setCode("11080")
                                        .setName("Xã Khác")
                                        .build()))
                        .getStatus()
                        .getCode())
                .isEqualTo(Status.Code.PERMISSION_DENIED);

        assertThat(audit()).singleElement().satisfies(line -> {
            assertThat(summary(line)).isEqualTo("UNIT_RENAME DENIED ROLE_NOT_ALLOWED admin.11077 11080");
            assertThat(line).containsEntry("actorUnit", "11077").containsKeys("actorId", "requestId");
        });
    }

    @Test
    void everyChangeIsAuditedWithItsOutcomeAndReadsAreNot() {
        units(admin("298"))
                .renameUnit(RenameUnitRequest.newBuilder()
                        .setCode("11077")
                        .setName("Xã Ngọc Sơn Mới")
                        .build());
        failure(() -> units(desk("298"))
                .renameUnit(RenameUnitRequest.newBuilder()
                        .setCode("11077")
                        .setName("X")
                        .build()));
        failure(() -> units(admin("298"))
                .createUnit(CreateUnitRequest.newBuilder()
                        .setUnit(commune("", "", "", "298"))
                        .setValidFrom("2026-03-09")
                        .build()));
        failure(() -> calendar(admin("298"))
                .addCalendarDay(AddCalendarDayRequest.newBuilder()
                        .setRequestId("h-1")
                        .setDay(CalendarDay.newBuilder()
                                .setDate("2026-04-27")
                                .setName("Nghỉ bù")
                                .setKind(CalendarDayKind.CALENDAR_DAY_KIND_DAY_OFF))
                        .build()));
        failure(() -> calendar(admin("298"))
                .removeCalendarDay(RemoveCalendarDayRequest.newBuilder()
                        .setDate("2026-12-31")
                        .setUnitCode("298")
                        .build()));
        failure(() -> calendar(admin("298"))
                .replaceWeeklySessions(ReplaceWeeklySessionsRequest.newBuilder()
                        .setUnitCode("30")
                        .setWeekly(WeeklySessions.getDefaultInstance())
                        .build()));
        units(admin("298")).listManagedUnits(vn.motcua.proto.dossier.v1.ListManagedUnitsRequest.getDefaultInstance());

        assertThat(audit())
                .extracting(AdministrationIsAuditedByTheServiceIT::summary)
                .containsExactly(
                        "UNIT_RENAME OK - admin.298 11077",
                        "UNIT_RENAME DENIED ROLE_NOT_ALLOWED mc.298 11077",
                        "UNIT_CREATE FAILED INVALID_FIELD admin.298 -",
                        "HOLIDAY_ADD DENIED ROLE_NOT_ALLOWED admin.298 2026-04-27",
                        "HOLIDAY_REMOVE FAILED NOT_FOUND admin.298 2026-12-31",
                        "UNIT_SESSIONS_REPLACE DENIED ROLE_NOT_ALLOWED admin.298 30");
    }
}
