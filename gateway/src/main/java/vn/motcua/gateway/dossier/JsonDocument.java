package vn.motcua.gateway.dossier;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import vn.motcua.gateway.problem.ProblemException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A request body read as exactly one JSON document. Micronaut's mapper stops after the first value, so
 * {@code {..}{..}} or {@code {..} junk} would otherwise be accepted as the first object; and the document
 * {@code null} comes back as a Java null. Both would let a malformed body through (or crash a reader).
 */
public final class JsonDocument {

    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonDocument() {
    }

    /** The parsed document (JSON null as a null node); anything but one JSON value is 400 MALFORMED_REQUEST. */
    public static JsonNode parse(JsonMapper json, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        JsonNode node;
        try {
            requireOneValue(bytes);
            node = json.readValue(bytes, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            // the parser's message quotes the input and names classes: say only what the client must fix
            throw ProblemException.malformed("the body is not valid JSON");
        }
        return node == null ? JsonNode.nullNode() : node;
    }

    private static void requireOneValue(byte[] bytes) throws IOException {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            if (parser.nextToken() == null) {
                throw new IOException("no JSON value");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new IOException("more than one JSON value");
            }
        }
    }
}
