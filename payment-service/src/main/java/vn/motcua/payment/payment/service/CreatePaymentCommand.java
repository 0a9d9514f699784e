package vn.motcua.payment.payment.service;

import java.util.List;
import vn.motcua.payment.payment.domain.FeeLine;
import vn.motcua.platform.idempotency.RequestIdempotency;

/** CreatePaymentRequest's body, free of generated types; amounts in đồng (currency checked by the adapter). */
public record CreatePaymentCommand(
        String requestId,
        String dossierCode,
        String unitCode,
        List<String> unitPath,
        String procedureCode,
        String payerName,
        String payerCitizenId,
        List<Line> lines,
        int onlineDiscountPercent) {

    public CreatePaymentCommand {
        unitPath = List.copyOf(unitPath);
        lines = List.copyOf(lines);
    }

    /** A fee line as received; {@code amountPresent} false when the message had no amount. */
    public record Line(String name, long amountDong, String currency, boolean amountPresent, String legalBasis) {

        FeeLine fee() {
            return new FeeLine(name.strip(), amountDong, legalBasis == null ? "" : legalBasis.strip());
        }
    }

    String fingerprint() {
        Object[] parts = new Object[8 + lines.size() * 3];
        int i = 0;
        parts[i++] = dossierCode;
        parts[i++] = unitCode;
        parts[i++] = String.join("/", unitPath);
        parts[i++] = procedureCode;
        parts[i++] = payerName;
        parts[i++] = payerCitizenId;
        parts[i++] = onlineDiscountPercent;
        parts[i++] = lines.size();
        for (Line l : lines) {
            parts[i++] = l.name();
            parts[i++] = l.amountDong();
            parts[i++] = l.legalBasis();
        }
        return RequestIdempotency.fingerprint(parts);
    }
}
