package vn.motcua.dossier.unit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A unit's name is printed on every form: it follows the service's one text rule, on one line. */
class UnitLabelsAreVisibleOneLineTextTest {

    @Test
    void aVietnameseNameIsKeptStripped() {
        assertThat(new AdminInput().label("name", "  Xã Ngọc Sơn ", AdminInput.NAME_MAX))
                .isEqualTo("Xã Ngọc Sơn");
    }

    @Test
    void blankLookingInvisibleAndMultiLineNamesAreRefused() {
        assertThat(new AdminInput().label("name", "\u3164", AdminInput.NAME_MAX))
                .isNull();
        assertThat(new AdminInput().label("name", "Xã\u200BNgọc Sơn", AdminInput.NAME_MAX))
                .isNull();
        assertThat(new AdminInput().label("name", "Xã\u2028Ngọc Sơn", AdminInput.NAME_MAX))
                .isNull();
        assertThat(new AdminInput().label("name", "Xã\nNgọc Sơn", AdminInput.NAME_MAX))
                .isNull();
        assertThat(new AdminInput().label("name", "Xã \uE000", AdminInput.NAME_MAX))
                .isNull();
    }
}
