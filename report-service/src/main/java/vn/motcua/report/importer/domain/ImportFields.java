package vn.motcua.report.importer.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The field names of an import row (report-service/README.md, "Historical import"): the national portal's
 * synchronisation names (domain.md 12.3) where it has one, a few MotCua additions where it has none.
 */
public final class ImportFields {

    public static final String CODE = "MaHoSo";
    public static final String PROCEDURE = "MaTTHC";
    public static final String SERVICE = "MaDichVuCong";
    public static final String UNIT = "MaDonVi";
    public static final String RECEIVING_UNIT = "MaDonViTiepNhan";
    /** The field (lĩnh vực) as the procedure catalogue writes it, e.g. "Hộ tịch" (procedure_dim.field_code). */
    public static final String FIELD = "LinhVuc";

    public static final String CHANNEL = "KenhThucHien";
    public static final String SUBMITTED_AT = "NgayNopHoSo";
    public static final String RECEIVED_AT = "NgayTiepNhan";
    public static final String DUE_AT = "NgayHenTra";
    public static final String ORIGINAL_DUE_AT = "NgayHenTraBanDau";
    public static final String FINISHED_AT = "NgayKetThucXuLy";
    public static final String RETURNED_AT = "NgayTraKetQua";
    public static final String STATUS = "TrangThaiHoSo";
    public static final String HISTORY = "TienTrinh";
    public static final String HISTORY_STATUS = "TrangThai";
    public static final String HISTORY_AT = "ThoiDiem";
    public static final String REFUSED = "KetQuaTuChoi";
    public static final String SUPPLEMENTS = "SoLanBoSung";
    public static final String PAUSED_SECONDS = "SoGiayTamDung";
    public static final String ONLINE_PAYMENT = "DuocThanhToanTrucTuyen";
    public static final String FEE_TOTAL = "TongPhiLePhi";
    public static final String FEES = "DanhSachPhiLePhi";
    public static final String FEE_AMOUNT = "Gia";
    public static final String COMPONENTS_DIGITIZED = "DaSoHoaThanhPhan";
    public static final String REUSES_DATA = "HoSoCoThanhPhanSoHoa";
    public static final String FROM_WAREHOUSE = "DuocLayTuKhoDMQG";
    public static final String VNEID = "TaiKhoanDuocXacThucVoiVNeID";
    public static final String RESULT_CODE = "MaKetQua";
    public static final String RESULT_URL = "DuongDanTepTinKetQua";

    /** Every single-valued field, in the order the README lists them. */
    public static final List<String> SCALARS = List.of(
            CODE,
            PROCEDURE,
            SERVICE,
            UNIT,
            RECEIVING_UNIT,
            FIELD,
            CHANNEL,
            SUBMITTED_AT,
            RECEIVED_AT,
            DUE_AT,
            ORIGINAL_DUE_AT,
            FINISHED_AT,
            RETURNED_AT,
            STATUS,
            REFUSED,
            SUPPLEMENTS,
            PAUSED_SECONDS,
            ONLINE_PAYMENT,
            FEE_TOTAL,
            COMPONENTS_DIGITIZED,
            REUSES_DATA,
            FROM_WAREHOUSE,
            VNEID,
            RESULT_CODE,
            RESULT_URL);

    /** Columns a CSV header row may name: the scalars and TienTrinh in its compact form. */
    public static final Set<String> CSV_COLUMNS = columns();

    /** Columns a CSV header must name (TrangThaiHoSo may instead come from TienTrinh's last entry). */
    public static final List<String> CSV_REQUIRED = List.of(CODE, PROCEDURE, UNIT, CHANNEL);

    private ImportFields() {}

    private static Set<String> columns() {
        Set<String> names = new LinkedHashSet<>(SCALARS);
        names.add(HISTORY);
        return Set.copyOf(names);
    }
}
