package vn.motcua.gateway.dossier;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import vn.motcua.gateway.problem.ProblemException;

/**
 * A request body read as exactly one JSON document. Micronaut's mapper stops after the first value, so
 * {@code {..}{..}} or {@code {..} junk} would otherwise be accepted as the first object; and the document
 * {@code null} comes back as a Java null. Both would let a malformed body through (or crash a reader).
 */
public final class JsonDocument {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final char REPLACEMENT = '\uFFFD';

    private JsonDocument() {}

    /**
     * The parsed document (JSON null as a null node); anything but one JSON value is 400 MALFORMED_REQUEST, and so is
     * text that is not UTF-8 or holds a lone surrogate.
     */
    public static JsonNode parse(JsonMapper json, String body) {
        // the body reaches us decoded leniently: bytes that are not UTF-8 became U+FFFD, which no one types
        if (body.indexOf(REPLACEMENT) >= 0) {
            throw ProblemException.malformed("the body is not valid UTF-8 text");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        JsonNode node;
        try {
            requireOneValue(bytes);
        } catch (BadText e) {
            throw ProblemException.malformed(e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw ProblemException.malformed("the body is not valid JSON");
        }
        try {
            node = json.readValue(bytes, JsonNode.class);
        } catch (IOException | RuntimeException e) {
            // the parser's message quotes the input and names classes: say only what the client must fix
            throw ProblemException.malformed("the body is not valid JSON");
        }
        return node == null ? JsonNode.nullNode() : node;
    }

    /** Reads every token: exactly one value, and no name or string with a lone surrogate or U+FFFD. */
    private static void requireOneValue(byte[] bytes) throws IOException {
        try (JsonParser parser = FACTORY.createParser(bytes)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new IOException("no JSON value");
            }
            for (int depth = 0; ; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING) {
                    requireWellFormed(parser.getText());
                }
                depth += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            if (parser.nextToken() != null) {
                throw new IOException("more than one JSON value");
            }
        }
    }

    private static void requireWellFormed(String text) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == REPLACEMENT) {
                throw new BadText("the body is not valid UTF-8 text");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                // an escaped \uD800 without its pair: protobuf would replace it (and log a stack trace) further on
                throw new BadText("the body holds a lone surrogate (\\uD800-\\uDFFF without its pair)");
            }
        }
    }

    /** Text the client must fix, with the message it gets. */
    private static final class BadText extends IOException {

        BadText(String message) {
            super(message, null);
        }
    }
}
