package vn.motcua.dossier.dossier.service;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import vn.motcua.dossier.calendar.WorkCalendar;
import vn.motcua.dossier.common.Scope;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierEvent;
import vn.motcua.dossier.dossier.domain.RegimeSelection;
import vn.motcua.dossier.dossier.repository.DossierListRepository;
import vn.motcua.dossier.dossier.repository.DossierRepository;
import vn.motcua.dossier.dossier.repository.DossierRepository.HistoryEntry;
import vn.motcua.dossier.forms.FormData;
import vn.motcua.dossier.forms.FormHeader;
import vn.motcua.dossier.forms.FormRegime;
import vn.motcua.dossier.forms.FormRenderer;
import vn.motcua.dossier.forms.FormType;
import vn.motcua.dossier.forms.RegisterBook;
import vn.motcua.dossier.forms.RegisterRow;
import vn.motcua.dossier.unit.AdminUnit;
import vn.motcua.dossier.unit.UnitDirectory;
import vn.motcua.dossier.unit.UnitTree;
import vn.motcua.dossier.unit.domain.AdminInput;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;

/**
 * The tracking register (sổ theo dõi hồ sơ, 2018 Form 06 / 2025 Form 07) of a unit's desk: every dossier received
 * there in a date range, with its hand-over milestones from the history. A book is per calendar year and its numbers
 * run on through the year (Circular 01/2018 Art 10(2)), so a range lies within one year and its first row is
 * numbered after the dossiers received earlier that year. Officers who handle dossiers, for their own unit or one
 * below it; not a report viewer alone.
 */
@Singleton
public class RegisterService {

    /** More rows than this are refused: print the book in parts. */
    static final int MAX_ROWS = 5000;

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final String DESK = "Bộ phận Tiếp nhận và Trả kết quả";
    private static final Pattern LEVEL_WORD =
            Pattern.compile("^(Xã|Phường|Thị trấn|Huyện|Quận|Thị xã|Thành phố|Tỉnh)\\s+");
    private static final Set<DossierEvent> RESULT_AT_DESK = Set.of(DossierEvent.ISSUE_RESULT, DossierEvent.REFUSE);

    private final DossierListRepository lists;
    private final DossierRepository dossiers;
    private final UnitDirectory units;
    private final RegimeSelection regimes;
    private final Clock clock;
    private final FormRenderer renderer = new FormRenderer();

    public RegisterService(
            DossierListRepository lists,
            DossierRepository dossiers,
            UnitDirectory units,
            RegimeSelection regimes,
            Clock clock) {
        this.lists = lists;
        this.dossiers = dossiers;
        this.units = units;
        this.clock = clock;
        this.regimes = regimes;
    }

    public record Register(String fileName, byte[] pdf, int rowCount) {}

    @Transactional(readOnly = true)
    public Register render(Caller caller, String unitCode, String from, String to) {
        String ownUnit = Scope.requireOfficerUnit(caller);
        if (Scope.readsStatisticsOnly(caller)) {
            // architecture.md 5: every row names an applicant with address and phone, which a report viewer (a
            // province official, the province's report puller) may not read; refused before any input is looked at
            throw DomainException.permissionDenied("report viewers read statistics, not the register of dossiers");
        }
        AdminInput in = new AdminInput();
        String requested = in.unitCode("unit_code", unitCode, false);
        LocalDate first = in.date("from", from, true);
        LocalDate last = in.date("to", to, true);
        in.refuseIfAny();
        if (last.isBefore(first)) {
            throw DomainException.invalid("to", "is before from");
        }
        if (last.getYear() != first.getYear()) {
            throw DomainException.invalid("to", "a register book covers one calendar year; print each year apart");
        }
        String unit = requested == null ? ownUnit : requested;
        UnitTree tree = units.tree();
        if (!tree.subtreeCodes(ownUnit).contains(unit)) {
            throw DomainException.notFound("unit " + unit);
        }
        AdminUnit desk = tree.find(unit).orElseThrow(() -> DomainException.notFound("unit " + unit));
        Instant start = startOf(first);
        Instant end = startOf(last.plusDays(1));
        List<Dossier> received = lists.receivedAt(unit, start, end, MAX_ROWS + 1);
        if (received.size() > MAX_ROWS) {
            throw DomainException.invalid(
                    "to", "the range holds more than " + MAX_ROWS + " dossiers; print it in parts");
        }
        long before = lists.countReceivedAt(unit, startOf(first.withDayOfYear(1)), start);
        List<RegisterRow> rows = new ArrayList<>();
        for (Dossier d : received) {
            rows.add(row(++before, d, dossiers.history(d.code()), tree));
        }
        FormHeader header = new FormHeader(
                upper(DESK),
                upper("UBND " + desk.name()),
                LEVEL_WORD.matcher(desk.name()).replaceFirst(""));
        // the book is printed on the form set in force on its first day (Form 06 of 2018, Form 07 of 2025)
        FormRegime formRegime = FormService.formRegime(regimes.forDossierFiledOn(first));
        RegisterBook book = new RegisterBook(Integer.toString(first.getYear()), first.getYear(), rows);
        byte[] pdf = renderer.render(
                FormType.TRACKING_REGISTER, formRegime, FormData.forRegister(header, clock.instant(), book));
        String name = "mau-" + FormType.TRACKING_REGISTER.number(formRegime) + "-so-theo-doi-" + unit + "-" + first
                + "-" + last + ".pdf";
        return new Register(name, pdf, rows.size());
    }

    private static RegisterRow row(long no, Dossier d, List<HistoryEntry> history, UnitTree tree) {
        Instant transferred = first(history, Set.of(DossierEvent.TRANSFER));
        Instant resultBack = first(history, RESULT_AT_DESK);
        Instant returned = first(history, Set.of(DossierEvent.RETURN_RESULT));
        String contact = join(d.applicant().address(), d.applicant().phone());
        String competent = tree.find(d.competentUnitCode()).map(AdminUnit::name).orElse(d.competentUnitCode());
        return new RegisterRow(
                no,
                d.publicCode(),
                d.procedureName(),
                1,
                d.applicant().fullName(),
                contact,
                competent,
                d.receivedAt(),
                d.originalDueAt(),
                transferred,
                resultBack,
                returned,
                null);
    }

    private static Instant first(List<HistoryEntry> history, Set<DossierEvent> events) {
        return history.stream()
                .filter(h -> events.contains(DossierEvent.valueOf(h.event())))
                .map(HistoryEntry::occurredAt)
                .findFirst()
                .orElse(null);
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        return b == null || b.isBlank() ? a : a + "; " + b;
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(WorkCalendar.ZONE).toInstant();
    }

    private static String upper(String s) {
        return s.toUpperCase(VI);
    }
}
