package vn.motcua.dossier.catalog.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import vn.motcua.dossier.catalog.Procedure;
import vn.motcua.dossier.common.PrintableText;
import vn.motcua.platform.error.FieldViolation;

/**
 * What a procedure version must satisfy before it is stored (Decree 63/2010 Art 8(2) fields the platform needs).
 * Every problem is reported at once. Field names are the catalogue file's column names; the caller decides how
 * they are shown ("draft.name" on the API, "row 7: name" for an import).
 */
public final class DraftRules {

    /** National TTHC code (1.001193) or its provincial variant (1.004194.000.00.00.H12). */
    public static final Pattern PROCEDURE_CODE =
            Pattern.compile("\\d\\.\\d{6}(\\.\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2})?");

    public static final int MAX_NAME = 500;
    static final int MAX_FIELD = 255;
    static final int MAX_FEES = 50;
    static final int MAX_COMPONENTS = 100;
    static final int MAX_QUANTITY = 100;
    static final int MAX_RECEIVING_UNITS = 1000;
    static final long MAX_FEE_DONG = 1_000_000_000_000L;
    /** payment-service keeps a payment line's legal basis in 500 characters (and counts UTF-16 units). */
    static final int MAX_LEGAL_BASIS = 500;

    static final int MAX_DISCOUNT_PERCENT = 100;
    private static final String FORMULA_START = "=+-@";
    private static final Pattern LINE_BREAK = Pattern.compile("[\\n\\r\\t\\u2028\\u2029]");
    private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

    private DraftRules() {}

    /**
     * @param name       turns a column name (or "fees[1].amount") into the reported field name
     * @param unitExists whether a unit code is a known administrative unit
     */
    public static List<FieldViolation> check(
            ProcedureDraft d, Function<String, String> name, Predicate<String> unitExists) {
        List<FieldViolation> problems = new ArrayList<>();
        Problems p = (field, description) -> problems.add(new FieldViolation(name.apply(field), description));
        if (blank(d.code())) {
            p.add("code", "is required");
        } else if (!PROCEDURE_CODE.matcher(d.code()).matches()) {
            p.add("code", "is not a TTHC code such as 1.001193 or 1.004194.000.00.00.H12");
        }
        catalogueText(p, "name", d.name(), MAX_NAME);
        catalogueText(p, "field", d.field(), MAX_FIELD);
        if (d.level() == null) {
            p.add("level", "is required (COMMUNE, DISTRICT or PROVINCE)");
        }
        if (d.timeLimitUnit() == null) {
            p.add("time_limit_unit", "is required (WORKING_DAYS, WORKING_HOURS, CALENDAR_DAYS or MONTHS)");
        }
        if (d.timeLimitAmount() <= 0) {
            p.add("time_limit_amount", "must be greater than 0");
        } else if (d.timeLimitUnit() != null
                && d.timeLimitAmount() > d.timeLimitUnit().maxAmount()) {
            p.add("time_limit_amount", "at most " + d.timeLimitUnit().maxAmount() + " " + d.timeLimitUnit());
        }
        if (d.onlineLevel() == null) {
            p.add("online_level", "is required (NONE, PARTIAL or FULL)");
        }
        fees(p, d.fees());
        if (d.onlineFeeDiscountPercent() < 0 || d.onlineFeeDiscountPercent() > MAX_DISCOUNT_PERCENT) {
            p.add("online_fee_discount_percent", "must be between 0 and " + MAX_DISCOUNT_PERCENT);
        }
        components(p, d.components());
        receivingUnits(p, d.receivingUnits(), unitExists);
        date(p, "effective_on", d.effectiveOn(), true);
        return problems;
    }

    /** An optional or required ISO date (YYYY-MM-DD) within a sane range. */
    public static void date(Problems p, String field, String value, boolean required) {
        if (blank(value)) {
            if (required) {
                p.add(field, "is required (YYYY-MM-DD)");
            }
            return;
        }
        LocalDate date = parseDate(value);
        if (date == null) {
            p.add(field, "is not a date (YYYY-MM-DD)");
        } else if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            p.add(field, "must be between " + EARLIEST + " and " + LATEST);
        }
    }

    /** @return the date, or null when the text is not exactly YYYY-MM-DD */
    public static LocalDate parseDate(String value) {
        if (value == null || value.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Free text: bounded, no control or format characters (line breaks allowed). */
    public static void text(Problems p, String field, String value, boolean required, int max) {
        if (blank(value)) {
            if (required) {
                p.add(field, "is required");
            }
        } else if (value.codePointCount(0, value.length()) > max) {
            p.add(field, "at most " + max + " characters");
        } else if (!PrintableText.isPrintable(value)) {
            p.add(field, "contains control characters");
        }
    }

    /**
     * Text of one line (a name, a decision number): like {@link #text}, and a line break or tab is refused too, as it
     * would break the listing, the exported row and the forms that print it.
     */
    public static void line(Problems p, String field, String value, boolean required, int max) {
        text(p, field, value, required, max);
        if (!blank(value)
                && value.codePointCount(0, value.length()) <= max
                && LINE_BREAK.matcher(value).find()) {
            p.add(field, "must be one line");
        }
    }

    /**
     * Required text that is also exported: it must not start like a spreadsheet formula, or opening an exported
     * CSV in Excel could run it (CSV injection).
     */
    private static void catalogueText(Problems p, String field, String value, int max) {
        line(p, field, value, true, max);
        if (!blank(value) && FORMULA_START.indexOf(value.strip().charAt(0)) >= 0) {
            p.add(field, "must not start with " + String.join(" ", FORMULA_START.split("")));
        }
    }

    private static void fees(Problems p, List<Procedure.Fee> fees) {
        if (fees.size() > MAX_FEES) {
            p.add("fees", "at most " + MAX_FEES + " items");
            return;
        }
        for (int i = 0; i < fees.size(); i++) {
            Procedure.Fee fee = fees.get(i);
            catalogueText(p, "fees[" + i + "].name", fee.name(), MAX_FIELD);
            if (fee.amountDong() < 0 || fee.amountDong() > MAX_FEE_DONG) {
                p.add("fees[" + i + "].amount", "must be between 0 and " + MAX_FEE_DONG + " đồng");
            }
            legalBasis(p, "fees[" + i + "].legal_basis", fee.legalBasis());
        }
    }

    /**
     * Optional, else like a fee's name (one line, exported, so no formula start). A character outside the BMP would
     * count twice in payment-service's limit, and has no place in the name of a legal instrument anyway.
     */
    private static void legalBasis(Problems p, String field, String value) {
        if (blank(value)) {
            return;
        }
        // not blank here, so catalogueText's "required" never fires: it only adds the one-line and formula checks
        catalogueText(p, field, value, MAX_LEGAL_BASIS);
        if (value.length() > MAX_LEGAL_BASIS && value.codePointCount(0, value.length()) <= MAX_LEGAL_BASIS) {
            p.add(field, "at most " + MAX_LEGAL_BASIS + " characters");
        }
    }

    private static void components(Problems p, List<Procedure.Component> components) {
        if (components.size() > MAX_COMPONENTS) {
            p.add("components", "at most " + MAX_COMPONENTS + " items");
            return;
        }
        for (int i = 0; i < components.size(); i++) {
            Procedure.Component c = components.get(i);
            catalogueText(p, "components[" + i + "].name", c.name(), MAX_NAME);
            if (c.quantity() < 1 || c.quantity() > MAX_QUANTITY) {
                p.add("components[" + i + "].quantity", "must be between 1 and " + MAX_QUANTITY);
            }
        }
    }

    private static void receivingUnits(Problems p, List<ReceivingUnit> units, Predicate<String> unitExists) {
        if (units.isEmpty()) {
            p.add("receiving_units", "at least one receiving unit is required");
            return;
        }
        if (units.size() > MAX_RECEIVING_UNITS) {
            p.add("receiving_units", "at most " + MAX_RECEIVING_UNITS + " units");
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < units.size(); i++) {
            ReceivingUnit u = units.get(i);
            String at = "receiving_units[" + i + "]";
            unit(p, at + ".unit_code", u.unitCode(), unitExists);
            unit(p, at + ".competent_unit_code", u.competentUnitCode(), unitExists);
            if (!blank(u.unitCode()) && !seen.add(u.unitCode())) {
                p.add(at + ".unit_code", "unit " + u.unitCode() + " is listed twice");
            }
        }
    }

    private static void unit(Problems p, String field, String code, Predicate<String> unitExists) {
        if (blank(code)) {
            p.add(field, "is required");
        } else if (code.length() > 32 || !unitExists.test(code)) {
            p.add(field, "unit " + abbreviate(code) + " does not exist");
        }
    }

    static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Collects one problem. */
    @FunctionalInterface
    public interface Problems {
        void add(String field, String description);
    }
}
