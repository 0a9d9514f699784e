package vn.motcua.payment.payment.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import vn.motcua.payment.payment.domain.Payment;
import vn.motcua.payment.payment.domain.PaymentAccess;
import vn.motcua.payment.payment.domain.PaymentChannel;
import vn.motcua.payment.payment.domain.PaymentState;
import vn.motcua.payment.payment.domain.PaymentStatus;
import vn.motcua.payment.payment.domain.Refund;
import vn.motcua.payment.payment.domain.RefundState;
import vn.motcua.payment.payment.repository.PaymentRepository;
import vn.motcua.payment.payment.repository.RefundRepository;
import vn.motcua.payment.receipt.domain.Receipt;
import vn.motcua.payment.receipt.domain.ReceiptDocument;
import vn.motcua.payment.receipt.domain.ReceiptNumbers;
import vn.motcua.payment.receipt.service.ReceiptIssuer;
import vn.motcua.payment.receipt.service.ReceiptLinks;
import vn.motcua.payment.receipt.service.ReceiptPdf;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.paging.Page;

/**
 * Reads: a payment, a dossier's or a unit's payments, a receipt PDF (payer and officers of the unit's subtree), and
 * the public receipt check. Anything outside the caller's scope is NOT_FOUND, as if it did not exist.
 */
@Singleton
public class PaymentQueries {

    private static final Pattern KEY = Pattern.compile("[^|]+\\|PAY-[A-Z2-7]{20}");

    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final ReceiptIssuer receipts;
    private final ReceiptPdf pdf;
    private final ReceiptLinks links;

    public PaymentQueries(
            PaymentRepository payments,
            RefundRepository refunds,
            ReceiptIssuer receipts,
            ReceiptPdf pdf,
            ReceiptLinks links) {
        this.payments = payments;
        this.refunds = refunds;
        this.receipts = receipts;
        this.pdf = pdf;
        this.links = links;
    }

    @Transactional(readOnly = true)
    public PaymentView get(Caller caller, String id) {
        return view(readable(caller, id));
    }

    /** One of dossier_code (payer or officer: only the payments they reach) or unit_code (officer), newest first. */
    @Transactional(readOnly = true)
    public Page<PaymentView> list(
            Caller caller, String dossierCode, String unitCode, PaymentStatus status, Page.Request page) {
        boolean byDossier = dossierCode != null && !dossierCode.isEmpty();
        boolean byUnit = unitCode != null && !unitCode.isEmpty();
        if (byDossier == byUnit) {
            throw DomainException.invalid("dossier_code", "exactly one of dossier_code and unit_code is required");
        }
        List<PaymentState> states = status == null
                ? List.of()
                : Arrays.stream(PaymentState.values())
                        .filter(s -> s.status() == status)
                        .toList();
        String list = byDossier ? "dossier" : "unit";
        Page.Request request = page.forList(list + (status == null ? "" : "-" + status.name()));
        request.afterKeyLike(KEY);
        Page.Keyset after = Page.Keyset.of(request);
        List<Payment> rows;
        if (byDossier) {
            // the dossier's payments the caller reaches: the payer's own, or those of the officer's subtree
            rows = payments.ofDossier(dossierCode, states, after, request.size() + 1).stream()
                    .filter(p -> PaymentAccess.mayRead(
                            p,
                            caller.roles(),
                            caller.unit().orElse(null),
                            caller.citizen().orElse(null)))
                    .toList();
        } else {
            if (!caller.hasAnyRole(PaymentAccess.READERS) || caller.unit().isEmpty()) {
                throw DomainException.permissionDenied("only officers list a unit's payments");
            }
            rows = payments.ofUnit(unitCode, caller.unit().get(), states, after, request.size() + 1);
        }
        return Page.of(
                        rows,
                        request.size(),
                        list + (status == null ? "" : "-" + status.name()),
                        p -> Page.Keyset.key(p.createdAt(), p.id()))
                .map(this::view);
    }

    /** The receipt's PDF, with the refund history; NOT_FOUND before the payment is paid. */
    @Transactional(readOnly = true)
    public Pdf receiptPdf(Caller caller, String id) {
        Payment p = readable(caller, id);
        Receipt receipt = receipts.ofPayment(p.id()).orElseThrow(() -> DomainException.notFound("receipt"));
        List<Refund> history = refunds.ofPayment(p.id());
        ReceiptDocument doc = new ReceiptDocument(
                receipt,
                p.dossierCode(),
                p.procedureCode(),
                p.payerName(),
                channelLabel(p.channel()),
                p.transactionRef(),
                p.lines().stream()
                        .map(l -> new ReceiptDocument.Line(l.name(), l.amountDong(), l.legalBasis()))
                        .toList(),
                history.stream()
                        .map(r -> new ReceiptDocument.RefundLine(
                                r.settledAt() != null ? r.settledAt() : r.requestedAt(),
                                r.amountDong(),
                                r.reason(),
                                refundLabel(r.state())))
                        .toList(),
                p.refundedDong(),
                links.checkUrl(receipt.number(), receipt.checkCode()));
        return new Pdf(pdf.render(doc), "bien-lai-" + receipt.number().replace('/', '-') + ".pdf");
    }

    public record Pdf(byte[] content, String fileName) {}

    /** What the public check shows: no personal data. */
    public record ReceiptCheck(Receipt receipt, String dossierCode, long refundedDong) {}

    /** Public: the receipt with this number and check code, compared in constant time; NOT_FOUND otherwise. */
    @Transactional(readOnly = true)
    public ReceiptCheck check(String number, String checkCode) {
        if (number == null || !ReceiptNumbers.NUMBER.matcher(number).matches() || checkCode == null) {
            throw DomainException.notFound("receipt");
        }
        Optional<Receipt> receipt = receipts.byNumber(number)
                .filter(r -> MessageDigest.isEqual(
                        r.checkCode().getBytes(StandardCharsets.UTF_8),
                        checkCode.strip().toUpperCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        Receipt r = receipt.orElseThrow(() -> DomainException.notFound("receipt"));
        Payment p = payments.find(r.paymentId()).orElseThrow(() -> DomainException.notFound("receipt"));
        return new ReceiptCheck(r, p.dossierCode(), p.refundedDong());
    }

    private Payment readable(Caller caller, String id) {
        if (id == null || id.isEmpty()) {
            throw DomainException.invalid("id", "is required");
        }
        return payments.find(id)
                .filter(p -> PaymentAccess.mayRead(
                        p,
                        caller.roles(),
                        caller.unit().orElse(null),
                        caller.citizen().orElse(null)))
                .orElseThrow(PaymentErrors::notFound);
    }

    /**
     * The payment as the payer's browser coming back from the provider may see it (the return is public: whoever
     * holds the signed URL): no payer name or citizen id.
     */
    @Transactional(readOnly = true)
    public PaymentView publicView(String id) {
        Payment p = payments.find(id).orElseThrow(PaymentErrors::notFound);
        Payment anonymous = p.withoutPayer();
        return new PaymentView(anonymous, receipts.ofPayment(p.id()).orElse(null), List.of());
    }

    PaymentView view(Payment p) {
        return new PaymentView(p, receipts.ofPayment(p.id()).orElse(null), refunds.ofPayment(p.id()));
    }

    static String channelLabel(PaymentChannel c) {
        if (c == null) {
            return "";
        }
        return switch (c) {
            case ONLINE -> "Trực tuyến";
            case COUNTER_CASH -> "Tiền mặt tại quầy";
            case COUNTER_CARD -> "Thẻ tại quầy";
            case POSTAL -> "Thu hộ qua bưu chính";
        };
    }

    static String refundLabel(RefundState s) {
        return switch (s) {
            case SUBMITTED -> "Đang xử lý";
            case SUCCESS -> "Đã hoàn";
            case FAILED -> "Không thành công";
        };
    }
}
