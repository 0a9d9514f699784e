package vn.motcua.report.importer.domain;

import static vn.motcua.report.importer.domain.ImportFields.*;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Judges one {@link SourceRow} against the import's field set (report-service/README.md, "Historical import") and
 * turns it into an {@link ImportedDossier}, or lists everything wrong with it, each by field. Pure: the unit subtree,
 * repeated codes and live dossiers are the service's checks, since they need the database.
 * <p>
 * Times: any instant after {@code now} (plus a few minutes of clock skew) is refused except the due times, which an
 * open dossier may still have ahead; anything before 2000 is refused as a slip of the keyboard.
 */
public final class RowNormalizer {

    static final Instant EARLIEST =
            LocalDate.of(2000, 1, 1).atStartOfDay(PortalTimestamps.VIETNAM).toInstant();
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    static final int MAX_CODE = 64;
    static final int MAX_TEXT = 255;
    static final int MAX_RESULT_CODE = 128;
    static final int MAX_RESULT_URL = 1000;
    static final int MAX_SUPPLEMENTS = 1000;
    static final long MAX_PAUSED_SECONDS = Duration.ofDays(3650).toSeconds();
    static final long MAX_FEE = 1_000_000_000_000L;

    private static final Pattern CODE_CHARS = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");
    private static final Pattern STATUS_CODE = Pattern.compile("[0-9]{1,2}");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,13}");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,18}");
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private final Instant latest;

    /** @param now the import's time: no event of a history is after it */
    public RowNormalizer(Instant now) {
        this.latest = now.plus(CLOCK_SKEW);
    }

    /** The verdict on one row: a dossier, or the reasons it was refused (never both). */
    public record Result(long line, ImportedDossier dossier, List<RowError> errors) {

        public Result {
            errors = List.copyOf(errors);
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public Result normalize(SourceRow row) {
        if (!row.problems().isEmpty()) {
            return new Result(row.line(), null, row.problems());
        }
        Fields f = new Fields(row);
        String code = f.code(CODE, MAX_CODE, true);
        String procedure = f.code(PROCEDURE, MAX_CODE, true);
        String service = f.code(SERVICE, MAX_CODE, false);
        String unit = f.unit(UNIT, true);
        String receivingUnit = f.unit(RECEIVING_UNIT, false);
        String field = f.label(FIELD, MAX_TEXT);
        String channel = channel(f);

        Instant submitted = f.time(SUBMITTED_AT, false);
        Instant receivedGiven = f.time(RECEIVED_AT, false);
        Instant due = f.time(DUE_AT, true);
        Instant originalDueGiven = f.time(ORIGINAL_DUE_AT, true);
        Instant finishedGiven = f.time(FINISHED_AT, false);
        Instant returnedGiven = f.time(RETURNED_AT, false);
        List<StatusStep> history = history(row, f);
        DvcqgStatus status = status(f, history);
        boolean refused = f.flag(REFUSED);

        Integer supplementsGiven = f.integer(SUPPLEMENTS, 0, MAX_SUPPLEMENTS);
        Long pausedGiven = f.longValue(PAUSED_SECONDS, 0, MAX_PAUSED_SECONDS);
        Integer onlinePayment = onlinePayment(f);
        long fee = fee(row, f);
        boolean componentsDigitized = f.flag(COMPONENTS_DIGITIZED);
        boolean reusesData = f.flag(REUSES_DATA);
        boolean fromWarehouse = f.flag(FROM_WAREHOUSE);
        boolean vneid = f.flag(VNEID);
        String resultCode = f.text(RESULT_CODE, MAX_RESULT_CODE, false);
        String resultUrl = f.text(RESULT_URL, MAX_RESULT_URL, false);
        if (resultUrl != null && resultUrl.chars().anyMatch(Character::isWhitespace)) {
            f.error(RESULT_URL, "a link has no spaces or line breaks (encode them as %20)");
        }

        if (status == null) {
            return f.result(null);
        }
        Instant received = receivedGiven;
        if (received == null && status.reception() != DvcqgStatus.Reception.FORBIDDEN) {
            received = first(history, DvcqgStatus.RECEIVED);
        }
        switch (status.reception()) {
            case REQUIRED -> {
                if (received == null && !f.failed(RECEIVED_AT)) {
                    f.error(
                            RECEIVED_AT,
                            "required: a dossier in status " + describe(status)
                                    + " was accepted; give NgayTiepNhan (or a TienTrinh entry with TrangThai 2)");
                }
            }
            case FORBIDDEN -> {
                if (receivedGiven != null) {
                    f.error(
                            RECEIVED_AT,
                            "a dossier in status " + describe(status)
                                    + " was never accepted: leave NgayTiepNhan empty");
                }
            }
            case OPTIONAL -> {
                // 5 before reception is a pre-reception supplement request; 7 may come before or after acceptance
            }
        }
        Instant finished = finishedGiven;
        if (status.isEnd()) {
            if (finished == null) {
                finished = firstEnd(history);
            }
            if (finished == null && !f.failed(FINISHED_AT)) {
                f.error(
                        FINISHED_AT,
                        "required: when did the dossier end (status " + describe(status)
                                + ")? give NgayKetThucXuLy or a TienTrinh entry with that status");
            }
        } else if (finishedGiven != null) {
            f.error(
                    FINISHED_AT,
                    "the dossier is still open (status " + describe(status) + "): leave NgayKetThucXuLy empty");
        }
        Instant returned = returnedGiven;
        if (status == DvcqgStatus.RETURNED) {
            if (returned == null) {
                returned = first(history, DvcqgStatus.RETURNED);
            }
        } else if (returnedGiven != null) {
            f.error(RETURNED_AT, "given, but the status is " + describe(status) + ", not 10 (Đã trả kết quả)");
        }
        if (refused && !status.mayBeRefusal()) {
            f.error(
                    REFUSED,
                    "only a dossier in status 9 or 10 has a result that can be a refusal; this one is in "
                            + describe(status));
        }
        if ((resultCode != null || resultUrl != null) && !status.isEnd()) {
            f.error(
                    resultUrl != null ? RESULT_URL : RESULT_CODE,
                    "a result on a dossier still open (status " + describe(status) + ")");
        }

        notBefore(f, RECEIVED_AT, receivedGiven, SUBMITTED_AT, submitted);
        Instant start = received != null ? received : submitted;
        notBefore(f, FINISHED_AT, finishedGiven, received != null ? RECEIVED_AT : SUBMITTED_AT, start);
        notBefore(f, RETURNED_AT, returnedGiven, FINISHED_AT, finished);
        notBefore(f, DUE_AT, due, RECEIVED_AT, received);
        notBefore(f, ORIGINAL_DUE_AT, originalDueGiven, RECEIVED_AT, received);
        if (originalDueGiven != null) {
            if (due == null && !f.failed(DUE_AT)) {
                f.error(ORIGINAL_DUE_AT, "given without NgayHenTra: the original due time of which due time?");
            } else if (due != null && originalDueGiven.isAfter(due)) {
                f.error(ORIGINAL_DUE_AT, "after NgayHenTra: an extension only moves the due time later");
            }
        }
        if (!history.isEmpty() && submitted != null && history.get(0).at().isBefore(submitted)) {
            f.error(HISTORY + "[1]." + HISTORY_AT, "before NgayNopHoSo: the end comes before the start");
        }

        int supplements = supplementsGiven != null
                ? supplementsGiven
                : (int) history.stream()
                        .filter(s -> s.status() == DvcqgStatus.SUPPLEMENT_REQUESTED)
                        .count();
        long paused = pausedGiven != null ? pausedGiven : pausedAfter(history, received);

        if (!f.ok()) {
            return f.result(null);
        }
        return f.result(new ImportedDossier(
                code,
                procedure,
                service,
                unit,
                receivingUnit != null ? receivingUnit : unit,
                field == null ? "" : field,
                channel,
                status,
                refused,
                submitted,
                received,
                due,
                originalDueGiven != null ? originalDueGiven : due,
                finished,
                returned,
                history,
                supplements,
                paused,
                onlinePayment == null ? 0 : onlinePayment,
                fee,
                componentsDigitized,
                reusesData,
                fromWarehouse,
                vneid,
                resultCode,
                resultUrl));
    }

    private static Integer onlinePayment(Fields f) {
        String text = f.raw(ONLINE_PAYMENT);
        if (text == null) {
            return 0;
        }
        return switch (text) {
            case "0" -> 0;
            case "1" -> 1;
            case "2" -> 2;
            default -> {
                f.error(
                        ONLINE_PAYMENT,
                        "expected 0 (not paid online), 1 (paid through the national portal) or 2"
                                + " (through a ministry or provincial payment gateway)");
                yield 0;
            }
        };
    }

    private static String channel(Fields f) {
        String text = f.raw(CHANNEL);
        if (text == null) {
            f.error(CHANNEL, "required: 1 (trực tiếp), 2 (trực tuyến) or 3 (dịch vụ bưu chính)");
            return null;
        }
        return switch (text) {
            case "1" -> "COUNTER";
            case "2" -> "ONLINE";
            case "3" -> "POSTAL";
            default -> {
                f.error(
                        CHANNEL,
                        "unknown channel '" + StatusHistory.shorten(text)
                                + "': expected 1 (trực tiếp), 2 (trực tuyến) or 3 (dịch vụ bưu chính)");
                yield null;
            }
        };
    }

    private List<StatusStep> history(SourceRow row, Fields f) {
        List<StatusStep> steps = new ArrayList<>();
        if (row.history() == null || row.history().isEmpty()) {
            return steps;
        }
        if (row.history().size() > ImportLimits.MAX_HISTORY) {
            f.error(HISTORY, "more than " + ImportLimits.MAX_HISTORY + " entries");
            return steps;
        }
        boolean broken = false;
        for (int i = 0; i < row.history().size(); i++) {
            SourceRow.RawStep raw = row.history().get(i);
            String where = HISTORY + "[" + (i + 1) + "].";
            DvcqgStatus status = parseStatus(raw.status()).orElse(null);
            if (status == null) {
                f.error(where + HISTORY_STATUS, unknownStatus(raw.status()));
                broken = true;
            }
            Instant at = null;
            if (raw.at() == null || raw.at().isBlank()) {
                f.error(where + HISTORY_AT, "required: when the dossier entered this status");
                broken = true;
            } else {
                at = PortalTimestamps.parse(raw.at()).orElse(null);
                if (at == null) {
                    f.error(where + HISTORY_AT, PortalTimestamps.problem(raw.at()));
                    broken = true;
                } else if (!plausible(f, where + HISTORY_AT, at, false)) {
                    broken = true;
                }
            }
            if (status != null && at != null) {
                if (!steps.isEmpty()) {
                    StatusStep previous = steps.get(steps.size() - 1);
                    if (at.isBefore(previous.at())) {
                        f.error(where + HISTORY_AT, "before the previous entry's time: list the history in order");
                        broken = true;
                    }
                    if (previous.status().isFinal()) {
                        f.error(where + HISTORY_STATUS, "nothing follows status " + describe(previous.status()));
                        broken = true;
                    }
                }
                steps.add(new StatusStep(status, at));
            }
        }
        return broken ? new ArrayList<>() : steps;
    }

    private static DvcqgStatus status(Fields f, List<StatusStep> history) {
        String text = f.raw(STATUS);
        DvcqgStatus last =
                history.isEmpty() ? null : history.get(history.size() - 1).status();
        if (text == null) {
            if (last == null && !f.failed(HISTORY)) {
                f.error(STATUS, "required (or a TienTrinh whose last entry gives it): a code 1 to 10");
            }
            return last;
        }
        DvcqgStatus status = parseStatus(text).orElse(null);
        if (status == null) {
            f.error(STATUS, unknownStatus(text));
            return null;
        }
        if (last != null && last != status) {
            f.error(
                    STATUS,
                    "TrangThaiHoSo " + status.code() + " differs from the last TienTrinh entry (" + last.code() + ")");
        }
        return status;
    }

    private static Optional<DvcqgStatus> parseStatus(String text) {
        if (text == null || !STATUS_CODE.matcher(text.strip()).matches()) {
            return Optional.empty();
        }
        return DvcqgStatus.of(Integer.parseInt(text.strip()));
    }

    private static String unknownStatus(String text) {
        return "unknown status '" + StatusHistory.shorten(text == null ? "" : text)
                + "': expected a national portal code 1 to 10 (TrangThaiHoSo)";
    }

    private static long fee(SourceRow row, Fields f) {
        Long total = f.longValue(FEE_TOTAL, 0, MAX_FEE);
        if (row.fees() == null) {
            return total == null ? 0 : total;
        }
        if (f.raw(FEE_TOTAL) != null) {
            f.error(FEES, "give TongPhiLePhi or DanhSachPhiLePhi, not both");
            return 0;
        }
        long sum = 0;
        for (int i = 0; i < row.fees().size(); i++) {
            String amount = row.fees().get(i);
            String where = FEES + "[" + (i + 1) + "]." + FEE_AMOUNT;
            if (amount == null || !AMOUNT.matcher(amount.strip()).matches()) {
                f.error(where, "expected a whole number of đồng, 0 or more");
                continue;
            }
            sum += Long.parseLong(amount.strip());
            if (sum > MAX_FEE) {
                f.error(FEES, "the total is beyond " + MAX_FEE + " đồng");
                return 0;
            }
        }
        return sum;
    }

    private static Instant first(List<StatusStep> history, DvcqgStatus status) {
        return history.stream()
                .filter(s -> s.status() == status)
                .map(StatusStep::at)
                .findFirst()
                .orElse(null);
    }

    private static Instant firstEnd(List<StatusStep> history) {
        return history.stream()
                .filter(s -> s.status().isEnd())
                .map(StatusStep::at)
                .findFirst()
                .orElse(null);
    }

    /** Closed supplement pauses after reception: each status-5 entry lasts until the next entry. */
    static long pausedAfter(List<StatusStep> history, Instant received) {
        if (received == null) {
            return 0;
        }
        long seconds = 0;
        for (int i = 0; i + 1 < history.size(); i++) {
            StatusStep step = history.get(i);
            if (step.status() == DvcqgStatus.SUPPLEMENT_REQUESTED && !step.at().isBefore(received)) {
                seconds += Duration.between(step.at(), history.get(i + 1).at()).toSeconds();
            }
        }
        return seconds;
    }

    private static void notBefore(Fields f, String field, Instant value, String otherField, Instant other) {
        if (value != null && other != null && value.isBefore(other) && !f.failed(field)) {
            f.error(field, "before " + otherField + ": the end comes before the start");
        }
    }

    private boolean plausible(Fields f, String field, Instant at, boolean mayBeAhead) {
        if (at.isBefore(EARLIEST)) {
            f.error(field, "before 2000-01-01: not a plausible date");
            return false;
        }
        if (!mayBeAhead && at.isAfter(latest)) {
            f.error(field, "in the future: a history holds only what already happened");
            return false;
        }
        return true;
    }

    private static String describe(DvcqgStatus status) {
        return status.code() + " (" + status.labelVi() + ")";
    }

    /** The row's fields, read with their errors collected. */
    private final class Fields {
        private final SourceRow row;
        private final List<RowError> errors = new ArrayList<>();

        Fields(SourceRow row) {
            this.row = row;
        }

        String raw(String name) {
            String value = row.values().get(name);
            if (value == null) {
                return null;
            }
            String stripped = value.strip();
            return stripped.isEmpty() ? null : stripped;
        }

        void error(String field, String message) {
            errors.add(new RowError(row.line(), field, message));
        }

        /** Whether {@code field} (or one of its entries, {@code field[i].x}) already has an error. */
        boolean failed(String field) {
            return errors.stream()
                    .anyMatch(e -> e.field().equals(field) || e.field().startsWith(field + "["));
        }

        boolean ok() {
            return errors.isEmpty();
        }

        Result result(ImportedDossier dossier) {
            return new Result(row.line(), errors.isEmpty() ? dossier : null, errors);
        }

        String code(String name, int max, boolean required) {
            String value = raw(name);
            if (value == null) {
                if (required) {
                    error(name, "required");
                }
                return null;
            }
            if (value.length() > max || !CODE_CHARS.matcher(value).matches()) {
                error(name, "not a code: letters, digits and . _ - / only, at most " + max + " characters");
                return null;
            }
            return value;
        }

        String unit(String name, boolean required) {
            String value = raw(name);
            if (value == null) {
                if (required) {
                    error(name, "required: the unit whose dossier this is");
                }
                return null;
            }
            if (value.length() > ImportLimits.MAX_UNIT_CODE
                    || !ImportHeader.UNIT_CODE.matcher(value).matches()) {
                error(
                        name,
                        "not a unit code: letters, digits and . _ - only, at most " + ImportLimits.MAX_UNIT_CODE
                                + " characters");
                return null;
            }
            return value;
        }

        /**
         * A label such as a field name (Vietnamese welcome): runs of white space, line breaks from a wrapped
         * spreadsheet cell included, become one space, so "Chứng thực,\nhộ tịch" groups with "Chứng thực, hộ tịch".
         */
        String label(String name, int max) {
            String value = text(name, Integer.MAX_VALUE, true);
            if (value == null) {
                return null;
            }
            String collapsed = WHITE_SPACE.matcher(value).replaceAll(" ");
            if (collapsed.length() > max) {
                error(name, "at most " + max + " characters");
                return null;
            }
            return collapsed;
        }

        /** Free text: no control characters other than line breaks and tabs (when allowed). */
        String text(String name, int max, boolean lineBreaksAllowed) {
            String value = raw(name);
            if (value == null) {
                return null;
            }
            if (value.length() > max) {
                error(name, "at most " + max + " characters");
                return null;
            }
            boolean bad = value.chars()
                    .anyMatch(c ->
                            Character.isISOControl(c) && !(lineBreaksAllowed && (c == '\n' || c == '\r' || c == '\t')));
            if (bad) {
                error(name, "contains control characters");
                return null;
            }
            return value;
        }

        Instant time(String name, boolean mayBeAhead) {
            String value = raw(name);
            if (value == null) {
                return null;
            }
            Instant at = PortalTimestamps.parse(value).orElse(null);
            if (at == null) {
                error(name, PortalTimestamps.problem(value));
                return null;
            }
            return plausible(this, name, at, mayBeAhead) ? at : null;
        }

        boolean flag(String name) {
            String value = raw(name);
            if (value == null) {
                return false;
            }
            return switch (value) {
                case "1", "true" -> true;
                case "0", "false" -> false;
                default -> {
                    error(name, "expected 0 or 1");
                    yield false;
                }
            };
        }

        Integer integer(String name, int min, int max) {
            Long value = longValue(name, min, max);
            return value == null ? null : value.intValue();
        }

        Long longValue(String name, long min, long max) {
            String value = raw(name);
            if (value == null) {
                return null;
            }
            if (!WHOLE_NUMBER.matcher(value).matches()) {
                error(name, "expected a whole number from " + min + " to " + max);
                return null;
            }
            long parsed = Long.parseLong(value);
            if (parsed < min || parsed > max) {
                error(name, "expected a whole number from " + min + " to " + max);
                return null;
            }
            return parsed;
        }
    }
}
