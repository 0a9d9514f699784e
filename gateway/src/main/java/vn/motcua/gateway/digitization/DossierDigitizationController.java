package vn.motcua.gateway.digitization;

import com.google.protobuf.Timestamp;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.extensions.Extension;
import io.swagger.v3.oas.annotations.extensions.ExtensionProperty;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import vn.motcua.gateway.dossier.JsonBody;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.downstream.ProtoValues;
import vn.motcua.gateway.problem.JsonPaths;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.gateway.security.RoleDocs;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.digitization.v1.AttachComponentDocumentRequest;
import vn.motcua.proto.digitization.v1.AttachResultRequest;
import vn.motcua.proto.digitization.v1.CheckComponentRequest;
import vn.motcua.proto.digitization.v1.ComponentSource;
import vn.motcua.proto.digitization.v1.ConfirmComponentRequest;
import vn.motcua.proto.digitization.v1.DigitizationServiceGrpc.DigitizationServiceBlockingStub;
import vn.motcua.proto.digitization.v1.ExemptComponentRequest;
import vn.motcua.proto.digitization.v1.ExemptionReason;
import vn.motcua.proto.digitization.v1.FillComponentFromWarehouseRequest;
import vn.motcua.proto.digitization.v1.GetDossierDigitizationRequest;

/**
 * The digitization of a dossier's components (DigitizationService, served by digitization-service; domain.md 10.2):
 * upload or scan, check against the original (the QR-stamped version), confirm; exempt by rule; fill from the
 * applicant's warehouse (reuse); and the dossier's signed electronic result. Components are numbered from 1 in the
 * procedure version's order ({@code {n}}). Bodies are read strictly as JSON; the state machine, who may act on which
 * dossier (dossier-service's visibility) and whether a result's signature is VALID are the service's rules, whose
 * answers become problems (a refused signature: 409 RULE_VIOLATED, its verdict in the detail).
 */
@Controller("/api/v1/dossiers/{code}")
@ExecuteOn(TaskExecutors.BLOCKING)
public class DossierDigitizationController {

    static final int MAX_COMPONENT = 999;
    static final Map<String, ComponentSource> ATTACH_SOURCES =
            Map.of("UPLOAD", ComponentSource.COMPONENT_SOURCE_UPLOAD, "SCAN", ComponentSource.COMPONENT_SOURCE_SCAN);
    static final Map<String, ComponentSource> DATABASE_SOURCES = Map.of(
            "POPULATION_DATA", ComponentSource.COMPONENT_SOURCE_POPULATION_DATA,
            "SECTOR_DATABASE", ComponentSource.COMPONENT_SOURCE_SECTOR_DATABASE);
    static final Map<String, ExemptionReason> EXEMPTIONS = Map.of(
            "PRESENT_ONLY", ExemptionReason.EXEMPTION_REASON_PRESENT_ONLY,
            "NATIONAL_DATABASE", ExemptionReason.EXEMPTION_REASON_NATIONAL_DATABASE,
            "STATE_SECRET", ExemptionReason.EXEMPTION_REASON_STATE_SECRET);

    private final Downstream downstream;
    /** Deadline of the calls that stamp or verify a whole file (:check, result). */
    private final Duration processingTimeout;

    private final DigitizationServiceBlockingStub digitization;
    private final JsonMapper json;

    public DossierDigitizationController(
            Downstream downstream,
            DigitizationServiceBlockingStub digitization,
            JsonMapper json,
            @Value("${motcua.gateway.documents.processing-timeout:5m}") Duration processingTimeout) {
        this.downstream = downstream;
        this.processingTimeout = processingTimeout;
        this.digitization = digitization;
        this.json = json;
    }

    /** The applicant or officers the dossier is visible to: its components with their state, and its result. */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_DIGITIZATION_READERS,
                                            parseValue = true)))
    @Get("/digitization")
    @Access(AccessPolicy.CITIZEN_OR_OFFICER)
    public DigitizationJson.DossierDigitizationJson get(HttpRequest<?> request, @PathVariable String code) {
        Violations v = new Violations();
        String dossier = v.code("code", code, true);
        v.throwIfAny();
        GetDossierDigitizationRequest rpc = GetDossierDigitizationRequest.newBuilder()
                .setDossierCode(dossier)
                .build();
        return DigitizationJson.DossierDigitizationJson.from(
                call(request, s -> s.getDossierDigitization(rpc)).getDigitization());
    }

    /**
     * Reception officer or specialist, or the applicant on their own online dossier: attaches an uploaded document
     * of this dossier to the component. Body {documentId, source: UPLOAD|SCAN}. The component becomes UPLOADED.
     */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_UPLOADERS,
                                            parseValue = true)))
    @Post("/components/{n}:attach")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.DOCUMENT_UPLOADER)
    public DigitizationJson.ComponentJson attach(
            HttpRequest<?> request, @PathVariable String code, @PathVariable String n, @Nullable @Body String body) {
        Input in = input(request, code, n, body, Set.of("documentId", "source"));
        String document = in.v.code("documentId", in.b.string("documentId"), true);
        ComponentSource source = in.v.oneOf("source", in.b.string("source"), true, ATTACH_SOURCES);
        in.v.throwIfAny();
        AttachComponentDocumentRequest rpc = AttachComponentDocumentRequest.newBuilder()
                .setDossierCode(in.dossier)
                .setComponentNumber(in.number)
                .setDocumentId(document)
                .setSource(source)
                .build();
        return DigitizationJson.ComponentJson.from(
                call(request, s -> s.attachComponentDocument(rpc)).getComponent());
    }

    /**
     * Reception officer or specialist: the file was compared with the original. Body {matchesOriginal, note}:
     * true writes the QR-stamped version (CHECKED); false sends it back to PENDING, the note saying why (required
     * then, the service's rule).
     */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_DIGITIZERS,
                                            parseValue = true)))
    @Post("/components/{n}:check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.DIGITIZER)
    public DigitizationJson.ComponentJson check(
            HttpRequest<?> request, @PathVariable String code, @PathVariable String n, @Nullable @Body String body) {
        Input in = input(request, code, n, body, Set.of("matchesOriginal", "note"));
        if (!in.b.has("matchesOriginal")) {
            in.v.missing("matchesOriginal");
        }
        boolean matches = in.b.bool("matchesOriginal");
        String note = in.b.text("note");
        in.v.throwIfAny();
        CheckComponentRequest rpc = CheckComponentRequest.newBuilder()
                .setDossierCode(in.dossier)
                .setComponentNumber(in.number)
                .setMatchesOriginal(matches)
                .setNote(note)
                .build();
        return DigitizationJson.ComponentJson.from(
                // a passing check QR-stamps the file (up to the upload limit): the processing deadline
                downstream
                        .call(request, digitization, processingTimeout, s -> s.checkComponent(rpc))
                        .getComponent());
    }

    /**
     * Reception officer or specialist: a CHECKED component is CONFIRMED and goes into the applicant's warehouse.
     * Body optional {validUntil?} (ISO-8601 instant: until when it stays valid there).
     */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_DIGITIZERS,
                                            parseValue = true)))
    @Post("/components/{n}:confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.DIGITIZER)
    public DigitizationJson.ComponentJson confirm(
            HttpRequest<?> request, @PathVariable String code, @PathVariable String n, @Nullable @Body String body) {
        Input in = input(request, code, n, body, false, Set.of("validUntil"));
        Timestamp validUntil = instant(in, "validUntil");
        in.v.throwIfAny();
        ConfirmComponentRequest.Builder rpc =
                ConfirmComponentRequest.newBuilder().setDossierCode(in.dossier).setComponentNumber(in.number);
        if (validUntil != null) {
            rpc.setValidUntil(validUntil);
        }
        return DigitizationJson.ComponentJson.from(
                call(request, s -> s.confirmComponent(rpc.build())).getComponent());
    }

    /**
     * Reception officer or specialist: the component is exempt by rule, not scanned. Body {reason:
     * PRESENT_ONLY|NATIONAL_DATABASE|STATE_SECRET, source?: POPULATION_DATA|SECTOR_DATABASE (for
     * NATIONAL_DATABASE), note?}.
     */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_DIGITIZERS,
                                            parseValue = true)))
    @Post("/components/{n}:exempt")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.DIGITIZER)
    public DigitizationJson.ComponentJson exempt(
            HttpRequest<?> request, @PathVariable String code, @PathVariable String n, @Nullable @Body String body) {
        Input in = input(request, code, n, body, Set.of("reason", "source", "note"));
        ExemptionReason reason = in.v.oneOf("reason", in.b.string("reason"), true, EXEMPTIONS);
        ComponentSource source = in.v.oneOf("source", in.b.string("source"), false, DATABASE_SOURCES);
        String note = in.b.text("note");
        in.v.throwIfAny();
        ExemptComponentRequest rpc = ExemptComponentRequest.newBuilder()
                .setDossierCode(in.dossier)
                .setComponentNumber(in.number)
                .setReason(reason)
                .setSource(source == null ? ComponentSource.COMPONENT_SOURCE_UNSPECIFIED : source)
                .setNote(note)
                .build();
        return DigitizationJson.ComponentJson.from(
                call(request, s -> s.exemptComponent(rpc)).getComponent());
    }

    /**
     * The applicant on their own online dossier, or an officer: fills the component by reference to a still-valid
     * item of the applicant's warehouse instead of an upload (reuse). Body {warehouseItemId}.
     */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_UPLOADERS,
                                            parseValue = true)))
    @Post("/components/{n}:fill-from-warehouse")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.DOCUMENT_UPLOADER)
    public DigitizationJson.ComponentJson fillFromWarehouse(
            HttpRequest<?> request, @PathVariable String code, @PathVariable String n, @Nullable @Body String body) {
        Input in = input(request, code, n, body, Set.of("warehouseItemId"));
        String item = in.v.code("warehouseItemId", in.b.string("warehouseItemId"), true);
        in.v.throwIfAny();
        FillComponentFromWarehouseRequest rpc = FillComponentFromWarehouseRequest.newBuilder()
                .setDossierCode(in.dossier)
                .setComponentNumber(in.number)
                .setWarehouseItemId(item)
                .build();
        return DigitizationJson.ComponentJson.from(
                call(request, s -> s.fillComponentFromWarehouse(rpc)).getComponent());
    }

    /**
     * Specialist, unit leader or clerk: attaches the dossier's electronic result, a PDF uploaded for this dossier
     * whose signature must verify as VALID (anything else: 409 RULE_VIOLATED, nothing attached). Body
     * {documentId, validUntil?}.
     */
    @Operation(
            extensions =
                    @Extension(
                            properties =
                                    @ExtensionProperty(
                                            name = "acting-roles",
                                            value = RoleDocs.ACTS_RESULT_ISSUERS,
                                            parseValue = true)))
    @Post("/result")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.RESULT_ISSUER)
    public DigitizationJson.ResultJson attachResult(
            HttpRequest<?> request, @PathVariable String code, @Nullable @Body String body) {
        Violations v = new Violations();
        String dossier = v.code("code", code, true);
        JsonBody b = JsonBody.read(json, body, true, Set.of("documentId", "validUntil"), v);
        String document = v.code("documentId", b.string("documentId"), true);
        Instant validUntil = v.instant("validUntil", b.string("validUntil"), false);
        v.throwIfAny();
        renamePaths(request);
        AttachResultRequest.Builder rpc =
                AttachResultRequest.newBuilder().setDossierCode(dossier).setDocumentId(document);
        if (validUntil != null) {
            rpc.setValidUntil(ProtoValues.timestamp(validUntil));
        }
        return DigitizationJson.ResultJson.from(
                // verifies the result's signature over the whole file: the processing deadline
                downstream
                        .call(request, digitization, processingTimeout, s -> s.attachResult(rpc.build()))
                        .getResult());
    }

    /** What every component action reads: the dossier's code, the component's number and the JSON body. */
    private record Input(Violations v, String dossier, int number, JsonBody b) {}

    private Input input(HttpRequest<?> request, String code, String n, @Nullable String body, Set<String> fields) {
        return input(request, code, n, body, true, fields);
    }

    private Input input(
            HttpRequest<?> request,
            String code,
            String n,
            @Nullable String body,
            boolean bodyRequired,
            Set<String> fields) {
        Violations v = new Violations();
        String dossier = v.code("code", code, true);
        int number = componentNumber(v, n);
        JsonBody b = JsonBody.read(json, body, bodyRequired, fields, v);
        renamePaths(request);
        return new Input(v, dossier == null ? "" : dossier, number, b);
    }

    /** The component's number in the path: 1 to {@value #MAX_COMPONENT}. */
    static int componentNumber(Violations v, @Nullable String n) {
        if (n != null && n.matches("[0-9]{1,3}")) {
            int number = Integer.parseInt(n);
            if (number >= 1 && number <= MAX_COMPONENT) {
                return number;
            }
        }
        v.add("n", "must be a component's number, a whole number from 1 to " + MAX_COMPONENT);
        return 0;
    }

    @Nullable
    private static Timestamp instant(Input in, String field) {
        Instant value = in.v.instant(field, in.b.string(field), false);
        return value == null ? null : ProtoValues.timestamp(value);
    }

    /** The service names the path's values dossier_code and component_number; the client knows them as code and n. */
    private static void renamePaths(HttpRequest<?> request) {
        JsonPaths.flattened(request, "", path -> switch (path) {
            case "dossierCode" -> "code";
            case "componentNumber" -> "n";
            default -> path;
        });
    }

    private <R> R call(HttpRequest<?> request, Function<DigitizationServiceBlockingStub, R> rpc) {
        return downstream.call(request, digitization, rpc);
    }
}
