package vn.motcua.dossier.dossier.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.motcua.dossier.common.PrintableText;
import vn.motcua.platform.error.FieldViolation;

/** Names and other typed text: Vietnamese as people write it passes; what only looks like text does not. */
class PrintableTextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Nguyễn Văn An",
                "Đặng Thị Ngọc Ánh",
                "Hoàng Phủ Ngọc Tường",
                "O'Brien-Lê",
                "Trần Minh 2",
                "Ý Nhi",
                "Nguyễn Văn An 😀",
                "Số 12, ngõ 34, phố Huế, Hà Nội"
            })
    void textPeopleTypeIsPrintable(String value) {
        assertThat(PrintableText.isPrintable(value)).isTrue();
        assertThat(check(value)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "An\u2028Bình",
                "An\u2029Bình", // line and paragraph separators
                "\u3164",
                "An \u3164",
                "\u2800",
                "\u115F",
                "\u1160",
                "\uFFA0", // letters and symbols that show as blank
                "An\u200BBình",
                "An\u200CBình",
                "An\u200DBình",
                "An\u2060Bình",
                "\uFEFFAn", // invisible format characters
                "An\uE000",
                "An\uDB80\uDC00", // private use (BMP and plane 15)
                "An\uFDD0",
                "An\uFFFE",
                "An\uFFFF", // noncharacters
                "An\uD800",
                "An\uDC00Bình", // lone surrogates
                "An\u0000",
                "An\u001B[31m",
                "An\u0085",
                "An\u202EnÀ",
                "An\uFFFD"
            })
    void textThatOnlyLooksLikeTextIsRefused(String value) {
        assertThat(PrintableText.isPrintable(value)).isFalse();
        assertThat(check(value))
                .singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo("applicant.full_name"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Dòng một\nDòng hai", "Cột\tcột", "Dòng một\r\nDòng hai"})
    void lineBreaksAndTabsAreTextWhereSeveralLinesAreAllowed(String value) {
        assertThat(PrintableText.isPrintable(value)).isTrue();
    }

    private static List<FieldViolation> check(String name) {
        List<FieldViolation> problems = new ArrayList<>();
        FieldChecks.text(problems, "applicant.full_name", name, true, 200);
        return problems;
    }
}
