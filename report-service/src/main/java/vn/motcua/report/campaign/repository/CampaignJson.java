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
import java.util.Map;
import vn.motcua.report.campaign.domain.CampaignRow;

/**
 * campaign_report.rows_json: {@code [{"cells":{"key":"value",...},"sourceUnitCode":"...","sourceUnitName":"..."}]},
 * cells in the order saved. The template and source_report_ids are task/domain/TemplateJson's, their one home.
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

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + " but found " + actual);
        }
    }
}
