package vn.motcua.digitization.feed.service;

import com.google.protobuf.Message;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import vn.motcua.digitization.feed.domain.DigitizationEvent;
import vn.motcua.digitization.feed.domain.DossierFlags;
import vn.motcua.platform.feed.OutboxEntry;
import vn.motcua.platform.feed.OutboxWriter;

/**
 * Writes this service's change-feed events in the transaction of the change (platform OutboxWriter): aggregate
 * {@value #DOSSIER_AGGREGATE} (id = the dossier's stable key, unit = its receiving unit) with payload
 * {@code DigitizationChanged}, and {@value #COPY_AGGREGATE} (id = the certificate number, unit = the certifying
 * unit) with {@code CertifiedCopyChanged}. The gRPC adapter's {@link Encoder} builds the generated messages.
 */
@Singleton
public class DigitizationFeed {

    public static final String DOSSIER_AGGREGATE = "dossier_digitization";
    public static final String COPY_AGGREGATE = "certified_copy";
    public static final String COPY_ISSUED = "digitization.certified_copy_issued";

    private final OutboxWriter outbox;
    private final Encoder encoder;
    private final DossierFlagsRepository flags;

    public DigitizationFeed(OutboxWriter outbox, Encoder encoder, DossierFlagsRepository flags) {
        this.outbox = outbox;
        this.encoder = encoder;
        this.flags = flags;
    }

    /** Builds the generated messages; implemented by the gRPC adapter. */
    public interface Encoder {
        Message digitizationChanged(DigitizationEvent event);

        Message certifiedCopyChanged(String certificateNumber, String unitCode, java.time.Instant certifiedAt);
    }

    /** The dossier-wide flags as they stand inside the current transaction. */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public DossierFlags flags(String dossierKey) {
        return flags.of(dossierKey);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void append(DigitizationEvent event) {
        outbox.append(new OutboxEntry(
                DOSSIER_AGGREGATE,
                event.dossierKey(),
                event.type().feedType(),
                event.receivingUnitCode(),
                event.occurredAt(),
                encoder.digitizationChanged(event)));
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void copyIssued(String certificateNumber, String unitCode, java.time.Instant certifiedAt) {
        outbox.append(new OutboxEntry(
                COPY_AGGREGATE,
                certificateNumber,
                COPY_ISSUED,
                unitCode,
                certifiedAt,
                encoder.certifiedCopyChanged(certificateNumber, unitCode, certifiedAt)));
    }
}
