package vn.motcua.dossier.dossier.service;

import com.google.protobuf.Message;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import vn.motcua.dossier.calendar.DeadlineState;
import vn.motcua.dossier.dossier.domain.Channel;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierState;
import vn.motcua.dossier.dossier.repository.PauseRepository;
import vn.motcua.dossier.unit.UnitDirectory;
import vn.motcua.platform.feed.OutboxEntry;
import vn.motcua.platform.feed.OutboxWriter;

/**
 * Writes dossier events to the change feed (architecture.md §6) with the fields report building needs, and no
 * personal data: no applicant name, id, contact or free text. Every event carries the whole reporting picture of
 * the dossier after the change, so a consumer never has to join earlier events to classify it: the payload is
 * {@code motcua.dossier.v1.DossierChanged} (proto/motcua/dossier/v1/dossier_events.proto documents every field),
 * plus the event-specific {@link Detail}.
 * <p>
 * This class gathers the facts (unit path, pauses); the gRPC adapter's {@link Encoder} turns them into the
 * generated message, so service code stays free of generated proto classes.
 */
@Singleton
public class DossierFeed {

    static final String AGGREGATE_TYPE = "dossier";

    private final OutboxWriter outbox;
    private final Encoder encoder;
    private final UnitDirectory units;
    private final PauseRepository pauses;

    public DossierFeed(OutboxWriter outbox, Encoder encoder, UnitDirectory units, PauseRepository pauses) {
        this.outbox = outbox;
        this.encoder = encoder;
        this.units = units;
        this.pauses = pauses;
    }

    /** Builds the {@code DossierChanged} message; implemented by the gRPC adapter. */
    public interface Encoder {
        /**
         * @param unitPath the receiving unit's ancestry, root first
         * @param pauses   every pause of the dossier, oldest first
         */
        Message changed(
                String cause,
                Dossier d,
                DossierState from,
                Instant submittedAt,
                List<String> unitPath,
                List<PauseRepository.StoredPause> pauses,
                Detail detail);
    }

    /** Event-specific facts, free of personal data. */
    public sealed interface Detail {
        Detail NONE = new None();

        /** How the result was handed over (dossier.result_returned); {@link #NONE} when null. */
        static Detail returnChannel(Channel channel) {
            return channel == null ? NONE : new ReturnChannel(channel);
        }

        record None() implements Detail {}

        record ReturnChannel(Channel channel) implements Detail {
            public ReturnChannel {
                Objects.requireNonNull(channel, "channel");
            }
        }

        /**
         * dossier.assigned: the officer (username) now in charge, for report-service's Circular 01/2018 officer scores
         * (a public servant's account name, not an applicant's data).
         */
        record Assignee(String username) implements Detail {
            public Assignee {
                Objects.requireNonNull(username, "username");
            }
        }

        /** dossier.near_due, dossier.overdue. */
        record Deadline(DeadlineState state) implements Detail {
            public Deadline {
                Objects.requireNonNull(state, "state");
            }
        }

        /** dossier.rated: the scores; the applicant's comment stays in dossier_rating. */
        record Rating(
                int timeScore,
                int contactsScore,
                int agenciesScore,
                int attitudeScore,
                boolean satisfied,
                Instant ratedAt)
                implements Detail {}
    }

    /**
     * Appends one event inside the caller's transaction; call it as the last statement (the feed counter stays
     * locked until commit).
     *
     * @param cause  the lifecycle event name, null for events that are not transitions (sweep, rating)
     * @param from   the state before the change; null for a creation
     * @param detail event-specific facts, {@link Detail#NONE} if none
     */
    public void append(
            String eventType,
            String cause,
            Dossier d,
            DossierState from,
            Instant submittedAt,
            Instant now,
            Detail detail) {
        Message payload = encoder.changed(
                cause,
                d,
                from,
                submittedAt,
                units.tree().path(d.receivingUnitCode()),
                pauses.forDossier(d.code()),
                detail);
        outbox.append(new OutboxEntry(AGGREGATE_TYPE, d.code(), eventType, d.receivingUnitCode(), now, payload));
    }
}
