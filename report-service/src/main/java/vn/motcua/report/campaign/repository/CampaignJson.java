package vn.motcua.report.campaign.repository;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.motcua.report.campaign.domain.CampaignRow;
import vn.motcua.report.task.domain.CampaignTemplate;
import vn.motcua.report.task.domain.ColumnType;
import vn.motcua.report.task.domain.TemplateColumn;
import vn.motcua.report.task.domain.TemplatePrefill;

/**
 * The JSON columns of campaign_report (rows_json, source_report_ids) and the reading of task_item.template_json.
 * Rows: {@code [{"cells":{"key":"value",...},"sourceUnitCode":"...","sourceUnitName":"..."}]}, cells in the order
 * saved. Template: {@code {"columns":[{"key":..,"label":..,"type":"INTEGER","required":true}],"prefill":"NONE"}}, the
 * record's own shape; a type or prefill with its proto prefix (COLUMN_TYPE_, TEMPLATE_PREFILL_) is read too.
 */
public final class CampaignJson {

    private static final JsonFactory JSON = new JsonFactory();

    private CampaignJson() {}

    public static String writeRows(List<CampaignRow> rows) {
        StringWriter out = new StringWriter(64 + rows.size() * 64);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (CampaignRow row : rows) {
                g.writeStartObject();
                g.writeObjectFieldStart("cells");
                for (Map.Entry<String, String> cell : row.cells().entrySet()) {
                    g.writeStringField(cell.getKey(), cell.getValue());
                }
                g.writeEndObject();
                if (row.sourceUnitCode() != null) {
                    g.writeStringField("sourceUnitCode", row.sourceUnitCode());
                    g.writeStringField("sourceUnitName", row.sourceUnitName());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static List<CampaignRow> readRows(String json) {
        List<CampaignRow> rows = new ArrayList<>();
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                Map<String, String> cells = new LinkedHashMap<>();
                String code = null;
                String name = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    switch (field) {
                        case "cells" -> {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String key = p.currentName();
                                p.nextToken();
                                cells.put(key, p.getValueAsString());
                            }
                        }
                        case "sourceUnitCode" -> code = p.getValueAsString();
                        case "sourceUnitName" -> name = p.getValueAsString();
                        default -> p.skipChildren();
                    }
                }
                rows.add(new CampaignRow(cells, code, name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    public static String writeIds(List<String> ids) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (String id : ids) {
                g.writeString(id);
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static List<String> readIds(String json) {
        List<String> ids = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return ids;
        }
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.VALUE_STRING) {
                ids.add(p.getText());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }

    /** @return null for a task without template (not a campaign) */
    public static CampaignTemplate readTemplate(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        List<TemplateColumn> columns = new ArrayList<>();
        TemplatePrefill prefill = TemplatePrefill.NONE;
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "columns" -> {
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            columns.add(column(p));
                        }
                    }
                    case "prefill" ->
                        prefill = TemplatePrefill.valueOf(unprefixed(p.getValueAsString(), "TEMPLATE_PREFILL_"));
                    default -> p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CampaignTemplate(columns, prefill);
    }

    /** The template as {@link #readTemplate} reads it (tests insert tasks with it). */
    public static String writeTemplate(CampaignTemplate template) {
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

    private static TemplateColumn column(JsonParser p) throws IOException {
        String key = null;
        String label = null;
        ColumnType type = null;
        boolean required = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "key" -> key = p.getValueAsString();
                case "label" -> label = p.getValueAsString();
                case "type" -> type = ColumnType.valueOf(unprefixed(p.getValueAsString(), "COLUMN_TYPE_"));
                case "required" -> required = p.getValueAsBoolean();
                default -> p.skipChildren();
            }
        }
        return new TemplateColumn(key, label, type, required);
    }

    private static String unprefixed(String value, String prefix) {
        String upper = value.toUpperCase(Locale.ROOT);
        return upper.startsWith(prefix) ? upper.substring(prefix.length()) : upper;
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + " but found " + actual);
        }
    }
}
