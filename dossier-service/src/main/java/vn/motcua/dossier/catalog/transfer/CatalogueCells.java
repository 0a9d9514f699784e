package vn.motcua.dossier.catalog.transfer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.motcua.dossier.calendar.TimeLimitUnit;
import vn.motcua.dossier.catalog.Procedure;
import vn.motcua.dossier.catalog.domain.DraftRules;
import vn.motcua.dossier.catalog.domain.ProcedureDraft;
import vn.motcua.dossier.catalog.domain.ProcedureVersion;
import vn.motcua.dossier.catalog.domain.ReceivingUnit;
import vn.motcua.dossier.unit.UnitLevel;

/**
 * The columns of a catalogue file and how each cell reads and writes; one row is one procedure version.
 * <pre>
 * fees             JSON [{"name": "...", "amount": 8000, "legalBasis": "..."}] or  name:amount;name:amount
 *                  (legalBasis may be left out: none; the compact form has no legal basis)
 * components       JSON [{"name": "...", "originalRequired": true, "quantity": 1, "presentOnly": false}]
 *                  or  name|original|quantity|presentOnly;...   (original, quantity, presentOnly may be left out:
 *                  false, 1, false)
 * receiving_units  unit:competent;unit:competent   (":competent" may be left out when the unit decides itself)
 * booleans         true/false, 1/0, yes/no, x, có/không; empty is false
 * financial_obligation_pauses_clock   optional (files exported before it read as false)
 * online_fee_discount_percent         optional, whole number 0..100 (files exported before it, or empty: 0)
 * </pre>
 * Export writes the compact forms, and JSON where a name contains a separator or a fee has a legal basis, so that
 * every export imports again.
 */
final class CatalogueCells {

    /** Added with issue 16; a file exported before it has no such column, which reads as false. */
    static final String FINANCIAL_OBLIGATION_PAUSES_CLOCK = "financial_obligation_pauses_clock";

    /** Added with issue 11; a file exported before it has no such column, which reads as 0 (no discount). */
    static final String ONLINE_FEE_DISCOUNT_PERCENT = "online_fee_discount_percent";

    /** Columns a file may leave out: those added after files were first exported. */
    static final Set<String> OPTIONAL_COLUMNS = Set.of(FINANCIAL_OBLIGATION_PAUSES_CLOCK, ONLINE_FEE_DISCOUNT_PERCENT);

    static final List<String> COLUMNS = List.of(
            "code",
            "name",
            "field",
            "level",
            "time_limit_amount",
            "time_limit_unit",
            "online_level",
            "postal_allowed",
            "boundary_free_allowed",
            "requires_paper_result",
            "effective_on",
            "fees",
            "components",
            "receiving_units",
            FINANCIAL_OBLIGATION_PAUSES_CLOCK,
            ONLINE_FEE_DISCOUNT_PERCENT);

    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> TRUE = Set.of("true", "1", "yes", "y", "x", "có", "co");
    private static final Set<String> FALSE = Set.of("", "false", "0", "no", "n", "không", "khong");
    private static final int MAX_ITEMS = 1000;

    private CatalogueCells() {}

    /** The cells of one exported row, in {@link #COLUMNS} order. */
    static List<String> write(ProcedureVersion v) {
        Procedure p = v.procedure();
        return List.of(
                p.code(),
                p.name(),
                p.field(),
                p.level().name(),
                Long.toString(p.timeLimit().amount()),
                p.timeLimit().unit().name(),
                p.onlineLevel().name(),
                Boolean.toString(p.postalAllowed()),
                Boolean.toString(p.boundaryFreeAllowed()),
                Boolean.toString(v.requiresPaperResult()),
                v.effectiveOn() == null ? "" : v.effectiveOn().toString(),
                fees(p.fees()),
                components(p.components()),
                receivingUnits(v.receivingUnits()),
                Boolean.toString(p.financialObligationPausesClock()),
                Integer.toString(p.onlineFeeDiscountPercent()));
    }

    /** Reads a row; cell problems go to {@code problems} under the column name, the draft then has a gap there. */
    static ProcedureDraft read(SheetRow row, DraftRules.Problems problems) {
        return new ProcedureDraft(
                row.cell("code"),
                row.cell("name"),
                row.cell("field"),
                choice(row, "level", UnitLevel.class, problems),
                amount(row, problems),
                choice(row, "time_limit_unit", TimeLimitUnit.class, problems),
                readFees(row.cell("fees"), problems),
                choice(row, "online_level", Procedure.OnlineLevel.class, problems),
                bool(row, "postal_allowed", problems),
                bool(row, "boundary_free_allowed", problems),
                bool(row, "requires_paper_result", problems),
                bool(row, FINANCIAL_OBLIGATION_PAUSES_CLOCK, problems),
                discount(row, problems),
                readComponents(row.cell("components"), problems),
                readReceivingUnits(row.cell("receiving_units"), problems),
                row.cell("effective_on"));
    }

    private static <E extends Enum<E>> E choice(
            SheetRow row, String column, Class<E> type, DraftRules.Problems problems) {
        String value = row.cell(column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(column, "is not one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private static long amount(SheetRow row, DraftRules.Problems problems) {
        String value = row.cell("time_limit_amount");
        if (value.isEmpty()) {
            return 0;
        }
        Long parsed = wholeNumber(value);
        if (parsed == null) {
            problems.add("time_limit_amount", "is not a whole number");
            return 0;
        }
        return parsed;
    }

    /** Empty is 0; the range (0..100) is DraftRules'. */
    private static int discount(SheetRow row, DraftRules.Problems problems) {
        String value = row.cell(ONLINE_FEE_DISCOUNT_PERCENT);
        if (value.isEmpty()) {
            return 0;
        }
        Long parsed = value.length() <= 9 ? wholeNumber(value) : null;
        if (parsed == null) {
            problems.add(ONLINE_FEE_DISCOUNT_PERCENT, "is not a whole number");
            return 0;
        }
        return parsed.intValue();
    }

    private static boolean bool(SheetRow row, String column, DraftRules.Problems problems) {
        String value = row.cell(column).toLowerCase(Locale.ROOT);
        if (TRUE.contains(value)) {
            return true;
        }
        if (!FALSE.contains(value)) {
            problems.add(column, "is not true or false");
        }
        return false;
    }

    // ---- fees

    static String fees(List<Procedure.Fee> fees) {
        if (fees.stream()
                .anyMatch(f -> hasAny(f.name(), ":;")
                        || !f.name().equals(f.name().strip())
                        || !f.legalBasis().isEmpty())) {
            return json(g -> {
                for (Procedure.Fee f : fees) {
                    g.writeStartObject();
                    g.writeStringField("name", f.name());
                    g.writeNumberField("amount", f.amountDong());
                    if (!f.legalBasis().isEmpty()) {
                        g.writeStringField("legalBasis", f.legalBasis());
                    }
                    g.writeEndObject();
                }
            });
        }
        return String.join(
                ";", fees.stream().map(f -> f.name() + ":" + f.amountDong()).toList());
    }

    static List<Procedure.Fee> readFees(String cell, DraftRules.Problems problems) {
        List<Procedure.Fee> fees = new ArrayList<>();
        if (cell.startsWith("[")) {
            for (Map<String, Object> item : readJson(cell, "fees", problems)) {
                Object amount = item.containsKey("amount") ? item.get("amount") : item.get("amountDong");
                Object legalBasis = item.getOrDefault("legalBasis", "");
                if (!(item.get("name") instanceof String name)
                        || !(amount instanceof Long dong)
                        || !(legalBasis instanceof String basis)) {
                    problems.add(
                            "fees",
                            "each JSON item needs a text name and a whole-number amount, and a text legalBasis"
                                    + " where given");
                    return List.of();
                }
                fees.add(new Procedure.Fee(name, dong, basis));
            }
            return fees;
        }
        List<String> items = items(cell);
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            int colon = item.lastIndexOf(':');
            Long dong = colon < 0 ? null : wholeNumber(item.substring(colon + 1).strip());
            if (dong == null) {
                problems.add("fees", "item " + (i + 1) + " is not name:amount");
                return List.of();
            }
            fees.add(new Procedure.Fee(item.substring(0, colon).strip(), dong, ""));
        }
        return fees;
    }

    // ---- components

    static String components(List<Procedure.Component> components) {
        if (components.stream()
                .anyMatch(
                        c -> hasAny(c.name(), "|;") || !c.name().equals(c.name().strip()))) {
            return json(g -> {
                for (Procedure.Component c : components) {
                    g.writeStartObject();
                    g.writeStringField("name", c.name());
                    g.writeBooleanField("originalRequired", c.originalRequired());
                    g.writeNumberField("quantity", c.quantity());
                    g.writeBooleanField("presentOnly", c.presentOnly());
                    g.writeEndObject();
                }
            });
        }
        return String.join(
                ";",
                components.stream()
                        .map(c -> c.name() + "|" + c.originalRequired() + "|" + c.quantity() + "|" + c.presentOnly())
                        .toList());
    }

    static List<Procedure.Component> readComponents(String cell, DraftRules.Problems problems) {
        List<Procedure.Component> components = new ArrayList<>();
        if (cell.startsWith("[")) {
            for (Map<String, Object> item : readJson(cell, "components", problems)) {
                Object original = item.getOrDefault("originalRequired", Boolean.FALSE);
                Object quantity = item.getOrDefault("quantity", 1L);
                Object presentOnly = item.getOrDefault("presentOnly", Boolean.FALSE);
                if (!(item.get("name") instanceof String name)
                        || !(original instanceof Boolean o)
                        || !(quantity instanceof Long q)
                        || !(presentOnly instanceof Boolean po)) {
                    problems.add(
                            "components",
                            "each JSON item needs a text name, and booleans originalRequired,"
                                    + " presentOnly and a whole-number quantity where given");
                    return List.of();
                }
                components.add(new Procedure.Component(name, o, (int) Math.max(Math.min(q, Integer.MAX_VALUE), 0), po));
            }
            return components;
        }
        List<String> items = items(cell);
        for (int i = 0; i < items.size(); i++) {
            String[] parts = items.get(i).split("\\|", -1);
            Boolean original = parts.length > 1 ? flag(parts[1]) : Boolean.FALSE;
            Long quantity = parts.length > 2 ? wholeNumber(parts[2].strip()) : Long.valueOf(1);
            Boolean presentOnly = parts.length > 3 ? flag(parts[3]) : Boolean.FALSE;
            if (parts.length > 4
                    || original == null
                    || quantity == null
                    || presentOnly == null
                    || quantity > Integer.MAX_VALUE) {
                problems.add("components", "item " + (i + 1) + " is not name|original|quantity|presentOnly");
                return List.of();
            }
            components.add(new Procedure.Component(parts[0].strip(), original, quantity.intValue(), presentOnly));
        }
        return components;
    }

    // ---- receiving units

    static String receivingUnits(List<ReceivingUnit> units) {
        return String.join(
                ";",
                units.stream()
                        .map(u -> u.unitCode() + ":" + u.competentUnitCode())
                        .toList());
    }

    static List<ReceivingUnit> readReceivingUnits(String cell, DraftRules.Problems problems) {
        List<ReceivingUnit> units = new ArrayList<>();
        List<String> items = items(cell);
        for (int i = 0; i < items.size(); i++) {
            String[] parts = items.get(i).split(":", -1);
            if (parts.length > 2 || parts[0].isBlank()) {
                problems.add("receiving_units", "item " + (i + 1) + " is not unit:competent_unit");
                return List.of();
            }
            String unit = parts[0].strip();
            units.add(new ReceivingUnit(unit, parts.length == 2 && !parts[1].isBlank() ? parts[1].strip() : unit));
        }
        return units;
    }

    // ---- helpers

    private static List<String> items(String cell) {
        if (cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split(";", MAX_ITEMS + 1))
                .filter(s -> !s.isBlank())
                .toList();
    }

    private static Boolean flag(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return TRUE.contains(v) ? Boolean.TRUE : FALSE.contains(v) ? Boolean.FALSE : null;
    }

    private static Long wholeNumber(String value) {
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(value);
    }

    private static boolean hasAny(String text, String characters) {
        return text.chars().anyMatch(ch -> characters.indexOf(ch) >= 0);
    }

    /** A JSON array of flat objects: strings, booleans and whole numbers; anything else is a problem. */
    private static List<Map<String, Object>> readJson(String cell, String column, DraftRules.Problems problems) {
        List<Map<String, Object>> items = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(cell)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("not an array");
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token != JsonToken.START_OBJECT || items.size() >= MAX_ITEMS) {
                    throw new IOException("not an array of objects");
                }
                Map<String, Object> item = new LinkedHashMap<>();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    item.put(
                            field,
                            switch (value) {
                                case VALUE_STRING -> parser.getText();
                                case VALUE_TRUE, VALUE_FALSE -> parser.getBooleanValue();
                                case VALUE_NUMBER_INT -> parser.getLongValue();
                                default -> throw new IOException("unexpected " + value);
                            });
                }
                items.add(item);
            }
            if (parser.nextToken() != null) {
                throw new IOException("text after the array");
            }
        } catch (IOException | RuntimeException e) {
            problems.add(column, "is not a JSON array of items");
            return List.of();
        }
        return items;
    }

    private static String json(JsonWriting body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            body.write(g);
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @FunctionalInterface
    private interface JsonWriting {
        void write(JsonGenerator g) throws IOException;
    }
}
