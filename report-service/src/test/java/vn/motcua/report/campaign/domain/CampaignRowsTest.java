package vn.motcua.report.campaign.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.report.task.domain.CampaignTemplate;
import vn.motcua.report.task.domain.ColumnType;
import vn.motcua.report.task.domain.TemplateColumn;
import vn.motcua.report.task.domain.TemplatePrefill;

class CampaignRowsTest {

    private static final CampaignTemplate TEMPLATE = new CampaignTemplate(
            List.of(
                    new TemplateColumn("name", "Tên", ColumnType.TEXT, true),
                    new TemplateColumn("count", "Số", ColumnType.INTEGER, false)),
            TemplatePrefill.NONE);

    @Test
    void validRowsPass() {
        CampaignRows.check(TEMPLATE, List.of(CampaignRow.of(Map.of("name", "A", "count", "3"))));
    }

    @Test
    void eachBadCellIsNamedByRowAndKey() {
        DomainException e = catchThrowableOfType(
                DomainException.class,
                () -> CampaignRows.check(
                        TEMPLATE,
                        List.of(
                                CampaignRow.of(Map.of("name", "A")),
                                CampaignRow.of(Map.of("count", "x", "other", "1")),
                                new CampaignRow(Map.of("name", "B"), "11077", "Xã Tây Kỳ"))));
        assertThat(e.violations())
                .extracting(FieldViolation::field)
                .containsExactly(
                        "rows[1].cells.other", "rows[1].cells.name", "rows[1].cells.count", "rows[2].source_unit_code");
    }

    @Test
    void atMostFiveThousandRowsAndAHundredProblems() {
        List<CampaignRow> rows = new ArrayList<>();
        for (int i = 0; i < CampaignRows.MAX_ROWS; i++) {
            rows.add(CampaignRow.of(Map.of("count", "bad")));
        }
        DomainException many = catchThrowableOfType(DomainException.class, () -> CampaignRows.check(TEMPLATE, rows));
        assertThat(many.violations()).hasSize(CampaignRows.MAX_VIOLATIONS);
        rows.add(CampaignRow.of(Map.of("name", "x")));
        DomainException tooMany = catchThrowableOfType(DomainException.class, () -> CampaignRows.check(TEMPLATE, rows));
        assertThat(tooMany.violations()).extracting(FieldViolation::field).containsExactly("rows");
    }

    @Test
    void blankRequiredCellsAreWhatKeepsADraftFromBeingSubmitted() {
        assertThat(CampaignRows.incomplete(TEMPLATE, List.of(CampaignRow.of(Map.of("name", "A")))))
                .isEmpty();
        assertThat(CampaignRows.incomplete(TEMPLATE, List.of(CampaignRow.of(Map.of("count", "1")))))
                .containsExactly("rows[0].cells.name is required");
    }
}
