package vn.motcua.digitization.component.service;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import vn.motcua.digitization.common.Actors;
import vn.motcua.digitization.common.Texts;
import vn.motcua.digitization.component.domain.ComponentQr;
import vn.motcua.digitization.component.domain.ComponentSource;
import vn.motcua.digitization.component.domain.ComponentStateMachine;
import vn.motcua.digitization.component.domain.ComponentVerb;
import vn.motcua.digitization.component.domain.DossierComponent;
import vn.motcua.digitization.component.domain.ExemptionReason;
import vn.motcua.digitization.component.repository.ComponentRepository;
import vn.motcua.digitization.document.domain.StoredDocument;
import vn.motcua.digitization.document.domain.StoredVersion;
import vn.motcua.digitization.document.domain.VersionOrigin;
import vn.motcua.digitization.document.service.DerivedContent;
import vn.motcua.digitization.document.service.DocumentStore;
import vn.motcua.digitization.dossierlink.domain.ComponentSpec;
import vn.motcua.digitization.dossierlink.domain.LinkedDossier;
import vn.motcua.digitization.dossierlink.service.DossierLinks;
import vn.motcua.digitization.feed.domain.DigitizationEvent;
import vn.motcua.digitization.feed.domain.DigitizationEventType;
import vn.motcua.digitization.feed.service.DigitizationFeed;
import vn.motcua.digitization.stamp.QrStamper;
import vn.motcua.digitization.warehouse.domain.WarehouseItem;
import vn.motcua.digitization.warehouse.domain.WarehouseItemKind;
import vn.motcua.digitization.warehouse.service.Warehouse;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;

/**
 * The component verbs. Each checks the caller's role and the request's fields, fetches the dossier from
 * dossier-service with the caller's token (outside the transaction), then in one transaction: records the dossier's
 * snapshot (which locks it, so the component list is created once), creates the component list from the procedure
 * version on first use, locks the component, asks the state table and the component's rules, and writes the change
 * with its change-feed event. A refusal rolls everything back.
 */
@Singleton
public class ComponentCommands {

    /** A passing check stamps the QR: the dossier has its legal code and an applicant ID. */
    public static final String QR_FACTS_RULE = "DOSSIER_CODE_AND_APPLICANT_FOR_QR";

    private final TransactionOperations<Connection> tx;
    private final ComponentRepository components;
    private final DossierLinks links;
    private final DocumentStore documents;
    private final QrStamper stamper;
    private final Warehouse warehouse;
    private final DigitizationFeed feed;
    private final Clock clock;

    public ComponentCommands(
            TransactionOperations<Connection> tx,
            ComponentRepository components,
            DossierLinks links,
            DocumentStore documents,
            QrStamper stamper,
            Warehouse warehouse,
            DigitizationFeed feed,
            Clock clock) {
        this.tx = tx;
        this.components = components;
        this.links = links;
        this.documents = documents;
        this.stamper = stamper;
        this.warehouse = warehouse;
        this.feed = feed;
        this.clock = clock;
    }

    /** GetDossierDigitization's components: the applicant or an officer who sees the dossier. */
    public DossierComponents list(Caller caller, String dossierCode) {
        DigitizationRoles.require(caller, DigitizationRoles.READERS, "read a dossier's digitization");
        Texts.start()
                .matches("dossier_code", dossierCode, Texts.DOSSIER_CODE, true)
                .done();
        LinkedDossier d = links.fetch(dossierCode);
        if (caller.hasRole(Roles.CITIZEN)
                && !caller.hasAnyRole(DigitizationRoles.DIGITIZERS)
                && !d.isApplicant(caller)) {
            throw DomainException.notFound("dossier " + dossierCode);
        }
        List<ComponentSpec> specs = specsIfNew(d);
        return tx.executeWrite(status -> {
            links.record(d);
            List<DossierComponent> all = ensure(d, specs, now());
            return new DossierComponents(d, all.stream().map(this::view).toList());
        });
    }

    /** A file uploaded for this dossier becomes the component's (source UPLOAD or SCAN). */
    public ComponentView attach(
            Caller caller, String dossierCode, int number, String documentId, ComponentSource source) {
        DigitizationRoles.require(caller, DigitizationRoles.UPLOADERS, "attach a dossier's files");
        Texts.start()
                .matches("dossier_code", dossierCode, Texts.DOSSIER_CODE, true)
                .check(number > 0, "component_number", "must be 1 or more")
                .matches("document_id", documentId, Texts.ID, true)
                .check(
                        source == ComponentSource.UPLOAD || source == ComponentSource.SCAN,
                        "source",
                        "must be UPLOAD or SCAN")
                .check(
                        source != ComponentSource.SCAN || caller.hasAnyRole(DigitizationRoles.DIGITIZERS),
                        "source",
                        "only an officer scans; an applicant's file is an UPLOAD")
                .done();
        return onComponent(caller, dossierCode, number, DigitizationRoles.DIGITIZERS, true, (w) -> {
            StoredDocument doc = documentOf(w.dossier(), documentId);
            DossierComponent after = w.component().attach(doc.id(), doc.latest().version(), source, w.now());
            components.update(after);
            return after;
        });
    }

    /**
     * The officer compared the file with the original. It matches: the QR-stamped copy becomes a new version of the
     * document and the component CHECKED; it does not: back to PENDING with the note.
     *
     * <p>A passing check stamps outside any transaction, since stamping a large PDF takes seconds: a short read finds
     * the component UPLOADED with its document version, the stamped copy is written to a temp file, inspected and put
     * in the blob store, and only then a write transaction locks the component again and records the version and the
     * check, refused with nothing written (ABORTED, CONCURRENT_UPDATE) when the component changed meanwhile.
     */
    public ComponentView check(Caller caller, String dossierCode, int number, boolean matches, String note) {
        DigitizationRoles.require(caller, DigitizationRoles.DIGITIZERS, "check a component against the original");
        Texts.start()
                .matches("dossier_code", dossierCode, Texts.DOSSIER_CODE, true)
                .check(number > 0, "component_number", "must be 1 or more")
                .text("note", note, !matches, 1000)
                .done();
        String actor = Actors.name(caller);
        if (!matches) {
            return onComponent(caller, dossierCode, number, DigitizationRoles.DIGITIZERS, false, (w) -> {
                DossierComponent after = w.component().checkFailed(note.strip(), actor, w.now());
                components.update(after);
                return after;
            });
        }
        LinkedDossier d = links.fetch(dossierCode);
        DigitizationRoles.requireActor(caller, d, DigitizationRoles.DIGITIZERS, false);
        DossierComponent seen = tx.executeRead(status -> components.ofDossier(d.key()).stream()
                        .filter(c -> c.number() == number)
                        .findFirst())
                .orElse(null);
        if (seen == null) {
            // no component list yet (every component PENDING) or no such number: the usual frame refuses it
            return onLinked(d, specsIfNew(d), number, (w) -> {
                requireStampable(w.component(), d);
                // read before it was created or attached: it changed under the read
                throw changedWhileStamping(d, w.component());
            });
        }
        // the state table first: stamping a component that is not UPLOADED would be wasted work
        requireStampable(seen, d);
        Path out = null;
        try {
            out = Files.createTempFile("motcua-stamp-out-", ".bin");
            String qr = stampInto(d, seen, out);
            DerivedContent stamped = documents.prepareDerivedVersion(out);
            return onLinked(d, null, number, (w) -> {
                DossierComponent c = w.component();
                if (c.state() != seen.state()
                        || !Objects.equals(c.documentId(), seen.documentId())
                        || c.documentVersion() != seen.documentVersion()) {
                    throw changedWhileStamping(d, c);
                }
                StoredVersion v =
                        documents.addPreparedVersion(c.documentId(), stamped, VersionOrigin.QR_STAMPED, actor);
                DossierComponent after = c.checkPassed(v.version(), qr, actor, w.now());
                components.update(after);
                return after;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not stamp component " + number + " of " + d.code(), e);
        } finally {
            deleteQuietly(out);
        }
    }

    /** A CHECKED component is CONFIRMED; its document goes into the applicant's warehouse. */
    public ComponentView confirm(Caller caller, String dossierCode, int number, Instant validUntil) {
        DigitizationRoles.require(caller, DigitizationRoles.DIGITIZERS, "confirm a component");
        Instant now = now();
        Texts.start()
                .matches("dossier_code", dossierCode, Texts.DOSSIER_CODE, true)
                .check(number > 0, "component_number", "must be 1 or more")
                .check(validUntil == null || validUntil.isAfter(now), "valid_until", "must be in the future")
                .done();
        return onComponent(caller, dossierCode, number, DigitizationRoles.DIGITIZERS, false, (w) -> {
            DossierComponent c = w.component();
            ComponentStateMachine.next(c.number(), c.state(), ComponentVerb.CONFIRM);
            LinkedDossier d = w.dossier();
            WarehouseItem item = null;
            if (d.applicantId() != null) {
                item = warehouse.add(
                        new Warehouse.NewItem(
                                d.applicantId(),
                                WarehouseItemKind.COMPONENT,
                                c.name(),
                                c.documentId(),
                                c.documentVersion(),
                                "COMPONENT:" + d.key() + ":" + c.number(),
                                d.key(),
                                d.code(),
                                d.procedureCode(),
                                d.receivingUnitCode(),
                                null,
                                w.now(),
                                validUntil),
                        w.now());
            }
            DossierComponent after = c.confirm(item == null ? null : item.id(), Actors.name(caller), w.now());
            components.update(after);
            event(
                    DigitizationEventType.COMPONENT_DIGITIZED,
                    d,
                    after,
                    item == null ? null : WarehouseItemKind.COMPONENT,
                    w.now());
            return after;
        });
    }

    /** A component the rules exempt from scanning is marked, not scanned. */
    public ComponentView exempt(
            Caller caller,
            String dossierCode,
            int number,
            ExemptionReason reason,
            ComponentSource source,
            String note) {
        DigitizationRoles.require(caller, DigitizationRoles.DIGITIZERS, "exempt a component");
        Texts.start()
                .matches("dossier_code", dossierCode, Texts.DOSSIER_CODE, true)
                .check(number > 0, "component_number", "must be 1 or more")
                .check(reason != null, "reason", "is required")
                .text("note", note, false, 1000)
                .done();
        return onComponent(caller, dossierCode, number, DigitizationRoles.DIGITIZERS, false, (w) -> {
            DossierComponent after =
                    w.component().exempt(reason, source, Texts.blankToNull(note), Actors.name(caller), w.now());
            components.update(after);
            event(DigitizationEventType.COMPONENT_EXEMPTED, w.dossier(), after, null, w.now());
            return after;
        });
    }

    /** Fills a component by reference to a still-valid item of the applicant's own warehouse: reuse. */
    public ComponentView fillFromWarehouse(Caller caller, String dossierCode, int number, String itemId) {
        DigitizationRoles.require(caller, DigitizationRoles.UPLOADERS, "fill a component from the warehouse");
        Texts.start()
                .matches("dossier_code", dossierCode, Texts.DOSSIER_CODE, true)
                .check(number > 0, "component_number", "must be 1 or more")
                .matches("warehouse_item_id", itemId, Texts.ID, true)
                .done();
        return onComponent(caller, dossierCode, number, DigitizationRoles.DIGITIZERS, true, (w) -> {
            LinkedDossier d = w.dossier();
            WarehouseItem item = warehouse
                    .find(itemId)
                    .filter(i -> d.applicantId() != null && i.ownerId().equals(d.applicantId()))
                    .orElseThrow(() -> DomainException.notFound("warehouse item " + itemId));
            if (!item.validAt(w.now())) {
                throw DomainException.ruleViolated(
                        "WAREHOUSE_ITEM_VALID", "warehouse item " + itemId + " is not valid now");
            }
            DossierComponent after = w.component()
                    .fillFromWarehouse(
                            item.id(), item.documentId(), item.documentVersion(), Actors.name(caller), w.now());
            components.update(after);
            event(DigitizationEventType.COMPONENT_REUSED, d, after, null, w.now());
            return after;
        });
    }

    // ---- the shared frame of every verb --------------------------------------------------------------------------

    /** What a verb works on inside its transaction: the dossier, the locked component, the time. */
    private record Work(LinkedDossier dossier, DossierComponent component, Instant now) {}

    private ComponentView onComponent(
            Caller caller,
            String dossierCode,
            int number,
            Set<String> officerRoles,
            boolean applicantMay,
            Function<Work, DossierComponent> verb) {
        LinkedDossier d = links.fetch(dossierCode);
        DigitizationRoles.requireActor(caller, d, officerRoles, applicantMay);
        return onLinked(d, specsIfNew(d), number, verb);
    }

    /** The transaction of a verb on a fetched dossier: snapshot, components created on first use, the locked one. */
    private ComponentView onLinked(
            LinkedDossier d, List<ComponentSpec> specs, int number, Function<Work, DossierComponent> verb) {
        Instant now = now();
        DossierComponent after = tx.executeWrite(status -> {
            links.record(d);
            ensure(d, specs, now);
            DossierComponent c = components
                    .lock(d.key(), number)
                    .orElseThrow(() -> DomainException.notFound("component " + number + " of dossier " + d.code()));
            return verb.apply(new Work(d, c, now));
        });
        return view(after);
    }

    /** The component list from the catalogue when the dossier has none here yet (a remote call: before the tx). */
    private List<ComponentSpec> specsIfNew(LinkedDossier d) {
        boolean known = tx.executeRead(status -> !components.ofDossier(d.key()).isEmpty());
        return known ? null : links.components(d);
    }

    /** Inside the transaction, with the snapshot row locked: the components, created on first use. */
    private List<DossierComponent> ensure(LinkedDossier d, List<ComponentSpec> specs, Instant now) {
        List<DossierComponent> existing = components.ofDossier(d.key());
        if (!existing.isEmpty() || specs == null) {
            return existing;
        }
        List<DossierComponent> created = new ArrayList<>();
        for (ComponentSpec s : specs) {
            DossierComponent c = DossierComponent.pending(d.key(), s.number(), s.name(), s.presentOnly(), now);
            components.insert(c);
            created.add(c);
        }
        return created;
    }

    private StoredDocument documentOf(LinkedDossier d, String documentId) {
        return documents
                .find(documentId)
                .filter(doc -> doc.scope().isDossier() && d.isNamed(doc.scope().dossierCode()))
                .orElseThrow(() -> DomainException.notFound("document " + documentId + " of dossier " + d.code()));
    }

    /**
     * The QR stamped at a passing check carries the dossier's code and the applicant's ID for good: refused until the
     * dossier has its legal code (an online filing is stamped once accepted, not with its TN- submission reference)
     * and an applicant ID.
     */
    private static void requireQrFacts(LinkedDossier d) {
        if (!d.hasLegalCode()) {
            throw DomainException.ruleViolated(
                    QR_FACTS_RULE,
                    "dossier " + d.code() + " has no legal code yet (" + d.status() + "): a component is checked and"
                            + " QR-stamped once the dossier is accepted, so the QR carries its code");
        }
        if (d.applicantId() == null || d.applicantId().isBlank()) {
            throw DomainException.ruleViolated(
                    QR_FACTS_RULE,
                    "dossier " + d.code() + " has no applicant ID: the QR must carry it; complete the applicant at"
                            + " dossier-service first");
        }
    }

    /** A passing check needs an UPLOADED component (the state table) and the QR's facts. */
    private static void requireStampable(DossierComponent c, LinkedDossier d) {
        ComponentStateMachine.next(c.number(), c.state(), ComponentVerb.CHECK_PASSED);
        requireQrFacts(d);
    }

    private static DomainException changedWhileStamping(LinkedDossier d, DossierComponent c) {
        return DomainException.of(
                ErrorKind.ABORTED,
                ErrorReason.CONCURRENT_UPDATE,
                "component " + c.number() + " of dossier " + d.code()
                        + " was changed while its QR was being stamped; reload it and check again");
    }

    /**
     * Writes the QR-stamped copy of the component's file to {@code out}, outside any transaction (the component's
     * document versions are immutable, so reading one needs no lock); returns the QR's text.
     */
    private String stampInto(LinkedDossier d, DossierComponent c, Path out) throws IOException {
        StoredDocument doc = documents
                .find(c.documentId())
                .orElseThrow(() -> DomainException.notFound("document " + c.documentId()));
        StoredVersion source = doc.version(c.documentVersion())
                .orElseThrow(() -> DomainException.notFound("version " + c.documentVersion() + " of " + doc.id()));
        Path in = Files.createTempFile("motcua-stamp-in-", ".bin");
        try {
            try (InputStream content = documents.open(doc.id(), source.version())) {
                Files.copy(content, in, StandardCopyOption.REPLACE_EXISTING);
            }
            return stamper.stamp(
                    in, source.mediaType(), ComponentQr.payload(d.code(), d.procedureCode(), d.applicantId(), c), out);
        } finally {
            deleteQuietly(in);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temp file left behind is cleaned with the temp directory
            }
        }
    }

    private void event(
            DigitizationEventType type, LinkedDossier d, DossierComponent c, WarehouseItemKind kind, Instant now) {
        feed.append(new DigitizationEvent(
                type,
                d.key(),
                d.code(),
                d.receivingUnitCode(),
                d.procedureCode(),
                d.procedureVersion(),
                c.number(),
                c.state().name(),
                c.source() == null ? null : c.source().name(),
                c.fromWarehouse(),
                c.reused(),
                feed.flags(d.key()),
                kind == null ? null : kind.name(),
                now));
    }

    ComponentView view(DossierComponent c) {
        StoredVersion v = c.documentId() == null
                ? null
                : documents
                        .find(c.documentId())
                        .flatMap(doc -> doc.version(c.documentVersion()))
                        .orElse(null);
        return new ComponentView(c, v);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
