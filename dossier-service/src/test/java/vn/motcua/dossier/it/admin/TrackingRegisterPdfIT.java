package vn.motcua.dossier.it.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.time.Duration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import vn.motcua.proto.dossier.v1.RenderTrackingRegisterRequest;
import vn.motcua.proto.dossier.v1.RenderTrackingRegisterResponse;

/** Form 06 of a desk over a date range: the dossiers of the range, numbered on through the year, in Vietnamese. */
@MicronautTest(transactional = false)
class TrackingRegisterPdfIT extends AdminItSupport {

    private static RenderTrackingRegisterRequest range(String from, String to) {
        return RenderTrackingRegisterRequest.newBuilder()
                .setFrom(from)
                .setTo(to)
                .build();
    }

    @Test
    void theRegisterListsTheDossiersOfTheRangeWithVietnameseText() throws IOException {
        String earlier = receive("11077", BIRTH).getCode();
        clock.advance(Duration.ofDays(1));
        String first = receive("11077", BIRTH).getCode();
        String second = receive("11077", BIRTH).getCode();
        String otherUnit = receive("11080", BIRTH).getCode();

        RenderTrackingRegisterResponse register = wf(idp.officer("ld.ngocson", "11077", "unit_leader"))
                .renderTrackingRegister(range("2026-03-10", "2026-03-10"));

        assertThat(register.getRowCount()).isEqualTo(2);
        assertThat(register.getFileName()).endsWith(".pdf").contains("11077");
        String text = text(register.getPdf().toByteArray());
        assertThat(text).contains("SỔ THEO DÕI HỒ SƠ").contains("Nguyễn Văn An").contains("Ngọc Sơn");
        assertThat(text.replaceAll("\\s", ""))
                .contains(first)
                .contains(second)
                .doesNotContain(earlier)
                .doesNotContain(otherUnit);

        // a district leader may print a commune's book; another commune may not
        assertThat(wf(idp.officer("ld.tuky", "298", "unit_leader"))
                        .renderTrackingRegister(range("2026-03-09", "2026-03-10").toBuilder()
                                .setUnitCode("11077")
                                .build())
                        .getRowCount())
                .isEqualTo(3);
        assertCode(
                () -> wf(desk("11080"))
                        .renderTrackingRegister(range("2026-03-09", "2026-03-10").toBuilder()
                                .setUnitCode("11077")
                                .build()),
                Status.Code.NOT_FOUND);
        assertCode(
                () -> wf(idp.citizen("congdan.an", "030090001234"))
                        .renderTrackingRegister(range("2026-03-09", "2026-03-10")),
                Status.Code.PERMISSION_DENIED);
    }

    @Test
    void aReportViewerIsRefusedTheRegisterBecauseItListsApplicantsPersonalData() {
        receive("11077", BIRTH);

        assertCode(
                () -> wf(idp.officer("bc.haiduong", "30", "report_viewer"))
                        .renderTrackingRegister(range("2026-03-09", "2026-03-10")),
                Status.Code.PERMISSION_DENIED);
        assertCode(
                () -> wf(idp.officer("bc.haiduong", "30", "report_viewer"))
                        .renderTrackingRegister(range("2026-03-09", "2026-03-10").toBuilder()
                                .setUnitCode("11077")
                                .build()),
                Status.Code.PERMISSION_DENIED);
        // a role that handles dossiers next to report_viewer still prints the book
        assertThat(wf(idp.officer("ld.tuky", "298", "unit_leader", "report_viewer"))
                        .renderTrackingRegister(range("2026-03-09", "2026-03-10").toBuilder()
                                .setUnitCode("11077")
                                .build())
                        .getRowCount())
                .isPositive();
    }

    @Test
    void aRangeThatIsNotOneYearForwardsIsRefused() {
        assertCode(
                () -> wf(desk("11077")).renderTrackingRegister(range("2026-03-10", "2026-03-09")),
                Status.Code.INVALID_ARGUMENT);
        assertCode(
                () -> wf(desk("11077")).renderTrackingRegister(range("2025-12-01", "2026-01-31")),
                Status.Code.INVALID_ARGUMENT);
        assertCode(
                () -> wf(desk("11077")).renderTrackingRegister(range("2026-13-01", "2026-12-31")),
                Status.Code.INVALID_ARGUMENT);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getPage(0).getMediaBox().getWidth())
                    .isGreaterThan(doc.getPage(0).getMediaBox().getHeight());
            return new PDFTextStripper().getText(doc);
        }
    }
}
