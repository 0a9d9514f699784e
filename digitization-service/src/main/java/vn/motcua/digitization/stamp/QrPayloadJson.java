package vn.motcua.digitization.stamp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The text a stamp's QR code carries: compact JSON of the payload in a fixed key order, Vietnamese left as is (the QR
 * is encoded in byte mode as UTF-8, so "Giấy khai sinh" costs fewer modules than its \\u escapes would).
 */
final class QrPayloadJson {

    private static final JsonFactory JSON = new JsonFactory();

    private QrPayloadJson() {}

    static String of(QrPayload payload) {
        StringWriter out = new StringWriter(160);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("dossierCode", payload.dossierCode());
            json.writeStringField("procedureCode", payload.procedureCode());
            json.writeStringField("applicantId", payload.applicantId());
            json.writeStringField("documentName", payload.documentName());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
