package vn.motcua.platform.testing;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import vn.motcua.proto.FeedEventTypes;

/**
 * Reads an outbox row's payload (columns payload_type, payload) back through the declared message and renders it as
 * compact proto JSON: lowerCamelCase field names, enum value names, RFC 3339 times, default scalars included, unset
 * optional fields left out. Lets tests assert on the stored event (and on the absence of personal data) as text.
 */
public final class FeedPayloads {

    /** The outbox columns a feed assertion selects: {@code SELECT ..., payload_type, payload FROM feed_outbox}. */
    public static final String COLUMNS = "payload_type, payload";

    private static final JsonFormat.Printer PRINTER =
            JsonFormat.printer().omittingInsignificantWhitespace().includingDefaultValueFields();

    private FeedPayloads() {}

    public static String json(String payloadType, byte[] payload) {
        Descriptor message = FeedEventTypes.all().values().stream()
                .map(FeedEventTypes.Declared::message)
                .filter(d -> d.getFullName().equals(payloadType))
                .findFirst()
                .orElseThrow(() -> new AssertionError("outbox payload type " + payloadType + " is not declared"));
        try {
            return PRINTER.print(DynamicMessage.parseFrom(message, payload));
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError("outbox payload is not a readable " + payloadType, e);
        }
    }
}
