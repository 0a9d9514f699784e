package vn.motcua.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario of issue 13's acceptance (domain.md 7 and 8), as the files a district and a province would import
 * from their old system, and the figures worked out by hand from them. Period: the second quarter of 2026 in calendar
 * windows (01/04/2026 to 30/06/2026), long over when the live dossiers of the other system tests are received (in
 * December 2026), so nothing else can move these figures. Times are Vietnam's (the portal's yyyyMMddHHmmss is local
 * time; ISO times carry +07:00).
 *
 * <p>Units (the demo tree): province 30 (Hải Dương) → district 298 (Tứ Kỳ) → communes 11077 (Ngọc Sơn), 11080 (Kỳ
 * Sơn), 11083 (Đại Đồng) and 25 more without any dossier in the period. Procedures (demo catalogue, each requiring a
 * paper result): 1.001193 khai sinh, 2.000635 bản sao trích lục (fee), 1.000894 kết hôn (field Hộ tịch); 2.000815
 * chứng thực (fee; field Chứng thực); 2.000720 hộ kinh doanh (fee; field Thành lập và hoạt động của hộ kinh doanh);
 * 1.009999 is in no catalogue (field "Khác", no paper result required).
 *
 * <p>The dossiers (A = 11077, B = 11080, C = 11083, D = 298 itself, P = 30 itself):
 *
 * <pre>
 *      channel  received     due (orig→ext)    ended          outcome      II.06a           766 2.1    flags
 * A1   counter  10/03        17/03             02/04          issued       carried, late    late       e-result
 * A2   online   06/04        07/04             06/04          issued       early            on time    e-res, digitized, reuse, warehouse
 * A3   online   15/04        16/04             16/04 16:00    issued       on time          on time    e-res, digitized, fee paid online
 * A4   counter  20/04        21/04             24/04          issued       late             late       fee paid at the desk
 * A5   counter  04/05        11/05 → 18/05     14/05          issued       late + apology   on time    e-result, reuse (history in TienTrinh)
 * A6   online   20/05        21/05             20/05          withdrawn    early            on time    —
 * A7   counter  10/06        17/06             (open)         —            overdue at end   overdue    —   (corrected later: ended 16/06)
 * A8   postal   25/06        02/07             (open)         —            within due       not due    —
 * A9   counter  20/03        27/03             (open)         —            carried, overdue overdue    —
 * A10  counter  08/06        12/06             11/06          issued       early            2 supplement requests: late; e-res, digitized, fee paid online
 * B1   online   02/04        03/04             03/04 11:00    issued       on time          on time    e-res, digitized, warehouse
 * B2   counter  14/04        14/04 17:00       14/04 15:00    refused      on time          on time    fee paid at the desk
 * B3   counter  05/05        12/05             14/05          issued       late             on time (3 days paused for a supplement, from TienTrinh); e-result
 * B4   online   12/06        15/06 → 06/07     (open)         —            within due (ext) not due    fee paid online
 * B5   counter  20/02        23/02             10/04          stopped      carried, late    late       — (counted as withdrawn)
 * B6   counter  10/01        13/01             05/03          issued       nowhere (ended before the period)
 * B7   online   (never accepted: status 3)      20/05          rejected     nowhere
 * C1   online   08/04        09/04             08/04          issued       early            on time    e-res, digitized, reuse, fee paid at the desk
 * C2   online   22/04        23/04             27/04          issued       late             late       e-result
 * C3   postal   11/05        18/05             18/05 10:00    issued       on time          on time    (TienTrinh only)
 * C4   counter  25/03        25/03             03/04          withdrawn    carried, late    late       —
 * C5   counter  24/06        26/06             (open)         —            overdue at end   overdue    fee, not paid online
 * D1   online   07/04        10/04             09/04          issued       early            on time    e-res, digitized, reuse, warehouse, fee paid online
 * D2   counter  19/05        22/05             22/05 16:30    issued       on time          on time    e-result, fee at the desk, received at 11077 (phi địa giới)
 * D3   online   15/06        18/06             02/07          issued       overdue at end   overdue    e-result, fee paid online
 * D4   counter  30/03        02/04             02/04 09:00    issued       carried, on time on time    (fee paid online, but received in March)
 * P1   online   12/05        15/05             13/05          issued       early            on time    procedure in no catalogue: online counted without e-result
 * P2   counter  03/06        08/06             05/06          issued       early            on time    e-res, digitized, fee paid online
 * </pre>
 */
final class ReportScenario {

    /** Q2 2026 as the report routes' query parameters, calendar windows. */
    static final String PERIOD = "periodKind=QUARTER&year=2026&number=2&window=CALENDAR";
    /** The same as a report body's period object. */
    static final String PERIOD_BODY = "{\"kind\":\"QUARTER\",\"year\":2026,\"number\":2,\"window\":\"CALENDAR\"}";

    static final String PROVINCE = "30";
    static final String DISTRICT = "298";
    static final String NGOC_SON = "11077";
    static final String KY_SON = "11080";
    static final String DAI_DONG = "11083";

    static final String A1 = "H30.11077-260310-0001";
    static final String A2 = "H30.11077-260406-0002";
    static final String A3 = "H30.11077-260415-0003";
    static final String A4 = "H30.11077-260420-0004";
    static final String A5 = "H30.11077-260504-0005";
    static final String A6 = "H30.11077-260520-0006";
    static final String A7 = "H30.11077-260610-0007";
    static final String A8 = "H30.11077-260625-0008";
    static final String A9 = "H30.11077-260320-0009";
    static final String A10 = "H30.11077-260608-0010";
    static final String B1 = "H30.11080-260402-0001";
    static final String B2 = "H30.11080-260414-0002";
    static final String B3 = "H30.11080-260505-0003";
    static final String B4 = "H30.11080-260612-0004";
    static final String B5 = "H30.11080-260220-0005";
    static final String C1 = "H30.11083-260408-0001";
    static final String C2 = "H30.11083-260422-0002";
    static final String C3 = "H30.11083-260511-0003";
    static final String C4 = "H30.11083-260325-0004";
    static final String C5 = "H30.11083-260624-0005";
    static final String D1 = "H30.298-260407-0001";
    static final String D2 = "H30.298-260519-0002";
    static final String D3 = "H30.298-260615-0003";
    static final String D4 = "H30.298-260330-0004";

    // --- the files ---------------------------------------------------------------------------------------------

    /**
     * District 298's JSON Lines (imported by its unit_admin, admin.tuky): communes 11077 and 11080 and the district's
     * own dossiers. Both timestamp styles, the fee as a total or as the portal's fee list, and three histories given
     * only as TienTrinh (A5, B3: reception, end and the supplement pause are read from it).
     */
    static final String DISTRICT_JSONL = """
            {"MaHoSo":"H30.11077-260310-0001","MaTTHC":"1.000894","MaDonVi":"11077","LinhVuc":"Hộ tịch","KenhThucHien":1,"NgayNopHoSo":"20260310083000","NgayTiepNhan":"20260310090000","NgayHenTra":"20260317170000","NgayKetThucXuLy":"20260402100000","NgayTraKetQua":"20260402150000","TrangThaiHoSo":10,"MaKetQua":"KQ-11077-0001","DuongDanTepTinKetQua":"https://dichvucong.haiduong.gov.vn/kq/11077-0001.pdf"}
            {"MaHoSo":"H30.11077-260406-0002","MaTTHC":"1.001193","MaDonVi":"11077","LinhVuc":"Hộ tịch","KenhThucHien":2,"NgayNopHoSo":"2026-04-05T21:10:00+07:00","NgayTiepNhan":"2026-04-06T08:30:00+07:00","NgayHenTra":"2026-04-07T17:00:00+07:00","NgayKetThucXuLy":"2026-04-06T15:00:00+07:00","TrangThaiHoSo":9,"DuocThanhToanTrucTuyen":0,"DaSoHoaThanhPhan":1,"HoSoCoThanhPhanSoHoa":1,"DuocLayTuKhoDMQG":1,"MaKetQua":"KQ-11077-0002","DuongDanTepTinKetQua":"https://dichvucong.haiduong.gov.vn/kq/11077-0002.pdf"}
            {"MaHoSo":"H30.11077-260415-0003","MaTTHC":"2.000635","MaDonVi":"11077","LinhVuc":"Hộ tịch","KenhThucHien":2,"NgayTiepNhan":"20260415090000","NgayHenTra":"20260416170000","NgayKetThucXuLy":"20260416160000","TrangThaiHoSo":10,"DuocThanhToanTrucTuyen":1,"DanhSachPhiLePhi":[{"TenPhiLePhi":"Phí cấp bản sao trích lục","Gia":8000}],"DaSoHoaThanhPhan":1,"MaKetQua":"KQ-11077-0003","DuongDanTepTinKetQua":"https://dichvucong.haiduong.gov.vn/kq/11077-0003.pdf"}
            {"MaHoSo":"H30.11077-260420-0004","MaTTHC":"2.000635","MaDonVi":"11077","LinhVuc":"Hộ tịch","KenhThucHien":1,"NgayTiepNhan":"20260420100000","NgayHenTra":"20260421170000","NgayKetThucXuLy":"20260424090000","TrangThaiHoSo":10,"DuocThanhToanTrucTuyen":0,"TongPhiLePhi":8000}
            {"MaHoSo":"H30.11077-260504-0005","MaTTHC":"1.000894","MaDonVi":"11077","LinhVuc":"Hộ tịch","KenhThucHien":1,"NgayHenTraBanDau":"20260511170000","NgayHenTra":"20260518170000","TrangThaiHoSo":10,"TienTrinh":[{"TrangThai":2,"ThoiDiem":"20260504080000"},{"TrangThai":4,"ThoiDiem":"20260504090000"},{"TrangThai":9,"ThoiDiem":"20260514100000"},{"TrangThai":10,"ThoiDiem":"20260514143000"}],"HoSoCoThanhPhanSoHoa":1,"MaKetQua":"KQ-11077-0005","DuongDanTepTinKetQua":"https://dichvucong.haiduong.gov.vn/kq/11077-0005.pdf"}
            {"MaHoSo":"H30.11077-260520-0006","MaTTHC":"1.001193","MaDonVi":"11077","LinhVuc":"Hộ tịch","KenhThucHien":2,"NgayNopHoSo":"20260519200000","NgayTiepNhan":"20260520090000","NgayHenTra":"20260521170000","NgayKetThucXuLy":"20260520140000","TrangThaiHoSo":7}
            {"MaHoSo":"H30.11077-260610-0007","MaTTHC":"1.000894","MaDonVi":"11077","LinhVuc":"Hộ tịch","KenhThucHien":1,"NgayTiepNhan":"20260610090000","NgayHenTra":"20260617170000","TrangThaiHoSo":4}
            {"MaHoSo":"H30.11077-260625-0008","MaTTHC":"1.000894","MaDonVi":"11077","LinhVuc":"Hộ tịch","KenhThucHien":3,"NgayTiepNhan":"20260625090000","NgayHenTra":"20260702170000","TrangThaiHoSo":4}
            {"MaHoSo":"H30.11077-260320-0009","MaTTHC":"1.000894","MaDonVi":"11077","LinhVuc":"Hộ tịch","KenhThucHien":1,"NgayTiepNhan":"20260320090000","NgayHenTra":"20260327170000","TrangThaiHoSo":4}
            {"MaHoSo":"H30.11077-260608-0010","MaTTHC":"2.000815","MaDonVi":"11077","LinhVuc":"Chứng thực","KenhThucHien":1,"NgayTiepNhan":"20260608080000","NgayHenTra":"20260612170000","NgayKetThucXuLy":"20260611100000","TrangThaiHoSo":10,"SoLanBoSung":2,"SoGiayTamDung":86400,"DuocThanhToanTrucTuyen":2,"TongPhiLePhi":2000,"DaSoHoaThanhPhan":1,"MaKetQua":"KQ-11077-0010","DuongDanTepTinKetQua":"https://dichvucong.haiduong.gov.vn/kq/11077-0010.pdf"}
            {"MaHoSo":"H30.11080-260402-0001","MaTTHC":"1.001193","MaDonVi":"11080","LinhVuc":"Hộ tịch","KenhThucHien":2,"NgayTiepNhan":"20260402090000","NgayHenTra":"20260403170000","NgayKetThucXuLy":"20260403110000","TrangThaiHoSo":10,"DaSoHoaThanhPhan":1,"DuocLayTuKhoDMQG":1,"MaKetQua":"KQ-11080-0001","DuongDanTepTinKetQua":"https://dichvucong.haiduong.gov.vn/kq/11080-0001.pdf"}
            {"MaHoSo":"H30.11080-260414-0002","MaTTHC":"2.000815","MaDonVi":"11080","LinhVuc":"Chứng thực","KenhThucHien":1,"NgayTiepNhan":"20260414080000","NgayHenTra":"20260414170000","NgayKetThucXuLy":"20260414150000","TrangThaiHoSo":10,"KetQuaTuChoi":1,"DuocThanhToanTrucTuyen":0,"TongPhiLePhi":2000}
            {"MaHoSo":"H30.11080-260505-0003","MaTTHC":"1.000894","MaDonVi":"11080","LinhVuc":"Hộ tịch","KenhThucHien":1,"NgayHenTra":"20260512170000","TrangThaiHoSo":10,"TienTrinh":[{"TrangThai":2,"ThoiDiem":"20260505090000"},{"TrangThai":4,"ThoiDiem":"20260505100000"},{"TrangThai":5,"ThoiDiem":"20260507090000"},{"TrangThai":4,"ThoiDiem":"20260510090000"},{"TrangThai":9,"ThoiDiem":"20260514100000"},{"TrangThai":10,"ThoiDiem":"20260514150000"}],"MaKetQua":"KQ-11080-0003","DuongDanTepTinKetQua":"https://dichvucong.haiduong.gov.vn/kq/11080-0003.pdf"}
            {"MaHoSo":"H30.11080-260612-0004","MaTTHC":"2.000635","MaDonVi":"11080","LinhVuc":"Hộ tịch","KenhThucHien":2,"NgayTiepNhan":"20260612090000","NgayHenTraBanDau":"20260615170000","NgayHenTra":"20260706170000","TrangThaiHoSo":4,"DuocThanhToanTrucTuyen":1,"TongPhiLePhi":8000}
            {"MaHoSo":"H30.11080-260220-0005","MaTTHC":"1.001193","MaDonVi":"11080","LinhVuc":"Hộ tịch","KenhThucHien":1,"NgayTiepNhan":"20260220090000","NgayHenTra":"20260223170000","NgayKetThucXuLy":"20260410100000","TrangThaiHoSo":8}
            {"MaHoSo":"H30.11080-260110-0006","MaTTHC":"1.001193","MaDonVi":"11080","LinhVuc":"Hộ tịch","KenhThucHien":1,"NgayTiepNhan":"20260110090000","NgayHenTra":"20260113170000","NgayKetThucXuLy":"20260305100000","TrangThaiHoSo":10}
            {"MaHoSo":"H30.11080-260520-0007","MaTTHC":"1.001193","MaDonVi":"11080","LinhVuc":"Hộ tịch","KenhThucHien":2,"NgayNopHoSo":"20260520080000","NgayKetThucXuLy":"20260520100000","TrangThaiHoSo":3}
            {"MaHoSo":"H30.298-260407-0001","MaTTHC":"2.000720","MaDonVi":"298","LinhVuc":"Thành lập và hoạt động của hộ kinh doanh","KenhThucHien":2,"NgayTiepNhan":"20260407090000","NgayHenTra":"20260410170000","NgayKetThucXuLy":"20260409150000","TrangThaiHoSo":10,"DuocThanhToanTrucTuyen":1,"TongPhiLePhi":100000,"DaSoHoaThanhPhan":1,"HoSoCoThanhPhanSoHoa":1,"DuocLayTuKhoDMQG":1,"MaKetQua":"KQ-298-0001","DuongDanTepTinKetQua":"https://dichvucong.haiduong.gov.vn/kq/298-0001.pdf"}
            {"MaHoSo":"H30.298-260519-0002","MaTTHC":"2.000720","MaDonVi":"298","MaDonViTiepNhan":"11077","LinhVuc":"Thành lập và hoạt động của hộ kinh doanh","KenhThucHien":1,"NgayTiepNhan":"20260519090000","NgayHenTra":"20260522170000","NgayKetThucXuLy":"20260522163000","TrangThaiHoSo":10,"DuocThanhToanTrucTuyen":0,"TongPhiLePhi":100000,"MaKetQua":"KQ-298-0002","DuongDanTepTinKetQua":"https://dichvucong.haiduong.gov.vn/kq/298-0002.pdf"}
            {"MaHoSo":"H30.298-260615-0003","MaTTHC":"2.000720","MaDonVi":"298","LinhVuc":"Thành lập và hoạt động của hộ kinh doanh","KenhThucHien":2,"NgayTiepNhan":"20260615090000","NgayHenTra":"20260618170000","NgayKetThucXuLy":"20260702100000","TrangThaiHoSo":9,"DuocThanhToanTrucTuyen":2,"TongPhiLePhi":100000,"MaKetQua":"KQ-298-0003","DuongDanTepTinKetQua":"https://dichvucong.haiduong.gov.vn/kq/298-0003.pdf"}
            {"MaHoSo":"H30.298-260330-0004","MaTTHC":"2.000720","MaDonVi":"298","LinhVuc":"Thành lập và hoạt động của hộ kinh doanh","KenhThucHien":1,"NgayTiepNhan":"20260330090000","NgayHenTra":"20260402170000","NgayKetThucXuLy":"20260402090000","TrangThaiHoSo":10,"DuocThanhToanTrucTuyen":1,"TongPhiLePhi":100000,"MaKetQua":"KQ-298-0004","DuongDanTepTinKetQua":"https://dichvucong.haiduong.gov.vn/kq/298-0004.pdf"}
            """;

    static final int DISTRICT_JSONL_ROWS = 21;

    /**
     * Commune 11083's CSV (imported by admin.tuky too): RFC 4180 with one quoted cell, empty cells for absent values,
     * and C3's history only in the compact TienTrinh column.
     */
    static final String DAI_DONG_CSV = """
            MaHoSo,MaTTHC,MaDonVi,LinhVuc,KenhThucHien,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,TrangThaiHoSo,TienTrinh,DuocThanhToanTrucTuyen,TongPhiLePhi,DaSoHoaThanhPhan,HoSoCoThanhPhanSoHoa,DuocLayTuKhoDMQG,MaKetQua,DuongDanTepTinKetQua
            H30.11083-260408-0001,2.000635,11083,"Hộ tịch",2,20260408090000,20260409170000,20260408160000,10,,0,8000,1,1,0,KQ-11083-0001,https://dichvucong.haiduong.gov.vn/kq/11083-0001.pdf
            H30.11083-260422-0002,1.001193,11083,Hộ tịch,2,20260422090000,20260423170000,20260427090000,10,,0,,0,0,0,KQ-11083-0002,https://dichvucong.haiduong.gov.vn/kq/11083-0002.pdf
            H30.11083-260511-0003,1.000894,11083,Hộ tịch,3,,20260518170000,,10,2@20260511090000|4@20260511100000|9@20260518100000|10@20260518150000,0,,0,0,0,,
            H30.11083-260325-0004,2.000815,11083,Chứng thực,1,20260325090000,20260325170000,20260403100000,7,,0,2000,0,0,0,,
            H30.11083-260624-0005,2.000815,11083,Chứng thực,1,20260624090000,20260626110000,,2,,0,2000,0,0,0,,
            """;

    static final int DAI_DONG_CSV_ROWS = 5;

    /** The province's own dossiers (imported by its unit_admin, admin.haiduong). */
    static final String PROVINCE_JSONL = """
            {"MaHoSo":"H30-260512-0001","MaTTHC":"1.009999","MaDonVi":"30","KenhThucHien":2,"NgayTiepNhan":"20260512090000","NgayHenTra":"20260515170000","NgayKetThucXuLy":"20260513100000","TrangThaiHoSo":9}
            {"MaHoSo":"H30-260603-0002","MaTTHC":"2.000720","MaDonVi":"30","KenhThucHien":1,"NgayTiepNhan":"20260603090000","NgayHenTra":"20260608170000","NgayKetThucXuLy":"20260605100000","TrangThaiHoSo":10,"DuocThanhToanTrucTuyen":1,"DanhSachPhiLePhi":[{"TenPhiLePhi":"Lệ phí đăng ký hộ kinh doanh","Gia":100000}],"DaSoHoaThanhPhan":1,"MaKetQua":"KQ-30-0002","DuongDanTepTinKetQua":"https://dichvucong.haiduong.gov.vn/kq/30-0002.pdf"}
            """;

    static final int PROVINCE_JSONL_ROWS = 2;

    /**
     * The correction of A7 after 11077's first submission: the old system's export had missed its end; it was in fact
     * decided on 16/06, a day before its due date (early). Imported again under the same code, it replaces the row.
     */
    static final String A7_CORRECTED_JSONL = """
            {"MaHoSo":"H30.11077-260610-0007","MaTTHC":"1.000894","MaDonVi":"11077","LinhVuc":"Hộ tịch","KenhThucHien":1,"NgayTiepNhan":"20260610090000","NgayHenTra":"20260617170000","NgayKetThucXuLy":"20260616100000","TrangThaiHoSo":9}
            """;

    // --- the figures by hand ---------------------------------------------------------------------------------------

    /** The contract's II06aCounts in form order: (3)..(13), then the optional local columns. */
    static final List<String> COLUMNS = List.of(
            "total",
            "receivedOnline",
            "receivedDirectOrPostal",
            "carriedOver",
            "resolved",
            "resolvedEarly",
            "resolvedOnTime",
            "resolvedLate",
            "inProgress",
            "inProgressWithinDue",
            "inProgressOverdue",
            "receivedPostal",
            "receivedBoundaryFree",
            "resolvedLateWithApology",
            "resolvedLateWithoutApology",
            "withdrawn",
            "refused");

    /** A row of form II.06a: 17 figures in the order of {@link #COLUMNS}. */
    static Map<String, Long> row(long... figures) {
        if (figures.length != COLUMNS.size()) {
            throw new IllegalArgumentException("a row has " + COLUMNS.size() + " figures, not " + figures.length);
        }
        Map<String, Long> row = new LinkedHashMap<>();
        for (int i = 0; i < figures.length; i++) {
            row.put(COLUMNS.get(i), figures[i]);
        }
        return row;
    }

    static final Map<String, Long> ZERO = row(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    //                                     (3) (4) (5) (6) (7) (8) (9)(10)(11)(12)(13) pst pdg apo w/o rút trả
    /**
     * 11077. (3) A1-A10; (4) A2 A3 A6; (5) A4 A5 A7 A10 + postal A8; (6) A1 A9, open on 1 April; (7) A1-A6 A10;
     * (8) A2 A6 A10; (9) A3; (10) A1 A4 A5; (11) A7 A8 A9; (12) A8 (due 02/07); (13) A7 A9; postal A8; late with an
     * apology A5 (its original due 11/05 counts), without A1 A4; withdrawn A6.
     */
    static final Map<String, Long> NGOC_SON_ROW = row(10, 3, 5, 2, 7, 3, 1, 3, 3, 1, 2, 1, 0, 1, 2, 1, 0);
    /** 11077 once A7 is corrected: A7 moves from (11)/(13) to (7)/(8). */
    static final Map<String, Long> NGOC_SON_CORRECTED = row(10, 3, 5, 2, 8, 4, 1, 3, 2, 1, 1, 1, 0, 1, 2, 1, 0);
    /**
     * 11080. (3) B1-B5 (B6 ended before the period, B7 was never accepted); (4) B1 B4; (5) B2 B3; (6) B5; (7) B1 B2
     * B3 B5; (9) B1 B2; (10) B3 B5; (11) B4, within its extended due 06/07 (12); late without apology B3 B5;
     * withdrawn B5 (status 8, stopped: the projection counts a stop with the withdrawals, as dossier-service lets only
     * the applicant or the desk on their behalf stop a dossier); refused B2.
     */
    static final Map<String, Long> KY_SON_ROW = row(5, 2, 2, 1, 4, 0, 2, 2, 1, 1, 0, 0, 0, 0, 2, 1, 1);
    /**
     * 11083. (3) C1-C5; (4) C1 C2; (5) C5 + postal C3; (6) C4; (7) C1-C4; (8) C1; (9) C3; (10) C2 C4; (11) C5, overdue
     * since 26/06 (13); postal C3; late without apology C2 C4; withdrawn C4.
     */
    static final Map<String, Long> DAI_DONG_ROW = row(5, 2, 2, 1, 4, 1, 1, 2, 1, 0, 1, 1, 0, 0, 2, 1, 0);
    /**
     * 298's own dossiers. (3) D1-D4; (4) D1 D3; (5) D2; (6) D4; (7) D1 D2 D4; (8) D1; (9) D2 D4; (11) D3, ended only
     * on 02/07 so open and overdue at the end (13); phi địa giới D2 (received at 11077's desk).
     */
    static final Map<String, Long> DISTRICT_OWN_ROW = row(4, 2, 1, 1, 3, 1, 2, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0);
    /** 298's subtotal: its own row + 11077 + 11080 + 11083 (the other 25 communes are all zeros). */
    static final Map<String, Long> DISTRICT_TOTAL = row(24, 9, 10, 5, 18, 5, 6, 7, 6, 2, 4, 2, 1, 1, 6, 3, 1);
    /** 30's own dossiers. P1 online and P2 at the desk, both early. */
    static final Map<String, Long> PROVINCE_OWN_ROW = row(2, 1, 1, 0, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    /** The province: 30's own row + 298's subtotal. */
    static final Map<String, Long> PROVINCE_TOTAL = row(26, 10, 11, 5, 20, 7, 6, 7, 6, 2, 4, 2, 1, 1, 6, 3, 1);

    /**
     * 298's consolidation once 11077 (version 2, A7 corrected) and 11080 (version 1) have submitted and 11083 has not:
     * its own row + NGOC_SON_CORRECTED + KY_SON_ROW. 11083's dossiers are missing from it, as the form says.
     */
    static final Map<String, Long> CONSOLIDATED_298 = row(19, 7, 8, 4, 15, 5, 5, 5, 4, 2, 2, 1, 1, 1, 4, 2, 1);
    /** The province's consolidation once 298 has submitted that: 30's own row + CONSOLIDATED_298. */
    static final Map<String, Long> CONSOLIDATED_30 = row(21, 8, 9, 4, 17, 7, 5, 5, 4, 2, 2, 1, 1, 1, 4, 2, 1);

    /**
     * 11077 in the Decree 09/2019 cut-off window of Q2 (15/03 to 14/06): A9 (20/03) is received in the window rather
     * than carried over, A8 (25/06) falls after it, A7 is not yet due at 15/06 (within, 12). (3) A1-A7 A9 A10; (4) A2
     * A3 A6; (5) A4 A5 A7 A9 A10; (6) A1; (7) A1-A6 A10; (11) A7 A9; (12) A7; (13) A9.
     */
    static final Map<String, Long> NGOC_SON_CUTOFF_ROW = row(9, 3, 5, 1, 7, 3, 1, 3, 2, 1, 1, 0, 0, 1, 2, 1, 0);

    /** FIELD rows of the province, in Vietnamese order with "Khác" last: field name → figures. */
    static final Map<String, Map<String, Long>> PROVINCE_FIELDS = new LinkedHashMap<>();
    /** FIELD rows of the district (no P1, P2). */
    static final Map<String, Map<String, Long>> DISTRICT_FIELDS = new LinkedHashMap<>();

    static final String CHUNG_THUC = "Chứng thực";
    static final String HO_TICH = "Hộ tịch";
    static final String HO_KINH_DOANH = "Thành lập và hoạt động của hộ kinh doanh";
    static final String KHAC = "Khác";

    static {
        // A10 B2 C4 C5. (4) none; (5) A10 B2 C5; (6) C4; (8) A10; (9) B2; (10) C4; (13) C5; withdrawn C4; refused B2
        Map<String, Long> chungThuc = row(4, 0, 3, 1, 3, 1, 1, 1, 1, 0, 1, 0, 0, 0, 1, 1, 1);
        // A1-A9 B1 B3 B4 B5 C1 C2 C3. (4) A2 A3 A6 B1 B4 C1 C2; (5) A4 A5 A7 B3 + postal A8 C3; (6) A1 A9 B5;
        // (8) A2 A6 C1; (9) A3 B1 C3; (10) A1 A4 A5 B3 B5 C2; (11) A7 A8 A9 B4; (12) A8 B4; (13) A7 A9; withdrawn
        // A6 and B5 (stopped)
        Map<String, Long> hoTich = row(16, 7, 6, 3, 12, 3, 3, 6, 4, 2, 2, 2, 0, 1, 5, 2, 0);
        // D1-D4 (+ P2 for the province). (4) D1 D3; (5) D2 (P2); (6) D4; (8) D1 (P2); (9) D2 D4; (13) D3
        Map<String, Long> hoKinhDoanhDistrict = row(4, 2, 1, 1, 3, 1, 2, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0);
        Map<String, Long> hoKinhDoanhProvince = row(5, 2, 2, 1, 4, 2, 2, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0);
        // P1: a procedure in no catalogue has no field
        Map<String, Long> khac = row(1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        PROVINCE_FIELDS.put(CHUNG_THUC, chungThuc);
        PROVINCE_FIELDS.put(HO_TICH, hoTich);
        PROVINCE_FIELDS.put(HO_KINH_DOANH, hoKinhDoanhProvince);
        PROVINCE_FIELDS.put(KHAC, khac);
        DISTRICT_FIELDS.put(CHUNG_THUC, chungThuc);
        DISTRICT_FIELDS.put(HO_TICH, hoTich);
        DISTRICT_FIELDS.put(HO_KINH_DOANH, hoKinhDoanhDistrict);
    }

    // --- Decision 766 by hand ----------------------------------------------------------------------------------------

    /** One indicator as expected: numerator, denominator, ratio and score as the service prints them (null: none). */
    record Score(String id, long numerator, long denominator, String ratioPercent, String score) {}

    /** A unit's expected scores (scope: subtree or the unit's own dossiers) and its online payment line. */
    record Scores(String unit, boolean subtree, List<Score> scores, String paymentPercent, boolean targetMet) {}

    /**
     * 2.1 = 20 × on time / (received + carried over); 3.3 online with an e-result (P1: no paper result needed) / received
     * (info, no points); 3.6 = A paid online / with a fee (info; A against the 30% target); 3b.1 = 6·A + min(2; 2.5·B) +
     * 2.5·C with B, C over distinct fee procedures; 4.1 = 6 × e-result / received of paper-result procedures; 4.2 = 4
     * × digitized (components and e-result) / received; 4.3 = min(2; 2 × reuse / received / 80%). Flags count dossiers
     * received in the period only; 2.1 also counts carried-over ones.
     */
    static final List<Scores> SCORES = List.of(
            new Scores(
                    NGOC_SON,
                    true,
                    List.of(
                            // on time: A2 A3 A5 (extended due) A6 + open not yet due A8; of A1-A10
                            new Score("2.1", 5, 10, "50.00", "10.00"),
                            // A2 A3 of A2-A8 A10 (A6 online but withdrawn without an e-result)
                            new Score("3.3", 2, 8, "25.00", null),
                            // paid online A3 A10 of fee-bearing A3 A4 A10
                            new Score("3.6", 2, 3, "66.67", null),
                            // 6 × 2/3 + min(2; 2.5 × 2/2) + 2.5 × 1 (2.000635, 2.000815 both paid online once)
                            new Score("3b.1", 0, 0, null, "8.50"),
                            // e-result A2 A3 A5 A10 of 8
                            new Score("4.1", 4, 8, "50.00", "3.00"),
                            // digitized A2 A3 A10
                            new Score("4.2", 3, 8, "37.50", "1.50"),
                            // reuse A2 A5: 2 × 25 / 80 = 0.625, half up
                            new Score("4.3", 2, 8, "25.00", "0.63")),
                    "66.67",
                    true),
            new Scores(
                    KY_SON,
                    true,
                    List.of(
                            // B1 B2 B3 (3 days paused) + B4 not yet due (extended to 06/07); of B1-B5
                            new Score("2.1", 4, 5, "80.00", "16.00"),
                            // B1 (B4 online, no result yet)
                            new Score("3.3", 1, 4, "25.00", null),
                            // B4 of B2 B4
                            new Score("3.6", 1, 2, "50.00", null),
                            // 6 × 1/2 + min(2; 2.5 × 1/2) + 2.5
                            new Score("3b.1", 0, 0, null, "6.75"),
                            new Score("4.1", 2, 4, "50.00", "3.00"),
                            new Score("4.2", 1, 4, "25.00", "1.00"),
                            new Score("4.3", 0, 4, "0.00", "0.00")),
                    "50.00",
                    true),
            new Scores(
                    DAI_DONG,
                    true,
                    List.of(
                            // C1 C3; C2 C4 late, C5 overdue at the end
                            new Score("2.1", 2, 5, "40.00", "8.00"),
                            new Score("3.3", 2, 4, "50.00", null),
                            // C1 and C5 owed fees, neither paid online: below the target
                            new Score("3.6", 0, 2, "0.00", null),
                            new Score("3b.1", 0, 0, null, "2.50"),
                            new Score("4.1", 2, 4, "50.00", "3.00"),
                            new Score("4.2", 1, 4, "25.00", "1.00"),
                            new Score("4.3", 1, 4, "25.00", "0.63")),
                    "0.00",
                    false),
            new Scores(
                    DISTRICT,
                    false,
                    List.of(
                            // D1 D2 D4 of D1-D4 (D3 overdue at the end)
                            new Score("2.1", 3, 4, "75.00", "15.00"),
                            new Score("3.3", 2, 3, "66.67", null),
                            new Score("3.6", 2, 3, "66.67", null),
                            // one fee procedure (2.000720), paid online: 6 × 2/3 + 2 + 2.5
                            new Score("3b.1", 0, 0, null, "8.50"),
                            new Score("4.1", 3, 3, "100.00", "6.00"),
                            new Score("4.2", 1, 3, "33.33", "1.33"),
                            // 2 × 1/3 / 80% = 0.8333
                            new Score("4.3", 1, 3, "33.33", "0.83")),
                    "66.67",
                    true),
            new Scores(
                    DISTRICT,
                    true,
                    List.of(
                            // 5 + 4 + 2 + 3 of 10 + 5 + 5 + 4: never an average of the communes' ratios
                            new Score("2.1", 14, 24, "58.33", "11.67"),
                            new Score("3.3", 7, 19, "36.84", null),
                            new Score("3.6", 5, 10, "50.00", null),
                            // B over the three fee procedures of the district, each paid online at least once
                            new Score("3b.1", 0, 0, null, "7.50"),
                            new Score("4.1", 11, 19, "57.89", "3.47"),
                            new Score("4.2", 6, 19, "31.58", "1.26"),
                            new Score("4.3", 4, 19, "21.05", "0.53")),
                    "50.00",
                    true),
            new Scores(
                    PROVINCE,
                    true,
                    List.of(
                            // + P1 P2, both on time
                            new Score("2.1", 16, 26, "61.54", "12.31"),
                            // + P1 (no paper result needed)
                            new Score("3.3", 8, 21, "38.10", null),
                            // + P2
                            new Score("3.6", 6, 11, "54.55", null),
                            // 6 × 6/11 + 2 + 2.5 = 7.7727
                            new Score("3b.1", 0, 0, null, "7.77"),
                            // P1 is not of a paper-result procedure: 11 + 1 of 19 + 1
                            new Score("4.1", 12, 20, "60.00", "3.60"),
                            new Score("4.2", 7, 21, "33.33", "1.33"),
                            new Score("4.3", 4, 21, "19.05", "0.48")),
                    "54.55",
                    true));

    /** 2.1 of 298's subtree: the dossiers of its numerator (on time by the 766 rule, or open and not yet due). */
    static final List<String> ON_TIME_298_NUMERATOR = List.of(A2, A3, A5, A6, A8, B1, B2, B3, B4, C1, C3, D1, D2, D4);
    /** 2.1 of 298's subtree: received in the period or carried over into it. */
    static final List<String> ON_TIME_298_DENOMINATOR =
            List.of(A1, A2, A3, A4, A5, A6, A7, A8, A9, A10, B1, B2, B3, B4, B5, C1, C2, C3, C4, C5, D1, D2, D3, D4);
    /** 3.6 (A) of 298's subtree: paid online. */
    static final List<String> PAID_ONLINE_298_NUMERATOR = List.of(A3, A10, B4, D1, D3);
    /** 3.6 (A) of 298's subtree: received in the period with a fee. */
    static final List<String> PAID_ONLINE_298_DENOMINATOR = List.of(A3, A4, A10, B2, B4, C1, C5, D1, D2, D3);
    /** 4.1 of 11077: an e-result, of the dossiers received in the period (every procedure needs a paper result). */
    static final List<String> E_RESULT_11077_NUMERATOR = List.of(A2, A3, A5, A10);

    static final List<String> E_RESULT_11077_DENOMINATOR = List.of(A2, A3, A4, A5, A6, A7, A8, A10);

    // --- a history large enough to watch a replay --------------------------------------------------------------

    /**
     * {@code rows} dossiers of commune 11086 (Hưng Đạo) received and decided in 2024, long before the scenario: they
     * change none of its figures, but a rebuild re-applies them page by page, which gives a replay that lasts.
     */
    static String bulkHistory2024(int rows) {
        StringBuilder out = new StringBuilder(rows * 260);
        for (int i = 1; i <= rows; i++) {
            int dayOfYear = 2 + (i % 360);
            java.time.LocalDate day = java.time.LocalDate.ofYearDay(2024, dayOfYear);
            String d = day.toString().replace("-", "");
            String next = day.plusDays(1).toString().replace("-", "");
            out.append("{\"MaHoSo\":\"H30.11086-24-B")
                    .append(String.format("%06d", i))
                    .append("\",\"MaTTHC\":\"1.001193\",\"MaDonVi\":\"11086\",\"KenhThucHien\":")
                    .append(i % 3 == 0 ? 2 : 1)
                    .append(",\"NgayTiepNhan\":\"")
                    .append(d)
                    .append("090000\",\"NgayHenTra\":\"")
                    .append(next)
                    .append("170000\",\"NgayKetThucXuLy\":\"")
                    .append(i % 7 == 0 ? day.plusDays(3).toString().replace("-", "") : next)
                    .append("100000\",\"TrangThaiHoSo\":10}\n");
        }
        return out.toString();
    }

    /** Codes of a list of units' expected rows, for messages. */
    static List<String> codes(List<Scores> all) {
        List<String> codes = new ArrayList<>();
        all.forEach(s -> codes.add(s.unit() + (s.subtree() ? " (subtree)" : " (own)")));
        return codes;
    }

    private ReportScenario() {}
}
