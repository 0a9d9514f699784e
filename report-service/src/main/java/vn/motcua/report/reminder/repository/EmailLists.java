package vn.motcua.report.reminder.repository;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** task_contact's address lists are JSON arrays of strings (V6). */
final class EmailLists {

    private static final JsonFactory JSON = new JsonFactory();

    private EmailLists() {}

    static String write(List<String> addresses) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (String a : addresses) {
                g.writeString(a);
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static List<String> read(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        List<String> addresses = new ArrayList<>();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalStateException("task_contact: not a JSON array: " + json);
            }
            while (p.nextToken() == JsonToken.VALUE_STRING) {
                addresses.add(p.getText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(addresses);
    }
}
