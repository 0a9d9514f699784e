package vn.motcua.report.projection.repository;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.motcua.report.projection.domain.Contribution;
import vn.motcua.report.projection.domain.I766Counter;
import vn.motcua.report.projection.domain.StatCounter;

/**
 * dossier_fact.counted as JSON, written with a fixed key order so that equal contributions are equal text (the
 * rebuild-equals-incremental comparison reads the column):
 * {@code {"u":unit,"f":field,"p":procedure,"d":[["2026-11-27",[13 numbers]],...],"m":202611,"i":[14 numbers]}};
 * NULL for {@link Contribution#NONE}.
 */
final class CountedJson {

    private static final JsonFactory JSON = new JsonFactory();

    private CountedJson() {}

    static String write(Contribution c) {
        if (c == null || c.isNone()) {
            return null;
        }
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("u", c.unitCode());
            g.writeStringField("f", c.fieldCode());
            g.writeStringField("p", c.procedureCode());
            g.writeArrayFieldStart("d");
            for (Map.Entry<LocalDate, long[]> day : c.days().entrySet()) {
                g.writeStartArray();
                g.writeString(day.getKey().toString());
                g.writeArray(day.getValue(), 0, day.getValue().length);
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeNumberField("m", c.receptionMonth());
            g.writeArrayFieldStart("i");
            for (long v : c.i766()) {
                g.writeNumber(v);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static Contribution read(String text) {
        if (text == null || text.isBlank()) {
            return Contribution.NONE;
        }
        try (JsonParser p = JSON.createParser(text)) {
            String unit = null;
            String field = null;
            String procedure = null;
            int month = 0;
            long[] i766 = null;
            TreeMap<LocalDate, long[]> days = new TreeMap<>();
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "u" -> unit = p.getText();
                    case "f" -> field = p.getText();
                    case "p" -> procedure = p.getText();
                    case "m" -> month = p.getIntValue();
                    case "i" -> i766 = numbers(p, I766Counter.SIZE);
                    case "d" -> {
                        expect(p.currentToken(), JsonToken.START_ARRAY);
                        while (p.nextToken() == JsonToken.START_ARRAY) {
                            p.nextToken();
                            LocalDate day = LocalDate.parse(p.getText());
                            p.nextToken();
                            days.put(day, numbers(p, StatCounter.SIZE));
                            expect(p.nextToken(), JsonToken.END_ARRAY);
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            return new Contribution(unit, field, procedure, days, month, i766);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("dossier_fact.counted is not readable: " + text, e);
        }
    }

    private static long[] numbers(JsonParser p, int size) throws IOException {
        expect(p.currentToken(), JsonToken.START_ARRAY);
        List<Long> values = new ArrayList<>(size);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            values.add(p.getLongValue());
        }
        if (values.size() != size) {
            throw new IllegalStateException("expected " + size + " counters, found " + values.size());
        }
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalStateException("expected " + expected + ", found " + actual);
        }
    }
}
