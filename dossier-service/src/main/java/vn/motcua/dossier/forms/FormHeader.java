package vn.motcua.dossier.forms;

import java.util.Objects;

/**
 * Who issues the form, as printed top-left, and where (for the date line).
 *
 * @param issuingUnitName     e.g. "BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ"; printed bold, upper case
 * @param parentAuthorityName e.g. "UBND HUYỆN TỨ KỲ"; may be null for a top-level unit
 * @param placeName           place in the date line, e.g. "Tứ Kỳ" gives "Tứ Kỳ, ngày …"
 */
public record FormHeader(String issuingUnitName, String parentAuthorityName, String placeName) {
    public FormHeader {
        Objects.requireNonNull(issuingUnitName, "issuingUnitName");
        Objects.requireNonNull(placeName, "placeName");
    }
}
