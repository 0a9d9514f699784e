package vn.motcua.gateway.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.problem.FieldError;
import vn.motcua.gateway.problem.ProblemException;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.ReceiveDossierRequest;

class ReceiveDossierFormTest {

    private static final JsonMapper JSON = JsonMapper.createDefault();

    private static final String VALID = """
            {"procedureCode":"1.001193","applicant":{"fullName":"Trần Thị Bình","citizenId":"079301000123"},
             "channel":"COUNTER"}""";

    @Test
    void minimalCounterReception() {
        ReceiveDossierRequest request = read(VALID).build();

        assertThat(request.getProcedureCode()).isEqualTo("1.001193");
        assertThat(request.getApplicant().getFullName()).isEqualTo("Trần Thị Bình");
        assertThat(request.getApplicant().getCitizenId()).isEqualTo("079301000123");
        assertThat(request.getChannel()).isEqualTo(Channel.CHANNEL_COUNTER);
        assertThat(request.hasHandoverSignedAt()).isFalse();
        assertThat(request.getNote()).isEmpty();
    }

    @Test
    void handoverInstantAcceptsOffsetsAndConvertsToUtc() {
        ReceiveDossierRequest request = read(VALID.replace(
                        "\"COUNTER\"", "\"POSTAL\",\"handoverSignedAt\":\"2025-03-03T07:00:00.5+07:00\""))
                .build();

        assertThat(request.getHandoverSignedAt().getSeconds()).isEqualTo(1740960000L);
        assertThat(request.getHandoverSignedAt().getNanos()).isEqualTo(500_000_000);
    }

    @Test
    void valuesArePassedOnAsTypedForTheServiceToJudge() {
        // the rules of these values are dossier-service's (FieldChecks); the gateway reads only the JSON
        String body = VALID.replace("079301000123", "07930100012x")
                .replace("Trần Thị Bình", "ầ".repeat(201))
                .replace("\"COUNTER\"}", "\"COUNTER\",\"note\":\"" + "n".repeat(1001) + "\"}")
                .replace("\"citizenId\"", "\"phone\":\"(024) 3825 1234\",\"citizenId\"");
        ReceiveDossierRequest request = read(body).build();

        assertThat(request.getApplicant().getCitizenId()).isEqualTo("07930100012x");
        assertThat(request.getApplicant().getFullName()).hasSize(201);
        assertThat(request.getApplicant().getPhone()).isEqualTo("(024) 3825 1234");
        assertThat(request.getNote()).hasSize(1001);
        assertThat(errors(VALID.replace("Trần Thị Bình", "   "))).isEmpty();
        assertThat(errors(VALID.replace("\"procedureCode\":\"1.001193\",", ""))).isEmpty();
    }

    @Test
    void whetherACitizenIdIsRequiredIsTheServicesRule() {
        // ReceiveCommandValidator requires it at the counter and by post, as applicant.citizen_id
        assertThat(errors(VALID.replace(",\"citizenId\":\"079301000123\"", ""))).isEmpty();
    }

    @Test
    void nullAndWrongTypesAreReportedOncePerField() {
        assertThat(errors("""
                {"procedureCode":null,"applicant":{"fullName":["x"],"citizenId":true},"channel":1}"""))
                .containsExactlyInAnyOrder(
                        new FieldError("applicant.fullName", "must be a string"),
                        new FieldError("applicant.citizenId", "must be a string"),
                        new FieldError("channel", "must be a string"));
    }

    @Test
    void applicantMustBeAnObject() {
        assertThat(errors(VALID.replaceFirst("\\{\"fullName.*?\\}", "\"Bình\"")))
                .containsExactly(new FieldError("applicant", "must be an object"));
    }

    @Test
    void unknownFieldNamesAreEchoedOnlyWhenHarmless() {
        assertThat(errors(VALID.replace("\"channel\"", "\"<script>\":1,\"channel\"")))
                .containsExactly(new FieldError("?", "is not a known field"));
    }

    private static ReceiveDossierRequest.Builder read(String json) {
        Violations violations = new Violations();
        ReceiveDossierRequest.Builder request = ReceiveDossierForm.read(parse(json), violations);
        violations.throwIfAny();
        return request;
    }

    private static List<FieldError> errors(String json) {
        ProblemException e = catchThrowableOfType(ProblemException.class, () -> read(json));
        return e == null ? List.of() : e.errors();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readValue(json, JsonNode.class);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
