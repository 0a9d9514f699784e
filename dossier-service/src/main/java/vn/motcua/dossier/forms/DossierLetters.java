package vn.motcua.dossier.forms;

import static vn.motcua.dossier.forms.VietnameseFormats.dateTime;
import static vn.motcua.dossier.forms.VietnameseFormats.money;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.pdf.PdfPTable;
import vn.motcua.dossier.forms.FormLayout.SignBlock;

/**
 * Bodies of the single-page letters about one dossier: receipt (01), supplement request (02),
 * refusal (03), apology (04) and the 2025 stop notice. Wording follows the circular templates
 * where domain.md records them (3.1); the 2025 field contents are not verified [U] and reuse
 * the 2018 structure with the renamed titles.
 */
final class DossierLetters {

    private static final String SIGN_HINT = "(Ký và ghi rõ họ tên)";

    private final FormLayout l;
    private final FormRegime regime;
    private final FormData data;
    private final DossierSnapshot d;

    DossierLetters(FormLayout layout, FormRegime regime, FormData data) {
        this.l = layout;
        this.regime = regime;
        this.data = data;
        this.d = data.dossier();
    }

    void write(FormType type, Document doc) throws DocumentException {
        switch (type) {
            case RECEIPT -> receipt(doc);
            case SUPPLEMENT_REQUEST -> supplementRequest(doc);
            case REFUSAL -> refusal(doc);
            case APOLOGY -> apology(doc);
            case STOP_NOTICE -> stopNotice(doc);
            default -> throw new IllegalArgumentException("not a dossier letter: " + type);
        }
    }

    private void receipt(Document doc) throws DocumentException {
        doc.add(l.freeText(receivingUnit() + " tiếp nhận hồ sơ của:"));
        applicant(doc);
        doc.add(l.field("Nội dung yêu cầu giải quyết", procedure()));
        doc.add(l.paragraph("1. Thành phần hồ sơ nộp gồm:", l.regular(l.body), Element.ALIGN_LEFT));
        doc.add(components());
        doc.add(l.field("2. Thời gian nhận hồ sơ", dateTime(d.receivedAt())));
        doc.add(l.field("3. Thời gian trả kết quả giải quyết hồ sơ", dateTime(d.dueAt())));
        doc.add(l.field("4. Nơi trả kết quả", d.returnPlace()));
        doc.add(l.field("5. Phí, lệ phí", money(d.feeTotalDong())));
        if (d.competentUnit() != null) {
            doc.add(l.field("6. Cơ quan giải quyết hồ sơ", d.competentUnit()));
        }
        doc.add(l.freeText("Vào Sổ theo dõi hồ sơ, Quyển số: " + FormLayout.blankIfEmpty(d.registerBook())
                + ", Số thứ tự: " + FormLayout.blankIfEmpty(d.registerNumber())));
        if (d.lookupKey() != null) {
            // the public lookup needs both (ADR 0005): the code alone is sequential and tells nothing
            doc.add(l.field("Mã tra cứu hồ sơ trực tuyến (cùng mã hồ sơ)", d.lookupKey()));
        }
        doc.add(l.signatures(
                new SignBlock("NGƯỜI NỘP HỒ SƠ", SIGN_HINT, d.applicant().name()),
                issuer("NGƯỜI TIẾP NHẬN HỒ SƠ", SIGN_HINT, d.officerName())));
    }

    private void supplementRequest(Document doc) throws DocumentException {
        doc.add(l.freeText(receivingUnit() + " tiếp nhận hồ sơ của:"));
        applicant(doc);
        doc.add(l.field("Nội dung yêu cầu giải quyết", procedure()));
        doc.add(l.field("Thời gian tiếp nhận hồ sơ", dateTime(d.receivedAt())));
        doc.add(l.freeText("Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:"));
        doc.add(l.freeText(data.reasons()));
        doc.add(l.freeText("Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ "
                + receivingUnit() + " để được hướng dẫn."));
        doc.add(l.signatures(null, issuer("NGƯỜI HƯỚNG DẪN", SIGN_HINT, d.officerName())));
    }

    private void refusal(Document doc) throws DocumentException {
        doc.add(l.freeText(receivingUnit() + " tiếp nhận hồ sơ của:"));
        applicant(doc);
        doc.add(l.field("Nội dung yêu cầu giải quyết", procedure()));
        doc.add(l.field("Thời gian tiếp nhận hồ sơ", dateTime(d.receivedAt())));
        // 2018 covers refusal at reception and after appraisal; 2025 Form 03 only reception.
        doc.add(l.freeText(
                regime == FormRegime.REGIME_2018
                        ? "Sau khi xem xét, đối chiếu với quy định, hồ sơ của Ông/Bà không đủ điều kiện để"
                                + " tiếp nhận, giải quyết với lý do cụ thể như sau:"
                        : "Sau khi xem xét, đối chiếu với quy định, hồ sơ của Ông/Bà không đủ điều kiện để"
                                + " tiếp nhận với lý do cụ thể như sau:"));
        doc.add(l.freeText(data.reasons()));
        doc.add(l.freeText("Xin thông báo để Ông/Bà được biết và thực hiện."));
        doc.add(l.signatures(null, issuer("NGƯỜI TIẾP NHẬN HỒ SƠ", SIGN_HINT, d.officerName())));
    }

    private void apology(Document doc) throws DocumentException {
        doc.add(l.field("Kính gửi", d.applicant().name()));
        doc.add(l.freeText(
                receivingUnit() + " đã tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết thủ tục: " + procedure() + "."));
        doc.add(l.field("Thời gian tiếp nhận hồ sơ", dateTime(d.receivedAt())));
        doc.add(l.field("Thời gian hẹn trả kết quả", dateTime(d.dueAt())));
        doc.add(l.freeText("Tuy nhiên đến nay, " + competentUnit() + " chưa giải quyết xong hồ sơ của Ông/Bà. Lý do:"));
        doc.add(l.freeText(data.reasons()));
        // 2018: apologise and fix a new date. 2025 renames the form "xin lỗi và đề nghị gia hạn":
        // the letter asks the applicant to accept an extension to the new deadline.
        if (regime == FormRegime.REGIME_2018) {
            doc.add(l.freeText("Sự chậm trễ này đã gây phiền hà cho Ông/Bà. " + competentUnit()
                    + " xin lỗi Ông/Bà và hẹn lại thời gian trả kết quả giải quyết hồ sơ vào:"));
        } else {
            doc.add(l.freeText("Sự chậm trễ này đã gây phiền hà cho Ông/Bà. " + competentUnit()
                    + " xin lỗi Ông/Bà và đề nghị gia hạn thời gian giải quyết hồ sơ đến:"));
        }
        doc.add(l.paragraph(dateTime(data.newAppointmentAt()), l.bold(l.body), Element.ALIGN_CENTER));
        doc.add(l.freeText("Xin trân trọng cảm ơn sự hợp tác của Ông/Bà."));
        // Signed by the competent agency (domain.md 3.1), not by the receiving officer.
        doc.add(l.signatures(null, issuer("THỦ TRƯỞNG CƠ QUAN", "(Ký, ghi rõ họ tên và đóng dấu)", null)));
    }

    private void stopNotice(Document doc) throws DocumentException {
        doc.add(l.freeText("Căn cứ Điều 21 Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ"
                + " và Điều 7 Thông tư số 03/2025/TT-VPCP;"));
        doc.add(l.field("Kính gửi", d.applicant().name()));
        doc.add(l.freeText(
                receivingUnit() + " đã tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết thủ tục: " + procedure() + "."));
        doc.add(l.field("Thời gian tiếp nhận hồ sơ", dateTime(d.receivedAt())));
        doc.add(l.freeText("Ông/Bà đã đề nghị dừng giải quyết hồ sơ nêu trên. Lý do:"));
        doc.add(l.freeText(data.reasons()));
        doc.add(l.freeText(data.header().issuingUnitName() + " thông báo dừng giải quyết hồ sơ kể từ "
                + dateTime(data.issuedAt()) + "."));
        if (d.returnPlace() != null) {
            doc.add(l.field("Ông/Bà nhận lại hồ sơ tại", d.returnPlace()));
        }
        doc.add(l.signatures(null, issuer("ĐẠI DIỆN ĐƠN VỊ TIẾP NHẬN", SIGN_HINT, d.officerName())));
    }

    private void applicant(Document doc) throws DocumentException {
        Applicant a = d.applicant();
        doc.add(l.field("Ông/Bà (tổ chức)", a.name()));
        doc.add(l.field("Địa chỉ", a.address()));
        doc.add(l.fields("Số điện thoại", a.phone(), "Email", a.email()));
    }

    private PdfPTable components() {
        float s = l.body * 0.95f;
        PdfPTable t = new PdfPTable(new float[] {8, 62, 20, 10});
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        t.setSpacingBefore(2);
        t.setSpacingAfter(l.body * 0.6f);
        t.addCell(l.headCell("STT", s));
        t.addCell(l.headCell("Tên giấy tờ", s));
        t.addCell(l.headCell("Bản chính / bản sao", s));
        t.addCell(l.headCell("Số lượng", s));
        int i = 1;
        for (DocumentComponent c : d.components()) {
            t.addCell(l.cell(Integer.toString(i++), s, Element.ALIGN_CENTER));
            t.addCell(l.cell(c.name(), s, Element.ALIGN_LEFT));
            t.addCell(l.cell(c.kind().label(), s, Element.ALIGN_CENTER));
            t.addCell(l.cell(Integer.toString(c.quantity()), s, Element.ALIGN_CENTER));
        }
        return t;
    }

    private String procedure() {
        return d.procedureCode() == null
                ? d.procedureName()
                : d.procedureName() + " (mã thủ tục: " + d.procedureCode() + ")";
    }

    private String receivingUnit() {
        return d.receivingUnit() != null ? d.receivingUnit() : data.header().issuingUnitName();
    }

    private String competentUnit() {
        return d.competentUnit() != null ? d.competentUnit() : data.header().issuingUnitName();
    }

    /** The issuer's block, unless the caller named a specific signatory. */
    private SignBlock issuer(String defaultPosition, String hint, String defaultName) {
        Signatory s = data.signatory();
        return s == null
                ? new SignBlock(defaultPosition, hint, defaultName)
                : new SignBlock(s.position(), hint, s.name());
    }
}
