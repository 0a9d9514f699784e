package vn.motcua.digitization.signature;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** The one-line Vietnamese summary an officer reads next to a document; times in Vietnam's zone. */
final class SignatureSummaries {

    /** The start of {@link SignerInfo#problem()} for a certificate outside its validity when it signed. */
    static final String NOT_VALID_AT_SIGNING_TIME = "the signer certificate was not valid at the signing time";

    static final String NOT_VALID_NOW = "the signer certificate is not valid now and no signature timestamp token"
            + " proves the signature was made while it was";
    static final String SIGNED_IN_THE_FUTURE = "the signing time is in the future";

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private SignatureSummaries() {}

    static SignatureReport notPdf() {
        return new SignatureReport(
                SignatureVerdict.UNSIGNED, "Tài liệu chưa được ký số (không phải tệp PDF)", List.of());
    }

    static SignatureReport unsigned() {
        return new SignatureReport(SignatureVerdict.UNSIGNED, "Tài liệu chưa được ký số", List.of());
    }

    /** The PDF itself could not be opened, so neither could its signatures. */
    static SignatureReport unreadable() {
        return new SignatureReport(
                SignatureVerdict.MALFORMED, "Dữ liệu chữ ký không đọc được: tệp PDF bị lỗi", List.of());
    }

    /** @param verdicts one per signature, same order; the file's verdict is the worst of them */
    static SignatureReport report(List<SignerInfo> signatures, List<SignatureVerdict> verdicts) {
        SignatureVerdict worst = SignatureVerdict.VALID;
        SignerInfo culprit = null;
        for (int i = 0; i < verdicts.size(); i++) {
            if (culprit == null || verdicts.get(i).compareTo(worst) > 0) {
                worst = verdicts.get(i);
                culprit = signatures.get(i);
            }
        }
        String summary = switch (worst) {
            case VALID ->
                "Chữ ký số hợp lệ: "
                        + signatures.stream().map(s -> who(s) + when(s)).collect(Collectors.joining("; "));
            case TAMPERED ->
                culprit.intact()
                        ? "Tài liệu đã bị thay đổi sau khi ký: có nội dung được thêm vào sau chữ ký cuối cùng"
                        : "Tài liệu đã bị thay đổi sau khi ký: nội dung không khớp với chữ ký của " + who(culprit);
            case UNTRUSTED -> untrusted(culprit);
            case UNSIGNED, MALFORMED -> "Dữ liệu chữ ký không đọc được";
        };
        return new SignatureReport(worst, summary, signatures);
    }

    private static String untrusted(SignerInfo culprit) {
        String problem = culprit.problem() == null ? "" : culprit.problem();
        if (problem.startsWith(NOT_VALID_AT_SIGNING_TIME)) {
            return "Chứng thư số của người ký không có hiệu lực tại thời điểm ký: " + who(culprit) + when(culprit);
        }
        if (problem.startsWith(NOT_VALID_NOW)) {
            return "Chứng thư số của người ký đã hết hiệu lực và chữ ký không có dấu thời gian: " + who(culprit)
                    + when(culprit);
        }
        if (problem.startsWith(SIGNED_IN_THE_FUTURE)) {
            return "Thời điểm ký ghi trong chữ ký nằm ở tương lai: " + who(culprit) + when(culprit);
        }
        return "Người ký không thuộc tổ chức chứng thực tin cậy: " + who(culprit) + " (chứng thư do "
                + culprit.issuerSubject() + " cấp)";
    }

    private static String who(SignerInfo signer) {
        return signer.signerName() == null ? "không rõ người ký" : signer.signerName();
    }

    private static String when(SignerInfo signer) {
        return signer.signedAt() == null ? "" : ", ký lúc " + WHEN.format(signer.signedAt());
    }
}
