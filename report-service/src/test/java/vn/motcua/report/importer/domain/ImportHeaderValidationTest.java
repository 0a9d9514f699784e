package vn.motcua.report.importer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.FieldViolation;

class ImportHeaderValidationTest {

    @Test
    void batchSizeZeroMeansTheDefaultAndTheUnitIsTrimmed() {
        ImportHeader header = ImportHeader.checked(" 11077 ", ImportFormat.CSV, "r-1", 0);
        assertThat(header.unitCode()).isEqualTo("11077");
        assertThat(header.batchSize()).isEqualTo(1000);
    }

    @Test
    void theLargestBatchIsTenThousand() {
        assertThat(ImportHeader.checked("11077", ImportFormat.CSV, "r-1", 10_000)
                        .batchSize())
                .isEqualTo(10_000);
        assertThat(fields(() -> ImportHeader.checked("11077", ImportFormat.CSV, "r-1", 10_001)))
                .containsExactly("header.batch_size");
        assertThat(fields(() -> ImportHeader.checked("11077", ImportFormat.CSV, "r-1", -1)))
                .containsExactly("header.batch_size");
    }

    @Test
    void everyMissingFieldIsNamedAtOnce() {
        assertThat(fields(() -> ImportHeader.checked("", null, "", 0)))
                .containsExactly("header.unit_code", "header.format", "header.request_id");
    }

    @Test
    void aRequestIdIsAtMostSixtyFourCharacters() {
        assertThat(ImportHeader.checked("11077", ImportFormat.JSON_LINES, "x".repeat(64), 1)
                        .requestId())
                .hasSize(64);
        assertThat(fields(() -> ImportHeader.checked("11077", ImportFormat.JSON_LINES, "x".repeat(65), 1)))
                .containsExactly("header.request_id");
    }

    @Test
    void aUnitCodeWithSpacesOrTooLongIsNotAUnitCode() {
        assertThat(fields(() -> ImportHeader.checked("110 77", ImportFormat.CSV, "r", 1)))
                .containsExactly("header.unit_code");
        assertThat(fields(() -> ImportHeader.checked("1".repeat(33), ImportFormat.CSV, "r", 1)))
                .containsExactly("header.unit_code");
    }

    private static java.util.List<String> fields(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        DomainException e = catchThrowableOfType(DomainException.class, call);
        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_ARGUMENT);
        return e.violations().stream().map(FieldViolation::field).toList();
    }
}
