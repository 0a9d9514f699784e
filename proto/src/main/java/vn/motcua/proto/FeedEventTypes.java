package vn.motcua.proto;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Message;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.motcua.proto.digitization.v1.DigitizationEventsProto;
import vn.motcua.proto.dossier.v1.CalendarEventsProto;
import vn.motcua.proto.dossier.v1.CatalogEventsProto;
import vn.motcua.proto.dossier.v1.DossierEventsProto;
import vn.motcua.proto.dossier.v1.UnitEventsProto;
import vn.motcua.proto.feed.v1.FeedEventOptions;
import vn.motcua.proto.feed.v1.FeedEventOptionsProto;
import vn.motcua.proto.feedback.v1.FeedbackEventsProto;
import vn.motcua.proto.payment.v1.PaymentEventsProto;
import vn.motcua.proto.report.v1.TaskEventsProto;

/**
 * Every change-feed event type and the message that carries it, read from the {@code (motcua.feed.v1.feed_event)}
 * option of the messages in the events files. Producers may only write a declared (event type, message) pair, and
 * each consumer states for every declared event type whether it decodes or knowingly ignores it: the contract tests
 * on both sides read this one registry, so an event message added without a consumer decision breaks a build.
 */
public final class FeedEventTypes {

    /** Prefix of the type URL a payload is packed under ({@code Any.pack} uses the same). */
    public static final String TYPE_URL_PREFIX = "type.googleapis.com/";

    /**
     * The files declaring feed payloads; a new producer's events file (payment, digitization) is added here. Every
     * top-level message in them must carry the option: helper messages are nested in the event that uses them.
     */
    private static final List<FileDescriptor> EVENT_FILES = List.of(
            DossierEventsProto.getDescriptor(),
            FeedbackEventsProto.getDescriptor(),
            UnitEventsProto.getDescriptor(),
            CalendarEventsProto.getDescriptor(),
            CatalogEventsProto.getDescriptor(),
            PaymentEventsProto.getDescriptor(),
            DigitizationEventsProto.getDescriptor(),
            TaskEventsProto.getDescriptor());

    private static final Map<String, Declared> BY_EVENT_TYPE = load();

    /** One declared event type: its aggregate and the message its payload must be. */
    public record Declared(String eventType, String aggregateType, Descriptor message) {

        /** The {@link Any#getTypeUrl() type URL} the payload is packed under. */
        public String typeUrl() {
            return FeedEventTypes.typeUrl(message);
        }
    }

    private FeedEventTypes() {}

    /** Every declared event type, in declaration order. */
    public static Map<String, Declared> all() {
        return BY_EVENT_TYPE;
    }

    public static Optional<Declared> find(String eventType) {
        return Optional.ofNullable(BY_EVENT_TYPE.get(eventType));
    }

    /**
     * @throws IllegalArgumentException unless the message is the one declared for this event type and aggregate
     */
    public static Declared require(String aggregateType, String eventType, Message payload) {
        Declared declared = BY_EVENT_TYPE.get(eventType);
        if (declared == null) {
            throw new IllegalArgumentException("event type " + eventType + " is not declared by any feed event"
                    + " message (option motcua.feed.v1.feed_event in proto/)");
        }
        if (!declared.message()
                        .getFullName()
                        .equals(payload.getDescriptorForType().getFullName())
                || !declared.aggregateType().equals(aggregateType)) {
            throw new IllegalArgumentException("event type " + eventType + " is declared as " + declared.aggregateType()
                    + "/" + declared.message().getFullName() + ", not " + aggregateType + "/"
                    + payload.getDescriptorForType().getFullName());
        }
        return declared;
    }

    public static String typeUrl(Descriptor message) {
        return TYPE_URL_PREFIX + message.getFullName();
    }

    private static Map<String, Declared> load() {
        Map<String, Declared> byType = new LinkedHashMap<>();
        for (FileDescriptor file : EVENT_FILES) {
            for (Descriptor message : file.getMessageTypes()) {
                if (!message.getOptions().hasExtension(FeedEventOptionsProto.feedEvent)) {
                    throw new IllegalStateException(message.getFullName() + " in " + file.getName()
                            + " lacks option (motcua.feed.v1.feed_event); nest helper messages in their event");
                }
                FeedEventOptions options = message.getOptions().getExtension(FeedEventOptionsProto.feedEvent);
                if (options.getAggregateType().isEmpty()
                        || options.getEventTypesList().isEmpty()) {
                    throw new IllegalStateException(message.getFullName() + " declares no aggregate or event type");
                }
                for (String eventType : options.getEventTypesList()) {
                    Declared previous =
                            byType.put(eventType, new Declared(eventType, options.getAggregateType(), message));
                    if (previous != null) {
                        throw new IllegalStateException("event type " + eventType + " is declared by both "
                                + previous.message().getFullName() + " and " + message.getFullName());
                    }
                }
            }
        }
        return Collections.unmodifiableMap(byType);
    }
}
