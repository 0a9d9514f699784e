package vn.motcua.report.export.grpc;

import com.google.protobuf.ByteString;
import jakarta.inject.Singleton;
import vn.motcua.platform.auth.CallContext;
import vn.motcua.platform.error.DomainException;
import vn.motcua.proto.report.v1.ExportReportRequest;
import vn.motcua.proto.report.v1.ExportReportResponse;
import vn.motcua.report.export.domain.ExportSource;
import vn.motcua.report.export.domain.FileFormat;
import vn.motcua.report.export.service.ExportService;
import vn.motcua.report.ii06a.grpc.II06aMessages;
import vn.motcua.report.submission.grpc.SubmissionRpc;

/**
 * ExportReport: any officer or report_viewer (a person or a client-credentials machine) for a unit of their subtree.
 * An if_none_match equal to the report's etag answers not_modified with no content.
 */
@Singleton
public class ExportRpc {

    private final ExportService exports;

    public ExportRpc(ExportService exports) {
        this.exports = exports;
    }

    public ExportReportResponse exportReport(ExportReportRequest request) {
        ExportService.Outcome outcome = exports.export(
                CallContext.requireCaller(),
                new ExportService.Request(
                        request.getUnitCode(),
                        SubmissionRpc.kind(request.getKind()),
                        II06aMessages.period(request.getPeriod()),
                        format(request.getFormat()),
                        source(request.getSource()),
                        request.getSubmissionId(),
                        II06aMessages.grouping(request.getGrouping(), "grouping"),
                        request.getIfNoneMatch()));
        return ExportReportResponse.newBuilder()
                .setContent(ByteString.copyFrom(outcome.file().content()))
                .setContentType(outcome.file().contentType())
                .setFileName(outcome.file().fileName())
                .setEtag(outcome.file().etag())
                .setNotModified(outcome.notModified())
                .build();
    }

    private static FileFormat format(vn.motcua.proto.report.v1.ExportFormat format) {
        return switch (format) {
            case EXPORT_FORMAT_XLSX -> FileFormat.XLSX;
            case EXPORT_FORMAT_CSV -> FileFormat.CSV;
            case EXPORT_FORMAT_JSON -> FileFormat.JSON;
            case EXPORT_FORMAT_UNSPECIFIED -> null;
            case UNRECOGNIZED -> throw DomainException.invalid("format", "is not a known export format");
        };
    }

    private static ExportSource source(vn.motcua.proto.report.v1.ExportSource source) {
        return switch (source) {
            case EXPORT_SOURCE_UNSPECIFIED, EXPORT_SOURCE_LIVE -> ExportSource.LIVE;
            case EXPORT_SOURCE_SUBMITTED -> ExportSource.SUBMITTED;
            case EXPORT_SOURCE_CONSOLIDATED -> ExportSource.CONSOLIDATED;
            case UNRECOGNIZED -> throw DomainException.invalid("source", "is not a known export source");
        };
    }
}
