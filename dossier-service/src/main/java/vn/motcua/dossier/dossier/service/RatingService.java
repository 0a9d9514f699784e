package vn.motcua.dossier.dossier.service;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.motcua.dossier.dossier.domain.Dossier;
import vn.motcua.dossier.dossier.domain.DossierState;
import vn.motcua.dossier.dossier.repository.DossierRepository;
import vn.motcua.dossier.dossier.repository.DossierRepository.StoredDossier;
import vn.motcua.dossier.dossier.repository.RatingRepository;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;
import vn.motcua.platform.idempotency.RequestIdempotency;

/**
 * Citizen satisfaction per dossier (domain.md §9.3, §13.3): the applicant rates once, after the result was returned
 * or the dossier was refused or rejected (Forms 03). The raw answers are kept; the feed event carries the scores
 * (no comment) so report-service can derive the Circular 01/2018 indicators and the Decision 766 "dislike" input.
 */
@Singleton
public class RatingService {

    static final String OPERATION = "RateDossier";
    static final String EVENT_TYPE = "dossier.rated";
    private static final Set<DossierState> RATEABLE =
            EnumSet.of(DossierState.RETURNED, DossierState.REFUSED, DossierState.REJECTED);

    private final TransactionOperations<Connection> tx;
    private final DossierRepository dossiers;
    private final RatingRepository ratings;
    private final RequestIdempotency idempotency;
    private final DossierQueryService queries;
    private final DossierFeed feed;
    private final Clock clock;

    public RatingService(
            TransactionOperations<Connection> tx,
            DossierRepository dossiers,
            RatingRepository ratings,
            RequestIdempotency idempotency,
            DossierQueryService queries,
            DossierFeed feed,
            Clock clock) {
        this.tx = tx;
        this.dossiers = dossiers;
        this.ratings = ratings;
        this.idempotency = idempotency;
        this.queries = queries;
        this.feed = feed;
        this.clock = clock;
    }

    /** @return the rated dossier's code */
    public String rate(Caller caller, RateCommand command) {
        Instant now = clock.instant();
        validate(command);
        String fingerprint = command.fingerprint();
        return tx.executeWrite(status -> {
            RequestIdempotency.Claim claim =
                    idempotency.claim(caller, OPERATION, command.requestId(), fingerprint, now);
            if (claim.isReplay()) {
                return claim.resultRef();
            }
            StoredDossier stored = dossiers.findStored(command.code())
                    .filter(s -> queries.isVisible(caller, s.dossier()))
                    .orElseThrow(() -> DomainException.notFound("dossier"));
            Dossier d = stored.dossier();
            if (!caller.hasRole(Roles.CITIZEN)
                    || caller.citizen().isEmpty()
                    || !Objects.equals(caller.citizenId(), d.applicant().citizenId())) {
                throw DomainException.permissionDenied("only the applicant rates a dossier");
            }
            if (!RATEABLE.contains(d.state())) {
                throw DomainException.ruleViolated(
                        "RATING_NOT_OPEN", "a dossier is rated after its result is returned, or after a refusal");
            }
            if (!ratings.insert(new RatingRepository.Rating(
                    d.code(),
                    caller.subject(),
                    command.timeScore(),
                    command.contactsScore(),
                    command.agenciesScore(),
                    command.attitudeScore(),
                    command.satisfied(),
                    FieldChecks.blankToNull(command.comment()),
                    now))) {
                throw DomainException.ruleViolated("ALREADY_RATED", "this dossier has already been rated");
            }
            claim.complete(d.code());
            feed.append(
                    EVENT_TYPE,
                    null,
                    d,
                    null,
                    stored.submittedAt(),
                    now,
                    new DossierFeed.Detail.Rating(
                            command.timeScore(),
                            command.contactsScore(),
                            command.agenciesScore(),
                            command.attitudeScore(),
                            command.satisfied(),
                            now));
            return d.publicCode();
        });
    }

    private static void validate(RateCommand c) {
        List<FieldViolation> problems = new ArrayList<>();
        FieldChecks.requestId(problems, c.requestId());
        FieldChecks.dossierCode(problems, c.code());
        score(problems, "time_score", c.timeScore());
        score(problems, "contacts_score", c.contactsScore());
        score(problems, "agencies_score", c.agenciesScore());
        score(problems, "attitude_score", c.attitudeScore());
        FieldChecks.text(problems, "comment", c.comment(), false, 1000);
        if (!problems.isEmpty()) {
            throw DomainException.invalid(problems);
        }
    }

    private static void score(List<FieldViolation> problems, String field, int value) {
        if (value < 0 || value > 5) {
            problems.add(new FieldViolation(field, "must be 1 (poor) to 5 (good), or 0 when not answered"));
        }
    }
}
