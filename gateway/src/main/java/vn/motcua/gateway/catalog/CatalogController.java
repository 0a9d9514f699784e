package vn.motcua.gateway.catalog;

import com.google.protobuf.ByteString;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import vn.motcua.gateway.dossier.IdempotencyKeys;
import vn.motcua.gateway.dossier.JsonBody;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.problem.JsonPaths;
import vn.motcua.gateway.problem.ProblemException;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.common.v1.Money;
import vn.motcua.proto.common.v1.UnitLevel;
import vn.motcua.proto.dossier.v1.CatalogServiceGrpc.CatalogServiceBlockingStub;
import vn.motcua.proto.dossier.v1.CatalogueFormat;
import vn.motcua.proto.dossier.v1.Component;
import vn.motcua.proto.dossier.v1.CreateProcedureDraftRequest;
import vn.motcua.proto.dossier.v1.ExportCatalogueRequest;
import vn.motcua.proto.dossier.v1.ExportCatalogueResponse;
import vn.motcua.proto.dossier.v1.FeeItem;
import vn.motcua.proto.dossier.v1.GetProcedureRequest;
import vn.motcua.proto.dossier.v1.GetPublicListingRequest;
import vn.motcua.proto.dossier.v1.ImportCatalogueRequest;
import vn.motcua.proto.dossier.v1.OnlineLevel;
import vn.motcua.proto.dossier.v1.ProcedureDraft;
import vn.motcua.proto.dossier.v1.PublishProcedureRequest;
import vn.motcua.proto.dossier.v1.ReceivingUnit;
import vn.motcua.proto.dossier.v1.ReviewCatalogueRequest;
import vn.motcua.proto.dossier.v1.TimeLimit;
import vn.motcua.proto.dossier.v1.TimeLimitUnit;
import vn.motcua.proto.dossier.v1.WithdrawProcedureRequest;

/**
 * Managing the procedure catalogue (CatalogService, served by dossier-service): drafts, publication, withdrawal,
 * import/export and the TTHC controller's review, plus the public procedure page and unit listing. POSTs map
 * Idempotency-Key to request_id; bodies are read strictly as JSON (a wrong type, an unknown field or choice is a 400
 * before any call); the values' rules are the service's (DraftRules), its field violations reach the client under
 * the JSON names.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class CatalogController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv";
    /** What ImportCatalogue takes; the gateway's global max-request-size (1 MB) is lower, see README. */
    static final int IMPORT_MAX_BYTES = 5 * 1024 * 1024;
    /** How many fees, components or receiving units a draft has is the service's rule; the body limit bounds it. */
    private static final int ANY_ITEMS = Integer.MAX_VALUE;

    static final Map<String, UnitLevel> LEVELS = Map.of(
            "PROVINCE",
            UnitLevel.UNIT_LEVEL_PROVINCE,
            "DISTRICT",
            UnitLevel.UNIT_LEVEL_DISTRICT,
            "COMMUNE",
            UnitLevel.UNIT_LEVEL_COMMUNE);
    static final Map<String, TimeLimitUnit> TIME_UNITS = Map.of(
            "WORKING_DAYS", TimeLimitUnit.TIME_LIMIT_UNIT_WORKING_DAYS,
            "WORKING_HOURS", TimeLimitUnit.TIME_LIMIT_UNIT_WORKING_HOURS,
            "CALENDAR_DAYS", TimeLimitUnit.TIME_LIMIT_UNIT_CALENDAR_DAYS,
            "MONTHS", TimeLimitUnit.TIME_LIMIT_UNIT_MONTHS);
    static final Map<String, OnlineLevel> ONLINE_LEVELS = Map.of(
            "NONE",
            OnlineLevel.ONLINE_LEVEL_NONE,
            "PARTIAL",
            OnlineLevel.ONLINE_LEVEL_PARTIAL,
            "FULL",
            OnlineLevel.ONLINE_LEVEL_FULL);
    private static final Set<String> DRAFT_FIELDS = Set.of(
            "code",
            "name",
            "field",
            "level",
            "timeLimit",
            "fees",
            "onlineLevel",
            "postalAllowed",
            "boundaryFreeAllowed",
            "requiresPaperResult",
            "financialObligationPausesClock",
            "onlineFeeDiscountPercent",
            "components",
            "receivingUnits",
            "effectiveOn");
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,8}");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,120}\\.(csv|xlsx)");

    private final Downstream downstream;
    private final CatalogServiceBlockingStub catalog;
    private final JsonMapper json;

    public CatalogController(Downstream downstream, CatalogServiceBlockingStub catalog, JsonMapper json) {
        this.downstream = downstream;
        this.catalog = catalog;
        this.json = json;
    }

    /**
     * TTHC controller: a new draft version of a procedure (the service assigns the version number). Body {code,
     * name, field, level (PROVINCE|DISTRICT|COMMUNE), timeLimit{amount, unit (WORKING_DAYS|WORKING_HOURS|
     * CALENDAR_DAYS|MONTHS)}, fees[{name, amount, currencyCode?, legalBasis? (the instrument that sets the fee: one
     * line of at most 500 characters)}]?, onlineLevel (NONE|PARTIAL|FULL)?, postalAllowed?, boundaryFreeAllowed?,
     * requiresPaperResult?, financialObligationPausesClock? (the time spent on financial obligations does not count
     * in the time limit: land procedures), onlineFeeDiscountPercent? (whole number 0..100, default 0: percentage off
     * the fees when the dossier was submitted online and is paid online), components[{name, originalRequired?,
     * quantity?, presentOnly?}]?, receivingUnits[{unitCode, competentUnitCode}]?, effectiveOn (YYYY-MM-DD)}. Answers
     * 201.
     */
    @Post("/catalog/procedures")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.TTHC_CONTROLLER)
    public HttpResponse<CatalogJson.Version> createDraft(
            HttpRequest<?> request,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        Violations v = new Violations();
        String requestId = IdempotencyKeys.requestId(idempotencyKey, v);
        JsonBody b = JsonBody.read(json, body, true, DRAFT_FIELDS, v);
        // the values' rules (required, lengths, codes, ranges, list sizes, dates) are the service's (DraftRules);
        // here only the JSON's shape, and the choices the proto request needs as enums
        // (a choice left out is not reported here: whether it is required is the service's rule)
        ProcedureDraft.Builder draft = ProcedureDraft.newBuilder()
                .setCode(b.text("code"))
                .setName(b.text("name"))
                .setField(b.text("field"));
        UnitLevel level = v.oneOf(b.path("level"), b.string("level"), false, LEVELS);
        if (level != null) {
            draft.setLevel(level);
        }
        JsonBody limit = b.object("timeLimit", Set.of("amount", "unit"));
        if (limit != null) {
            TimeLimitUnit unit = v.oneOf(limit.path("unit"), limit.string("unit"), false, TIME_UNITS);
            draft.setTimeLimit(TimeLimit.newBuilder()
                    .setAmount(limit.longValue("amount", Long.MIN_VALUE, Long.MAX_VALUE))
                    .setUnit(unit == null ? TimeLimitUnit.TIME_LIMIT_UNIT_UNSPECIFIED : unit));
        }
        for (JsonBody fee : b.objects("fees", Set.of("name", "amount", "currencyCode", "legalBasis"), ANY_ITEMS)) {
            draft.addFees(FeeItem.newBuilder()
                    .setName(fee.text("name"))
                    .setAmount(Money.newBuilder()
                            .setAmount(fee.longValue("amount", Long.MIN_VALUE, Long.MAX_VALUE))
                            .setCurrencyCode(fee.text("currencyCode")))
                    .setLegalBasis(fee.text("legalBasis")));
        }
        OnlineLevel online = v.oneOf(b.path("onlineLevel"), b.string("onlineLevel"), false, ONLINE_LEVELS);
        if (online != null) {
            draft.setOnlineLevel(online);
        }
        draft.setPostalAllowed(b.bool("postalAllowed"))
                .setBoundaryFreeAllowed(b.bool("boundaryFreeAllowed"))
                .setRequiresPaperResult(b.bool("requiresPaperResult"))
                .setFinancialObligationPausesClock(b.bool("financialObligationPausesClock"))
                // whole number here; its range (0..100) is the service's rule
                .setOnlineFeeDiscountPercent(
                        b.integer("onlineFeeDiscountPercent", Integer.MIN_VALUE, Integer.MAX_VALUE));
        for (JsonBody c :
                b.objects("components", Set.of("name", "originalRequired", "quantity", "presentOnly"), ANY_ITEMS)) {
            draft.addComponents(Component.newBuilder()
                    .setName(c.text("name"))
                    .setOriginalRequired(c.bool("originalRequired"))
                    .setQuantity(c.integer("quantity", Integer.MIN_VALUE, Integer.MAX_VALUE))
                    .setPresentOnly(c.bool("presentOnly")));
        }
        for (JsonBody u : b.objects("receivingUnits", Set.of("unitCode", "competentUnitCode"), ANY_ITEMS)) {
            draft.addReceivingUnits(ReceivingUnit.newBuilder()
                    .setUnitCode(u.text("unitCode"))
                    .setCompetentUnitCode(u.text("competentUnitCode")));
        }
        draft.setEffectiveOn(b.text("effectiveOn"));
        // the service names the draft's fields draft.*, and a fee's currency draft.fees[i].amount.currency_code
        JsonPaths.flattened(request, "draft", path -> path.replaceFirst("\\.amount\\.currencyCode$", ".currencyCode"));
        v.throwIfAny();
        CreateProcedureDraftRequest rpc = CreateProcedureDraftRequest.newBuilder()
                .setRequestId(requestId)
                .setDraft(draft)
                .build();
        CatalogJson.Version created = CatalogJson.Version.from(
                call(request, s -> s.createProcedureDraft(rpc)).getVersion());
        String code = created.procedure() == null
                ? rpc.getDraft().getCode()
                : created.procedure().code();
        int version = created.procedure() == null ? 0 : created.procedure().version();
        return HttpResponse.created(created, URI.create("/api/v1/public/procedures/" + code + "?version=" + version));
    }

    /** TTHC controller: publish a draft version. Body {publicationDecision, publishedOn (YYYY-MM-DD)}. */
    @Post("/catalog/procedures/{code}/versions/{version}:publish")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.TTHC_CONTROLLER)
    public CatalogJson.Version publish(
            HttpRequest<?> request,
            @PathVariable String code,
            @PathVariable String version,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        Violations v = new Violations();
        String validCode = v.code("code", code, true);
        int validVersion = version(v, "version", version);
        String requestId = IdempotencyKeys.requestId(idempotencyKey, v);
        JsonBody b = JsonBody.read(json, body, true, Set.of("publicationDecision", "publishedOn"), v);
        // the decision's and the date's rules are the service's (one line of at most 128; YYYY-MM-DD, not later)
        String decision = b.text("publicationDecision");
        String publishedOn = b.text("publishedOn");
        v.throwIfAny();
        PublishProcedureRequest rpc = PublishProcedureRequest.newBuilder()
                .setRequestId(requestId)
                .setCode(validCode)
                .setVersion(validVersion)
                .setPublicationDecision(decision)
                .setPublishedOn(publishedOn)
                .build();
        return CatalogJson.Version.from(
                call(request, s -> s.publishProcedure(rpc)).getVersion());
    }

    /** TTHC controller: withdraw a procedure from the public listing (no new dossiers). Body {reason}. */
    @Post("/catalog/procedures/{code}:withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @Access(AccessPolicy.TTHC_CONTROLLER)
    public CatalogJson.Version withdraw(
            HttpRequest<?> request,
            @PathVariable String code,
            @Nullable @Body String body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        Violations v = new Violations();
        String validCode = v.code("code", code, true);
        String requestId = IdempotencyKeys.requestId(idempotencyKey, v);
        JsonBody b = JsonBody.read(json, body, true, Set.of("reason"), v);
        String reason = b.text("reason"); // required, at most 1000 characters: the service's rule
        v.throwIfAny();
        WithdrawProcedureRequest rpc = WithdrawProcedureRequest.newBuilder()
                .setRequestId(requestId)
                .setCode(validCode)
                .setReason(reason)
                .build();
        return CatalogJson.Version.from(
                call(request, s -> s.withdrawProcedure(rpc)).getVersion());
    }

    /** Anyone: one procedure, the current published version or ?version=N. */
    @Get("/public/procedures/{code}")
    @Access(AccessPolicy.PUBLIC)
    public CatalogJson.Version procedure(
            HttpRequest<?> request, @PathVariable String code, @Nullable @QueryValue String version) {
        Violations v = new Violations();
        String validCode = v.code("code", code, true);
        int validVersion = version == null || version.isEmpty() ? 0 : version(v, "version", version);
        v.throwIfAny();
        GetProcedureRequest rpc = GetProcedureRequest.newBuilder()
                .setCode(validCode)
                .setVersion(validVersion)
                .build();
        return CatalogJson.Version.from(call(request, s -> s.getProcedure(rpc)).getVersion());
    }

    /** Anyone: what a unit receives at the one-stop desk, by post and boundary-free (niêm yết công khai). */
    @Get("/public/units/{unitCode}/listing")
    @Access(AccessPolicy.PUBLIC)
    public CatalogJson.Listing listing(HttpRequest<?> request, @PathVariable String unitCode) {
        Violations v = new Violations();
        String unit = v.code("unitCode", unitCode, true);
        v.throwIfAny();
        GetPublicListingRequest rpc =
                GetPublicListingRequest.newBuilder().setUnitCode(unit).build();
        return CatalogJson.Listing.from(call(request, s -> s.getPublicListing(rpc)));
    }

    /**
     * TTHC controller: import drafts from a CSV or XLSX file sent as the raw body (Content-Type text/csv or the
     * XLSX type); all rows or none. The service takes up to 5 MB, but the gateway's max-request-size (1 MB for
     * every route) applies: larger files must go to CatalogService.ImportCatalogue over gRPC. Answers
     * {draftsCreated}.
     */
    @Post("/catalog:import")
    @Consumes({CSV, XLSX})
    @Access(AccessPolicy.TTHC_CONTROLLER)
    public CatalogJson.Imported importCatalogue(
            HttpRequest<?> request,
            @Nullable @Body byte[] body,
            @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        Violations v = new Violations();
        String requestId = IdempotencyKeys.requestId(idempotencyKey, v);
        CatalogueFormat format = request.getContentType()
                .map(t -> t.getName().equalsIgnoreCase(CSV)
                        ? CatalogueFormat.CATALOGUE_FORMAT_CSV
                        : t.getName().equalsIgnoreCase(XLSX) ? CatalogueFormat.CATALOGUE_FORMAT_XLSX : null)
                .orElse(null);
        if (format == null) {
            v.add("Content-Type", "must be " + CSV + " or " + XLSX);
        }
        if (body == null || body.length == 0) {
            throw ProblemException.malformed("the file to import is required as the body");
        }
        if (body.length > IMPORT_MAX_BYTES) {
            v.add("$", "must be at most 5 MB");
        }
        v.throwIfAny();
        ImportCatalogueRequest rpc = ImportCatalogueRequest.newBuilder()
                .setRequestId(requestId)
                .setFormat(format)
                .setContent(ByteString.copyFrom(body))
                .build();
        return new CatalogJson.Imported(
                call(request, s -> s.importCatalogue(rpc)).getDraftsCreated());
    }

    /** TTHC controller: the current published catalogue as a file, ?format=csv (default) or xlsx. */
    @Get(
            value = "/catalog:export",
            produces = {CSV, XLSX})
    @Access(AccessPolicy.TTHC_CONTROLLER)
    public HttpResponse<byte[]> exportCatalogue(HttpRequest<?> request, @Nullable @QueryValue String format) {
        Violations v = new Violations();
        CatalogueFormat wanted = null;
        if (format == null || format.isEmpty() || format.equals("csv")) {
            wanted = CatalogueFormat.CATALOGUE_FORMAT_CSV;
        } else if (format.equals("xlsx")) {
            wanted = CatalogueFormat.CATALOGUE_FORMAT_XLSX;
        } else {
            v.add("format", "must be csv or xlsx");
        }
        v.throwIfAny();
        ExportCatalogueRequest rpc =
                ExportCatalogueRequest.newBuilder().setFormat(wanted).build();
        ExportCatalogueResponse file = call(request, s -> s.exportCatalogue(rpc));
        boolean xlsx = wanted == CatalogueFormat.CATALOGUE_FORMAT_XLSX;
        String extension = xlsx ? "xlsx" : "csv";
        // the file name is the service's text: put it into a header only when it is plainly harmless
        String fileName = FILE_NAME.matcher(file.getFileName()).matches()
                        && file.getFileName().endsWith(extension)
                ? file.getFileName()
                : "catalogue." + extension;
        MediaType type = xlsx ? MediaType.of(XLSX) : MediaType.of(CSV + ";charset=utf-8");
        return HttpResponse.ok(file.getContent().toByteArray())
                .contentType(type)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    }

    /**
     * TTHC controller: procedures in effect but not published, published late, or missing components, as of
     * ?asOf=YYYY-MM-DD (default today, Asia/Ho_Chi_Minh).
     */
    @Get("/catalog/review")
    @Access(AccessPolicy.TTHC_CONTROLLER)
    public CatalogJson.Review review(HttpRequest<?> request, @Nullable @QueryValue String asOf) {
        Violations v = new Violations();
        LocalDate date = v.date("asOf", asOf, false);
        v.throwIfAny();
        ReviewCatalogueRequest rpc = ReviewCatalogueRequest.newBuilder()
                .setAsOf(date == null ? "" : date.toString())
                .build();
        return CatalogJson.Review.from(call(request, s -> s.reviewCatalogue(rpc)));
    }

    private static int version(Violations v, String field, @Nullable String value) {
        if (value == null || !VERSION.matcher(value).matches()) {
            v.add(field, "must be a version number from 1");
            return 0;
        }
        return Integer.parseInt(value);
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private <R> R call(HttpRequest<?> request, Function<CatalogServiceBlockingStub, R> rpc) {
        return downstream.call(request, catalog, rpc);
    }
}
