package vn.motcua.gateway.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Api;
import vn.motcua.gateway.support.FakeReports;
import vn.motcua.proto.report.v1.ExportFormat;
import vn.motcua.proto.report.v1.ExportReportRequest;
import vn.motcua.proto.report.v1.ExportSource;
import vn.motcua.proto.report.v1.II06aGrouping;
import vn.motcua.proto.report.v1.ReportKind;

/**
 * Exports as files: the type of the format asked, an attachment named by the service (when its name is harmless),
 * the service's ETag, and If-None-Match answered 304 without a body, on the officers' route and on the puller's.
 */
@MicronautTest(transactional = false)
class ReportExportRoutesIT extends ReportGatewayIT {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String EXPORT = "/api/v1/reports/export?periodKind=QUARTER&year=2026&number=3&kind=ii06a";
    private static final String MACHINE_EXPORT =
            "/api/v1/machine/reports/export?unitCode=30&periodKind=QUARTER&year=2026&number=3&kind=ii06a";

    @Test
    void anExportIsAnAttachmentWithItsTypeNameAndEntityTag() throws Exception {
        byte[] file = {'P', 'K', 3, 4, (byte) 0xff, 0, 1, 2};
        reports.export(file, "BC-II06a_30_2026-Q3.xlsx", FakeReports.ETAG);

        HttpResponse<byte[]> response = bytes(
                EXPORT + "&format=xlsx&source=submitted&submissionId=SUB-1&grouping=FIELD&unitCode=30", viewer(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(file);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(XLSX);
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"BC-II06a_30_2026-Q3.xlsx\"");
        assertThat(response.headers().firstValue("ETag")).hasValue(FakeReports.ETAG);
        ExportReportRequest sent = (ExportReportRequest) reports.only().request();
        assertThat(sent.getKind()).isEqualTo(ReportKind.REPORT_KIND_II06A);
        assertThat(sent.getFormat()).isEqualTo(ExportFormat.EXPORT_FORMAT_XLSX);
        assertThat(sent.getSource()).isEqualTo(ExportSource.EXPORT_SOURCE_SUBMITTED);
        assertThat(sent.getSubmissionId()).isEqualTo("SUB-1");
        assertThat(sent.getGrouping()).isEqualTo(II06aGrouping.II06A_GROUPING_FIELD);
        assertThat(sent.getUnitCode()).isEqualTo("30");
        assertThat(sent.getIfNoneMatch()).isEmpty();
    }

    @Test
    void csvAndJsonComeWithTheirOwnTypes() throws Exception {
        reports.export("STT,Đơn vị\r\n".getBytes(StandardCharsets.UTF_8), "BC-II06a_30_2026-Q3.csv", FakeReports.ETAG);
        HttpResponse<byte[]> csv = bytes(EXPORT + "&format=csv", viewer(), null);
        reports.export("{\"rows\":[]}".getBytes(StandardCharsets.UTF_8), "BC-766_30_2026-Q3.json", FakeReports.ETAG);
        HttpResponse<byte[]> json = bytes(EXPORT.replace("ii06a", "indicators") + "&format=json", viewer(), null);

        assertThat(csv.headers().firstValue("Content-Type")).hasValue("text/csv;charset=utf-8");
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"BC-II06a_30_2026-Q3.csv\"");
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).isEqualTo("STT,Đơn vị\r\n");
        assertThat(json.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(json.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"BC-766_30_2026-Q3.json\"");
        assertThat(((ExportReportRequest) reports.received().get(1).request()).getKind())
                .isEqualTo(ReportKind.REPORT_KIND_INDICATORS_766);
    }

    @Test
    void theTagTheClientHoldsAnswers304WithNoBody() throws Exception {
        HttpResponse<byte[]> response = bytes(EXPORT + "&format=xlsx", viewer(), FakeReports.ETAG);

        assertThat(response.statusCode()).isEqualTo(304);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("ETag")).hasValue(FakeReports.ETAG);
        assertThat(response.headers().firstValue("Content-Disposition")).isEmpty();
        assertThat(((ExportReportRequest) reports.only().request()).getIfNoneMatch())
                .as("one strong tag is compared by the service, which then builds no file")
                .isEqualTo(FakeReports.ETAG);
    }

    @Test
    void aListAWeakTagOrAStarIsComparedHere() throws Exception {
        HttpResponse<byte[]> list = bytes(EXPORT + "&format=xlsx", viewer(), "\"older\", " + FakeReports.ETAG);
        HttpResponse<byte[]> weak = bytes(EXPORT + "&format=xlsx", viewer(), "W/" + FakeReports.ETAG);
        HttpResponse<byte[]> star = bytes(EXPORT + "&format=xlsx", viewer(), "*");
        HttpResponse<byte[]> changed = bytes(EXPORT + "&format=xlsx", viewer(), "\"older\"");

        assertThat(list.statusCode()).isEqualTo(304);
        assertThat(weak.statusCode()).isEqualTo(304);
        assertThat(star.statusCode()).isEqualTo(304);
        assertThat(list.body()).isEmpty();
        assertThat(changed.statusCode()).as("the figures changed since").isEqualTo(200);
        assertThat(changed.body()).isNotEmpty();
        assertThat(reports.received())
                .extracting(r -> ((ExportReportRequest) r.request()).getIfNoneMatch())
                .containsExactly("", "", "", "\"older\"");
    }

    @Test
    void aMalformedIfNoneMatchOrQueryIs400BeforeAnyCall() {
        Api.Reply tag = api.send(api.request(EXPORT + "&format=xlsx")
                .header("Authorization", "Bearer " + viewer())
                .header("If-None-Match", "abc")
                .GET()
                .build());
        Api.Reply trailing = api.send(api.request(EXPORT + "&format=xlsx")
                .header("Authorization", "Bearer " + viewer())
                .header("If-None-Match", FakeReports.ETAG + ",")
                .GET()
                .build());
        Api.Reply query = api.get(
                "/api/v1/reports/export?periodKind=QUARTER&year=2026&number=3&format=pdf&source=draft&kind=II06A",
                viewer());

        assertProblem(tag, 400, "INVALID_FIELD");
        assertThat(tag.errors()).extracting(e -> e.get("field")).containsExactly("If-None-Match");
        assertThat(trailing.errors()).extracting(e -> e.get("field")).containsExactly("If-None-Match");
        assertThat(query.errors()).extracting(e -> e.get("field")).containsExactly("kind", "format", "source");
        assertThat(reports.received()).isEmpty();
    }

    @Test
    void aFileNameThatIsNotPlainlyHarmlessIsReplaced() throws Exception {
        reports.export(new byte[] {1}, "../../etc/passwd.xlsx", FakeReports.ETAG);
        HttpResponse<byte[]> path = bytes(EXPORT + "&format=xlsx", viewer(), null);
        reports.export(new byte[] {1}, "BC\"; filename=evil.xlsx", FakeReports.ETAG);
        HttpResponse<byte[]> quote = bytes(EXPORT + "&format=xlsx", viewer(), null);
        reports.export(new byte[] {1}, "BC-II06a.exe", "not-quoted");
        HttpResponse<byte[]> extension = bytes(EXPORT + "&format=xlsx", viewer(), null);

        assertThat(path.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"bao-cao.xlsx\"");
        assertThat(quote.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"bao-cao.xlsx\"");
        assertThat(extension.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"bao-cao.xlsx\"");
        assertThat(extension.headers().firstValue("ETag"))
                .as("not an entity tag")
                .isEmpty();
    }

    @Test
    void thePullerPullsWithClientCredentialsAndItsTagOnItsOwnRoute() throws Exception {
        String puller = machine();
        HttpResponse<byte[]> first = bytes(MACHINE_EXPORT + "&format=xlsx&source=consolidated", puller, null);
        HttpResponse<byte[]> again = bytes(
                MACHINE_EXPORT + "&format=xlsx&source=consolidated",
                puller,
                first.headers().firstValue("ETag").orElseThrow());

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(reports.received())
                .hasSize(2)
                .allMatch(r -> r.authorization().equals("Bearer " + puller));
        assertThat(((ExportReportRequest) reports.received().get(0).request()).getSource())
                .isEqualTo(ExportSource.EXPORT_SOURCE_CONSOLIDATED);

        reports.reset();
        assertProblem(api.get(MACHINE_EXPORT + "&format=xlsx", viewer()), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.get(EXPORT + "&format=xlsx", machine()), 403, "ROLE_NOT_ALLOWED");
        assertProblem(api.get(EXPORT + "&format=xlsx", citizen()), 403, "ROLE_NOT_ALLOWED");
        assertThat(reports.received()).isEmpty();
    }

    @Test
    void aProvincesFileLargerThanGrpcsDefaultMessageComesThrough() throws Exception {
        byte[] file = new byte[6 * 1024 * 1024 + 5];
        for (int i = 0; i < file.length; i++) {
            file[i] = (byte) (i * 13);
        }
        reports.export(file, "BC-II06a_30_2026.xlsx", FakeReports.ETAG);

        HttpResponse<byte[]> response = bytes(EXPORT + "&format=xlsx", viewer(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(file);
    }

    private HttpResponse<byte[]> bytes(String path, String token, String ifNoneMatch) throws Exception {
        var request =
                api.request(path).header("Authorization", "Bearer " + token).header("Accept", "*/*");
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return java.net.http.HttpClient.newHttpClient()
                .send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
