package vn.motcua.report.task.domain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * task_item.template_json, the one home of its shape:
 * {@code {"columns":[{"key":"k","label":"L","type":"INTEGER","required":true}],"prefill":"PROCEDURES"}} (enum names
 * of {@link ColumnType} and {@link TemplatePrefill}). Also the JSON string arrays of task_progress.document_ids.
 */
public final class TemplateJson {

    private static final JsonFactory JSON = new JsonFactory();

    private TemplateJson() {}

    public static String write(CampaignTemplate template) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("columns");
            for (TemplateColumn c : template.columns()) {
                g.writeStartObject();
                g.writeStringField("key", c.key());
                g.writeStringField("label", c.label());
                g.writeStringField("type", c.type().name());
                g.writeBooleanField("required", c.required());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeStringField("prefill", template.prefill().name());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static CampaignTemplate read(String json) {
        List<TemplateColumn> columns = new ArrayList<>();
        TemplatePrefill prefill = TemplatePrefill.NONE;
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if ("columns".equals(field)) {
                    expect(p.currentToken(), JsonToken.START_ARRAY);
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        columns.add(column(p));
                    }
                } else if ("prefill".equals(field)) {
                    prefill = TemplatePrefill.valueOf(p.getText());
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("unreadable template_json", e);
        }
        return new CampaignTemplate(columns, prefill);
    }

    private static TemplateColumn column(JsonParser p) throws IOException {
        String key = null;
        String label = null;
        ColumnType type = null;
        boolean required = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "key" -> key = p.getText();
                case "label" -> label = p.getText();
                case "type" -> type = ColumnType.valueOf(p.getText());
                case "required" -> required = p.getBooleanValue();
                default -> p.skipChildren();
            }
        }
        return new TemplateColumn(key, label, type, required);
    }

    public static String writeStrings(List<String> values) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (String v : values) {
                g.writeString(v);
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static List<String> readStrings(String json) {
        List<String> values = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return values;
        }
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.VALUE_STRING) {
                values.add(p.getText());
            }
        } catch (IOException e) {
            throw new IllegalStateException("unreadable JSON string array", e);
        }
        return values;
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalStateException("expected " + expected + ", found " + actual);
        }
    }
}
