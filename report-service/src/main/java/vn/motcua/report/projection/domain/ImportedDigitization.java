package vn.motcua.report.projection.domain;

/**
 * An imported dossier's digitization flags (DVCQG HoSoCoThanhPhanSoHoa / TaiLieuNop.DuocSoHoa,
 * DuocLayTuKhoDMQG, MaKetQua + DuongDanTepTinKetQua), as digitization_fact would hold them for a live dossier.
 */
public record ImportedDigitization(
        boolean componentsComplete, boolean resultElectronic, boolean reusesData, boolean linkedToWarehouse) {

    public static final ImportedDigitization NONE = new ImportedDigitization(false, false, false, false);
}
