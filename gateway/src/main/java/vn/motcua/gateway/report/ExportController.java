package vn.motcua.gateway.report;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.motcua.gateway.downstream.Downstream;
import vn.motcua.gateway.security.Access;
import vn.motcua.gateway.security.AccessPolicy;
import vn.motcua.gateway.validation.Violations;
import vn.motcua.proto.report.v1.ExportFormat;
import vn.motcua.proto.report.v1.ExportReportRequest;
import vn.motcua.proto.report.v1.ExportReportResponse;
import vn.motcua.proto.report.v1.ExportSource;
import vn.motcua.proto.report.v1.II06aGrouping;
import vn.motcua.proto.report.v1.Period;
import vn.motcua.proto.report.v1.ReportKind;
import vn.motcua.proto.report.v1.ReportServiceGrpc.ReportServiceBlockingStub;

/**
 * A report as a file (report-service ExportReport): XLSX laid out like the official form, CSV or JSON, for officers
 * and, on {@code /api/v1/machine/reports/export}, for the province's puller. The answer carries the service's strong
 * ETag (a hash of the figures); a request whose If-None-Match names it is answered 304 with no body, so a puller that
 * asks every hour downloads a report only when its figures changed.
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ExportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv";

    private static final Map<String, ExportFormat> FORMATS = Map.of(
            "xlsx", ExportFormat.EXPORT_FORMAT_XLSX,
            "csv", ExportFormat.EXPORT_FORMAT_CSV,
            "json", ExportFormat.EXPORT_FORMAT_JSON);
    private static final Map<String, ExportSource> SOURCES = Map.of(
            "live", ExportSource.EXPORT_SOURCE_LIVE,
            "submitted", ExportSource.EXPORT_SOURCE_SUBMITTED,
            "consolidated", ExportSource.EXPORT_SOURCE_CONSOLIDATED);
    /** The service's file name goes into a header only when it is plainly harmless ASCII with the right extension. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,120}");
    /** One entity tag of RFC 9110 8.8.3 (opaque-tag, optionally weak). */
    private static final Pattern TAG = Pattern.compile("\\s*((?:W/)?\"[\\x21\\x23-\\x7E]{0,200}\")\\s*(,|$)");

    private static final Pattern STRONG = Pattern.compile("\"[\\x21\\x23-\\x7E]{1,200}\"");
    private static final int MAX_IF_NONE_MATCH = 2048;
    private static final int MAX_TAGS = 20;

    private final Downstream downstream;
    private final ReportServiceBlockingStub reports;
    private final Duration timeout;

    public ExportController(
            Downstream downstream,
            ReportServiceBlockingStub reports,
            @Value("${motcua.gateway.reports.timeout:30s}") Duration timeout) {
        this.downstream = downstream;
        this.reports = reports;
        this.timeout = timeout;
    }

    /**
     * Officers: a report as a file: {@code kind=ii06a|indicators}, {@code format=xlsx|csv|json}, {@code
     * source=live|submitted|consolidated} (default live: computed now), {@code submissionId} (a version, with
     * source=submitted), {@code grouping=UNIT|FIELD} (II.06a), {@code unitCode} and the period parameters.
     * Content-Disposition names the file; ETag is the figures' hash; If-None-Match with it answers 304.
     */
    @Get(
            value = "/reports/export",
            produces = {XLSX, CSV, MediaType.APPLICATION_JSON})
    @Access(AccessPolicy.REPORT_READER)
    public HttpResponse<byte[]> export(
            HttpRequest<?> request,
            @Nullable @QueryValue String unitCode,
            @Nullable @QueryValue String kind,
            @Nullable @QueryValue String format,
            @Nullable @QueryValue String source,
            @Nullable @QueryValue String submissionId,
            @Nullable @QueryValue String grouping,
            @Nullable @QueryValue String periodKind,
            @Nullable @QueryValue String year,
            @Nullable @QueryValue String number,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String window,
            @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return file(
                request,
                unitCode,
                kind,
                format,
                source,
                submissionId,
                grouping,
                periodKind,
                year,
                number,
                from,
                to,
                window,
                ifNoneMatch);
    }

    /** The province's puller (client credentials, report_viewer): the same files as {@code /reports/export}. */
    @Get(
            value = "/machine/reports/export",
            produces = {XLSX, CSV, MediaType.APPLICATION_JSON})
    @Access(AccessPolicy.REPORT_MACHINE)
    public HttpResponse<byte[]> exportForMachines(
            HttpRequest<?> request,
            @Nullable @QueryValue String unitCode,
            @Nullable @QueryValue String kind,
            @Nullable @QueryValue String format,
            @Nullable @QueryValue String source,
            @Nullable @QueryValue String submissionId,
            @Nullable @QueryValue String grouping,
            @Nullable @QueryValue String periodKind,
            @Nullable @QueryValue String year,
            @Nullable @QueryValue String number,
            @Nullable @QueryValue String from,
            @Nullable @QueryValue String to,
            @Nullable @QueryValue String window,
            @Nullable @Header(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return file(
                request,
                unitCode,
                kind,
                format,
                source,
                submissionId,
                grouping,
                periodKind,
                year,
                number,
                from,
                to,
                window,
                ifNoneMatch);
    }

    private HttpResponse<byte[]> file(
            HttpRequest<?> request,
            @Nullable String unitCode,
            @Nullable String kind,
            @Nullable String format,
            @Nullable String source,
            @Nullable String submissionId,
            @Nullable String grouping,
            @Nullable String periodKind,
            @Nullable String year,
            @Nullable String number,
            @Nullable String from,
            @Nullable String to,
            @Nullable String window,
            @Nullable String ifNoneMatch) {
        Violations v = new Violations();
        String unit = v.code("unitCode", unitCode, false);
        ReportKind k = v.oneOf("kind", kind, true, ReportParams.QUERY_KINDS);
        ExportFormat f = v.oneOf("format", format, true, FORMATS);
        ExportSource s = v.oneOf("source", source, false, SOURCES);
        String submission = v.code("submissionId", submissionId, false);
        II06aGrouping g = v.oneOf("grouping", grouping, false, ReportParams.GROUPINGS);
        Period period = ReportParams.queryPeriod(v, periodKind, year, number, from, to, window);
        List<String> held = entityTags(v, ifNoneMatch);
        v.throwIfAny();
        ExportReportRequest.Builder rpc = ExportReportRequest.newBuilder()
                .setUnitCode(ReportParams.orEmpty(unit))
                .setKind(k)
                .setFormat(f)
                .setSubmissionId(ReportParams.orEmpty(submission))
                .setPeriod(period);
        if (s != null) {
            rpc.setSource(s);
        }
        if (g != null) {
            rpc.setGrouping(g);
        }
        // the service compares one strong tag and then need not build the file; a list (or *) is compared here
        if (held.size() == 1 && STRONG.matcher(held.get(0)).matches()) {
            rpc.setIfNoneMatch(held.get(0));
        }
        ReportParams.periodNames(request);
        ExportReportResponse answer =
                downstream.call(request, reports, timeout, stub -> stub.exportReport(rpc.build()));
        String etag = STRONG.matcher(answer.getEtag()).matches() ? answer.getEtag() : null;
        if (answer.getNotModified() || matches(held, etag)) {
            MutableHttpResponse<byte[]> notModified = HttpResponse.notModified();
            if (etag != null) {
                notModified.header(HttpHeaders.ETAG, etag);
            }
            return notModified;
        }
        String extension = extension(f);
        MutableHttpResponse<byte[]> response = HttpResponse.ok(
                        answer.getContent().toByteArray())
                .contentType(mediaType(f))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + fileName(answer, extension) + "\"");
        if (etag != null) {
            response.header(HttpHeaders.ETAG, etag);
        }
        return response;
    }

    /**
     * The tags of If-None-Match (RFC 9110 13.1.2): {@code *} or a list of entity tags, weak ones included (the
     * comparison for GET is weak); anything else is a 400 naming the header.
     */
    static List<String> entityTags(Violations v, @Nullable String header) {
        List<String> tags = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return tags;
        }
        String value = header.strip();
        if (value.equals("*")) {
            tags.add("*");
            return tags;
        }
        if (value.length() <= MAX_IF_NONE_MATCH) {
            Matcher m = TAG.matcher(value);
            int at = 0;
            while (at < value.length() && tags.size() <= MAX_TAGS && m.find(at) && m.start() == at) {
                tags.add(m.group(1));
                at = m.end();
            }
            if (at == value.length() && !tags.isEmpty() && tags.size() <= MAX_TAGS && !value.endsWith(",")) {
                return tags;
            }
        }
        v.add(HttpHeaders.IF_NONE_MATCH, "must be * or a list of at most " + MAX_TAGS + " entity tags like \"…\"");
        return List.of();
    }

    /** Weak comparison: W/"x" and "x" name the same figures. */
    static boolean matches(List<String> held, @Nullable String etag) {
        if (etag == null) {
            return false;
        }
        for (String tag : held) {
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static MediaType mediaType(ExportFormat format) {
        return switch (format) {
            case EXPORT_FORMAT_XLSX -> MediaType.of(XLSX);
            case EXPORT_FORMAT_CSV -> MediaType.of(CSV + ";charset=utf-8");
            default -> MediaType.APPLICATION_JSON_TYPE;
        };
    }

    private static String extension(ExportFormat format) {
        return switch (format) {
            case EXPORT_FORMAT_XLSX -> "xlsx";
            case EXPORT_FORMAT_CSV -> "csv";
            default -> "json";
        };
    }

    private static String fileName(ExportReportResponse answer, String extension) {
        String name = answer.getFileName();
        return FILE_NAME.matcher(name).matches() && name.endsWith("." + extension) && !name.startsWith(".")
                ? name
                : "bao-cao." + extension;
    }
}
