package vn.motcua.dossier.dossier.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.motcua.dossier.calendar.DeadlineCalculator;
import vn.motcua.dossier.calendar.WorkCalendar;
import vn.motcua.dossier.calendar.repository.DeadlineCalculators;
import vn.motcua.dossier.catalog.Procedure;
import vn.motcua.dossier.catalog.ProcedureRepository;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierEvent;
import vn.motcua.dossier.dossier.domain.LegalRegime;
import vn.motcua.dossier.dossier.domain.StopGround;
import vn.motcua.dossier.dossier.repository.DossierListRepository;
import vn.motcua.dossier.dossier.repository.DossierRepository;
import vn.motcua.dossier.dossier.repository.DossierRepository.HistoryEntry;
import vn.motcua.dossier.forms.Applicant;
import vn.motcua.dossier.forms.CopyKind;
import vn.motcua.dossier.forms.DocumentComponent;
import vn.motcua.dossier.forms.DossierSnapshot;
import vn.motcua.dossier.forms.FormData;
import vn.motcua.dossier.forms.FormHeader;
import vn.motcua.dossier.forms.FormRegime;
import vn.motcua.dossier.forms.FormRenderer;
import vn.motcua.dossier.forms.FormType;
import vn.motcua.dossier.forms.HandoverResult;
import vn.motcua.dossier.forms.HandoverRow;
import vn.motcua.dossier.unit.AdminUnit;
import vn.motcua.dossier.unit.UnitDirectory;
import vn.motcua.dossier.unit.UnitTree;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;

/**
 * The legal forms of one dossier as PDF, built from the stored dossier and its history so that a re-print shows
 * what was issued: each letter carries the date, officer and reason of the event that produced it, and exists only
 * once that event happened (FAILED_PRECONDITION / FORM_NOT_ISSUED before). The form set and numbering follow the
 * dossier's own legal regime, so a reprint of an old dossier shows the form it was issued on. Scope as GetDossier.
 */
@Singleton
public class FormService {

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final String DESK = "Bộ phận Tiếp nhận và Trả kết quả";
    private static final Pattern LEVEL_WORD =
            Pattern.compile("^(Xã|Phường|Thị trấn|Huyện|Quận|Thị xã|Thành phố|Tỉnh)\\s+");
    private static final Set<DossierEvent> RECEPTIONS =
            EnumSet.of(DossierEvent.ACCEPT, DossierEvent.RECEIVE_AT_COUNTER, DossierEvent.RECEIVE_BY_POST);
    private static final Set<DossierEvent> APPOINTMENTS = EnumSet.of(
            DossierEvent.ACCEPT,
            DossierEvent.RECEIVE_AT_COUNTER,
            DossierEvent.RECEIVE_BY_POST,
            DossierEvent.SUPPLEMENT_RECEIVED);

    private final DossierQueryService queries;
    private final DossierRepository dossiers;
    private final ProcedureRepository procedures;
    private final UnitDirectory units;
    private final DeadlineCalculators deadlines;
    private final DossierListRepository lists;
    private final FormRenderer renderer = new FormRenderer();

    public FormService(
            DossierQueryService queries,
            DossierRepository dossiers,
            ProcedureRepository procedures,
            UnitDirectory units,
            DeadlineCalculators deadlines,
            DossierListRepository lists) {
        this.lists = lists;
        this.queries = queries;
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.units = units;
        this.deadlines = deadlines;
    }

    /**
     * Form 01's "Quyển số": the tracking register is a book per year of the receiving desk (Circular 01/2018 Art
     * 10(2)), as RegisterService prints it; null before reception.
     */
    private static String registerBook(Dossier d) {
        return d.receivedAt() == null
                ? null
                : Integer.toString(WorkCalendar.localDate(d.receivedAt()).getYear());
    }

    /** Form 01's "Số thứ tự": the dossier's line in that book, numbered in reception order as the register is. */
    private String registerNumber(Dossier d) {
        if (d.receivedAt() == null) {
            return null;
        }
        LocalDate day = WorkCalendar.localDate(d.receivedAt());
        Instant yearStart = day.withDayOfYear(1).atStartOfDay(WorkCalendar.ZONE).toInstant();
        return Long.toString(lists.countReceivedAt(d.receivingUnitCode(), yearStart, d.receivedAt()) + 1);
    }

    /** The form set of a legal regime. */
    static FormRegime formRegime(LegalRegime regime) {
        return switch (regime) {
            case REGIME_2018 -> FormRegime.REGIME_2018;
            case REGIME_2025 -> FormRegime.REGIME_2025;
        };
    }

    /** @param type a per-dossier form; the tracking register is a unit-wide book, not rendered here */
    @Transactional(readOnly = true)
    public RenderedForm render(Caller caller, String code, FormType type) {
        if (!type.perDossier()) {
            throw DomainException.invalid("kind", "is not a form of a single dossier");
        }
        Dossier d = queries.get(caller, code);
        FormRegime formRegime = formRegime(d.regime());
        if (!type.existsIn(formRegime)) {
            throw DomainException.ruleViolated(
                    "FORM_NOT_IN_REGIME", type + " does not exist under " + formRegime.circular());
        }
        // the storage key: the caller may have named the dossier by its legal code or its submission reference
        List<HistoryEntry> history = dossiers.history(d.code());
        UnitTree tree = units.tree();
        Procedure procedure = procedures
                .findVersion(d.procedureCode(), d.procedureVersion())
                .orElseThrow(() -> new IllegalStateException("procedure of dossier " + code + " is missing"));
        FormData data = switch (type) {
            case RECEIPT -> {
                HistoryEntry reception = last(history, RECEPTIONS, type);
                // a reprint after a supplement shows the appointment the restarted limit gave (ND61 Art 19(4));
                // an extension does not change Form 01, Form 04 carries the new date
                HistoryEntry appointment = last(history, APPOINTMENTS, type);
                yield FormData.forDossier(
                        desk(d, tree),
                        reception.occurredAt(),
                        snapshot(d, history, procedure, tree, reception.actorUsername(), appointment.dueAt())
                                .inRegister(registerBook(d), registerNumber(d)));
            }
            case SUPPLEMENT_REQUEST ->
                letter(
                        d,
                        history,
                        procedure,
                        tree,
                        type,
                        EnumSet.of(DossierEvent.REQUEST_SUPPLEMENT, DossierEvent.REQUEST_PRE_SUPPLEMENT));
            case REFUSAL ->
                letter(d, history, procedure, tree, type, EnumSet.of(DossierEvent.REJECT, DossierEvent.REFUSE));
            case STOP_NOTICE -> letter(d, history, procedure, tree, type, EnumSet.of(DossierEvent.STOP));
            case APOLOGY -> apology(d, history, procedure, tree);
            case CONTROL_SLIP -> {
                HistoryEntry reception = last(history, RECEPTIONS, type);
                yield FormData.forDossier(
                                desk(d, tree),
                                reception.occurredAt(),
                                snapshot(d, history, procedure, tree, reception.actorUsername(), d.dueAt())
                                        .inRegister(registerBook(d), registerNumber(d)))
                        .withHandovers(handovers(d, history, tree));
            }
            case TRACKING_REGISTER -> throw new IllegalStateException("not per dossier");
        };
        byte[] pdf = renderer.render(type, formRegime, data);
        return new RenderedForm("mau-" + type.number(formRegime) + "-" + d.publicCode() + ".pdf", pdf);
    }

    public record RenderedForm(String fileName, byte[] pdf) {}

    /** Supplement request, refusal, stop notice: dated, signed and reasoned by the event that issued them. */
    private FormData letter(
            Dossier d,
            List<HistoryEntry> history,
            Procedure procedure,
            UnitTree tree,
            FormType type,
            Set<DossierEvent> issuedBy) {
        HistoryEntry issued = last(history, issuedBy, type);
        DossierEvent event = DossierEvent.valueOf(issued.event());
        // a refusal after appraisal is the competent agency's decision, in its name and signature block (ND61 Art
        // 19(8)); a refusal at reception is the desk's (Art 17(1)(b))
        FormHeader header = event == DossierEvent.REFUSE ? competent(d, tree) : desk(d, tree);
        String reasons = issued.reason();
        if (event == DossierEvent.STOP) {
            // the notice says who asked (Circular 03/2025 Art 7): the ground is kept with the history line
            if (issued.stepTarget() != null) {
                String wording = StopGround.valueOf(issued.stepTarget()).noticeWording();
                reasons = reasons == null ? wording : wording + ". " + reasons;
            }
        }
        return FormData.forDossier(
                        header,
                        issued.occurredAt(),
                        snapshot(d, history, procedure, tree, issued.actorUsername(), issued.dueAt()))
                .withReasons(reasons);
    }

    /** The competent agency's heading: its People's Committee under its parent's. */
    private static FormHeader competent(Dossier d, UnitTree tree) {
        AdminUnit competent = unit(tree, d.competentUnitCode());
        return new FormHeader(upper("UBND " + competent.name()), parentAuthority(tree, competent), place(competent));
    }

    /** Form 04: the missed appointment is the due time in force before the extension, the new one after it. */
    private FormData apology(Dossier d, List<HistoryEntry> history, Procedure procedure, UnitTree tree) {
        HistoryEntry extension = last(history, EnumSet.of(DossierEvent.APOLOGISE_AND_EXTEND), FormType.APOLOGY);
        Instant missed = null;
        for (HistoryEntry h : history) {
            if (h == extension) {
                break;
            }
            if (h.dueAt() != null) {
                missed = h.dueAt();
            }
        }
        return FormData.forDossier(
                        competent(d, tree),
                        extension.occurredAt(),
                        snapshot(d, history, procedure, tree, extension.actorUsername(), missed))
                .withReasons(extension.reason())
                .withNewAppointment(extension.dueAt());
    }

    /** Form 05 rows: every hand-over of the dossier between desk, units and their leaders, clerks and specialists. */
    private List<HandoverRow> handovers(Dossier d, List<HistoryEntry> history, UnitTree tree) {
        DeadlineCalculator calendar = deadlines.forUnit(d.competentUnitCode());
        List<HandoverRow> rows = new ArrayList<>();
        String desk = deskName(d, tree);
        for (HistoryEntry h : history) {
            DossierEvent event = DossierEvent.valueOf(h.event());
            String here = name(tree, h.actorUnitCode() != null ? h.actorUnitCode() : d.handlingUnitCode());
            String[] fromTo = switch (event) {
                case TRANSFER -> new String[] {desk, name(tree, d.competentUnitCode())};
                case ASSIGN -> new String[] {"Lãnh đạo " + here, "Cán bộ thụ lý " + here};
                case SUBMIT_FOR_APPROVAL -> new String[] {"Cán bộ thụ lý " + here, "Lãnh đạo " + here};
                case APPROVE -> new String[] {"Lãnh đạo " + here, "Văn thư " + here};
                case FORWARD_INTER_AGENCY -> new String[] {here, name(tree, h.stepTarget())};
                case ISSUE_RESULT, REFUSE -> new String[] {here, desk};
                default -> null;
            };
            if (fromTo == null) {
                continue;
            }
            // Circular 01/2018 Art 13(2): each hand-over rates the step it ends against that step's own deadline
            // (set by the hand-over that started it); only a step without one is rated against the dossier's due
            Instant rateAgainst = HandoverDeadlines.deadlineOfStepEndingAt(history, h);
            HandoverResult result = rateAgainst == null
                    ? null
                    : switch (calendar.classify(h.occurredAt(), rateAgainst)) {
                        case EARLY -> HandoverResult.EARLY;
                        case ON_TIME -> HandoverResult.ON_TIME;
                        case LATE -> HandoverResult.LATE;
                    };
            String receiver = event == DossierEvent.ASSIGN ? h.stepTarget() : null;
            rows.add(new HandoverRow(
                    fromTo[0], fromTo[1], h.occurredAt(), h.actorUsername(), receiver, result, EventLabels.vi(event)));
        }
        return rows;
    }

    private DossierSnapshot snapshot(
            Dossier d, List<HistoryEntry> history, Procedure procedure, UnitTree tree, String officer, Instant dueAt) {
        // Before acceptance (pre-acceptance supplement, refusal of an online dossier) the submission time stands in.
        Instant receivedAt =
                d.receivedAt() != null ? d.receivedAt() : history.get(0).occurredAt();
        List<DocumentComponent> components = procedure.components().stream()
                .map(c -> new DocumentComponent(
                        c.name(), c.originalRequired() ? CopyKind.ORIGINAL : CopyKind.COPY, Math.max(1, c.quantity())))
                .toList();
        long fees =
                procedure.fees().stream().mapToLong(Procedure.Fee::amountDong).sum();
        String desk = deskName(d, tree);
        return new DossierSnapshot(
                d.publicCode(),
                d.procedureCode(),
                d.procedureName(),
                new Applicant(
                        d.applicant().fullName(),
                        d.applicant().address(),
                        d.applicant().phone(),
                        d.applicant().email()),
                receivedAt,
                dueAt,
                components,
                fees,
                desk,
                name(tree, d.competentUnitCode()),
                desk,
                officer,
                null,
                null,
                d.lookupKey());
    }

    private static HistoryEntry last(List<HistoryEntry> history, Set<DossierEvent> events, FormType type) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (events.contains(DossierEvent.valueOf(history.get(i).event()))) {
                return history.get(i);
            }
        }
        throw DomainException.ruleViolated(
                "FORM_NOT_ISSUED", type + " is issued by " + events + ", which has not happened to this dossier");
    }

    private static FormHeader desk(Dossier d, UnitTree tree) {
        AdminUnit receiving = unit(tree, d.receivingUnitCode());
        return new FormHeader(upper(DESK), upper("UBND " + receiving.name()), place(receiving));
    }

    private static String deskName(Dossier d, UnitTree tree) {
        return DESK + " " + name(tree, d.receivingUnitCode());
    }

    private static String parentAuthority(UnitTree tree, AdminUnit unit) {
        return unit.parentCode() == null
                ? null
                : tree.find(unit.parentCode())
                        .map(p -> upper("UBND " + p.name()))
                        .orElse(null);
    }

    private static AdminUnit unit(UnitTree tree, String code) {
        return tree.find(code).orElseThrow(() -> new IllegalStateException("unit " + code + " is missing"));
    }

    private static String name(UnitTree tree, String code) {
        return tree.find(code).map(AdminUnit::name).orElse(code == null ? "" : code);
    }

    /** "Xã Ngọc Sơn" → "Ngọc Sơn", for the date line "Ngọc Sơn, ngày …". */
    private static String place(AdminUnit unit) {
        return LEVEL_WORD.matcher(unit.name()).replaceFirst("");
    }

    private static String upper(String s) {
        return s.toUpperCase(VI);
    }

    /** The events that issue each per-dossier form: the form exists once one of them happened (see render). */
    private static final Map<FormType, Set<DossierEvent>> ISSUED_BY = Map.of(
            FormType.RECEIPT, RECEPTIONS,
            FormType.CONTROL_SLIP, RECEPTIONS,
            FormType.SUPPLEMENT_REQUEST,
                    EnumSet.of(DossierEvent.REQUEST_SUPPLEMENT, DossierEvent.REQUEST_PRE_SUPPLEMENT),
            FormType.REFUSAL, EnumSet.of(DossierEvent.REJECT, DossierEvent.REFUSE),
            FormType.APOLOGY, EnumSet.of(DossierEvent.APOLOGISE_AND_EXTEND),
            FormType.STOP_NOTICE, EnumSet.of(DossierEvent.STOP));

    /**
     * The per-dossier forms this history of {@code d} has issued under the dossier's own form set (its regime, issue
     * 16): exactly those {@link #render} answers, so a screen offers no form that would fail.
     */
    public Set<FormType> issued(Dossier d, List<HistoryEntry> history) {
        FormRegime formRegime = formRegime(d.regime());
        Set<String> happened = new HashSet<>();
        history.forEach(h -> happened.add(h.event()));
        Set<FormType> issued = EnumSet.noneOf(FormType.class);
        ISSUED_BY.forEach((type, events) -> {
            if (type.existsIn(formRegime) && events.stream().anyMatch(e -> happened.contains(e.name()))) {
                issued.add(type);
            }
        });
        return issued;
    }
}
