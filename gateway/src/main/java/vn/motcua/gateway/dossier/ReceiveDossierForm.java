package vn.motcua.gateway.dossier;

import com.google.protobuf.Timestamp;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.motcua.gateway.downstream.ProtoValues;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.dossier.v1.Applicant;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.ReceiveDossierRequest;
import vn.motcua.proto.dossier.v1.ReceptionOutcome;

/**
 * Reads the body of POST /api/v1/dossiers strictly as JSON: unknown fields, wrong types, an unknown channel and a
 * malformed instant are all reported at once, with JSON paths. The values' rules (codes, applicant, note) are
 * dossier-service's; its field violations reach the client under the same JSON paths.
 * <pre>{procedureCode, applicant:{fullName, citizenId, phone, email, address}, channel: COUNTER|POSTAL,
 *  handoverSignedAt?, note?, outcome?: RECEIVE|REQUEST_SUPPLEMENT|REFUSE, reason?}</pre>
 * outcome (default RECEIVE) is the desk's decision on the paper dossier (Decree 61/2018 Art 17(1)); reason is
 * required for REQUEST_SUPPLEMENT (Form 02) and REFUSE (Form 03).
 */
final class ReceiveDossierForm {

    private static final Set<String> FIELDS =
            Set.of("procedureCode", "applicant", "channel", "handoverSignedAt", "note", "outcome", "reason");
    private static final Map<String, ReceptionOutcome> OUTCOMES = Map.of(
            "RECEIVE", ReceptionOutcome.RECEPTION_OUTCOME_RECEIVE,
            "REQUEST_SUPPLEMENT", ReceptionOutcome.RECEPTION_OUTCOME_REQUEST_SUPPLEMENT,
            "REFUSE", ReceptionOutcome.RECEPTION_OUTCOME_REFUSE);
    private static final Map<String, Channel> CHANNELS =
            Map.of("COUNTER", Channel.CHANNEL_COUNTER, "POSTAL", Channel.CHANNEL_POSTAL);
    private static final int INSTANT_MAX = 40;

    private final Violations violations;

    private ReceiveDossierForm(Violations violations) {
        this.violations = violations;
    }

    /** The request without request_id; violations collects every problem found. */
    static ReceiveDossierRequest.Builder read(JsonNode body, Violations violations) {
        return new ReceiveDossierForm(violations).read(body);
    }

    private ReceiveDossierRequest.Builder read(JsonNode body) {
        ReceiveDossierRequest.Builder request = ReceiveDossierRequest.newBuilder();
        if (!body.isObject()) {
            violations.add("$", "must be a JSON object");
            return request;
        }
        unknownFields(body, FIELDS, "");
        String procedureCode = stringOf(body, "procedureCode", "procedureCode");
        if (procedureCode != null) {
            request.setProcedureCode(procedureCode);
        }
        applicant(body.get("applicant")).ifPresent(request::setApplicant);
        String channel = stringOf(body, "channel", "channel");
        if (channel == null || channel.isEmpty()) {
            violations.missing("channel");
        } else {
            Channel parsed = CHANNELS.get(channel);
            if (parsed == null) {
                violations.add("channel", "must be COUNTER or POSTAL");
            } else {
                request.setChannel(parsed);
            }
        }
        String handover = stringOf(body, "handoverSignedAt", "handoverSignedAt");
        if (handover != null && !handover.isEmpty()) {
            instant(handover).ifPresent(request::setHandoverSignedAt);
        }
        String note = stringOf(body, "note", "note");
        if (note != null) {
            request.setNote(note);
        }
        String outcome = stringOf(body, "outcome", "outcome");
        if (outcome != null && !outcome.isEmpty()) {
            ReceptionOutcome parsed = OUTCOMES.get(outcome);
            if (parsed == null) {
                violations.add("outcome", "must be RECEIVE, REQUEST_SUPPLEMENT or REFUSE");
            } else {
                request.setOutcome(parsed);
            }
        }
        // the service requires it for a supplement request or refusal and refuses it for a reception
        String reason = stringOf(body, "reason", "reason");
        if (reason != null) {
            request.setReason(reason);
        }
        return request;
    }

    private Optional<Applicant> applicant(@Nullable JsonNode node) {
        if (node == null || node.isNull()) {
            // the service answers "applicant is required"
            return Optional.empty();
        }
        if (!node.isObject()) {
            violations.add("applicant", "must be an object");
            return Optional.empty();
        }
        unknownFields(node, ApplicantFields.NAMES, "applicant.");
        return Optional.of(ApplicantFields.read(name -> stringOf(node, name, "applicant." + name)));
    }

    private Optional<Timestamp> instant(String value) {
        try {
            if (value.length() <= INSTANT_MAX) {
                return Optional.of(
                        ProtoValues.timestamp(OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                                .toInstant()));
            }
        } catch (DateTimeException ignored) {
            // reported below
        }
        violations.add("handoverSignedAt", "must be an ISO-8601 instant, e.g. 2025-03-01T08:30:00Z");
        return Optional.empty();
    }

    /**
     * The string at {@code name}, or null when absent, JSON null or of another type. A wrong type is reported here;
     * whether absence matters is up to the caller.
     */
    @Nullable
    private String stringOf(JsonNode object, String name, String path) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            violations.add(path, "must be a string");
            return null;
        }
        return node.getStringValue();
    }

    private void unknownFields(JsonNode object, Set<String> known, String prefix) {
        for (Map.Entry<String, JsonNode> entry : object.entries()) {
            if (!known.contains(entry.getKey())) {
                // the name is client text: report it only if it is harmless
                String name = entry.getKey().matches("[A-Za-z0-9_]{1,64}") ? entry.getKey() : "?";
                violations.add(prefix + name, "is not a known field");
            }
        }
    }
}
