package vn.motcua.report.projection.service;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.motcua.report.projection.domain.Contribution;
import vn.motcua.report.projection.domain.CounterDeltas;
import vn.motcua.report.projection.domain.DossierFact;
import vn.motcua.report.projection.domain.DossierLinks;
import vn.motcua.report.projection.domain.DossierTimeliness;
import vn.motcua.report.projection.domain.ImportedDigitization;
import vn.motcua.report.projection.domain.ProcedureInfo;
import vn.motcua.report.projection.domain.ProjectionChange;
import vn.motcua.report.projection.domain.ProjectionSettings;
import vn.motcua.report.projection.domain.ProjectionState;
import vn.motcua.report.projection.domain.StoredFact;
import vn.motcua.report.projection.domain.Timeliness;
import vn.motcua.report.projection.repository.CalendarDayRepository;
import vn.motcua.report.projection.repository.CounterRepository;
import vn.motcua.report.projection.repository.DimensionRepository;
import vn.motcua.report.projection.repository.FactRepository;
import vn.motcua.report.projection.repository.LinkRepository;
import vn.motcua.report.projection.repository.ProjectionStateRepository;
import vn.motcua.report.reception.domain.DossierReceived;
import vn.motcua.report.reception.service.ReceptionProjection;

/**
 * Applies a run of changes (one feed batch, or one imported dossier) to the projection as one unit of work, inside
 * the caller's transaction:
 * <ol>
 *   <li>takes the projection's write lock (projection_state), so writers apply one at a time;</li>
 *   <li>applies dimension and link rows in event order (units, procedures, payments, digitization, feedback);</li>
 *   <li>folds each dossier's events, in order, into its fact (one read of every fact concerned);</li>
 *   <li>recomputes the contribution of every dossier whose combined state may have changed (its fact, a payment,
 *       digitization or feedback row naming it, its procedure republished) from that combined state, and replaces
 *       what dossier_fact.counted says it contributed by it;</li>
 *   <li>writes the facts and the net counter change in a few batched statements.</li>
 * </ol>
 * Since a contribution depends only on the combined final state, the counters do not depend on the order in which a
 * dossier's parts arrived, nor on how the events were cut into runs: a rebuild from seq 0 ends where the incremental
 * projection is.
 */
@Singleton
public class ProjectionEngine {

    /** Facts of a republished procedure recomputed per page. */
    private static final int PAGE = 1000;

    private final ProjectionStateRepository state;
    private final FactRepository facts;
    private final LinkRepository links;
    private final DimensionRepository dims;
    private final CounterRepository counters;
    private final ReceptionProjection receptions;
    private final CalendarDayRepository calendar;
    private final ProjectionSettings settings;

    public ProjectionEngine(
            ProjectionStateRepository state,
            FactRepository facts,
            LinkRepository links,
            DimensionRepository dims,
            CounterRepository counters,
            ReceptionProjection receptions,
            CalendarDayRepository calendar,
            ProjectionConfiguration configuration) {
        this.state = state;
        this.facts = facts;
        this.links = links;
        this.dims = dims;
        this.counters = counters;
        this.receptions = receptions;
        this.calendar = calendar;
        this.settings = configuration == null ? ProjectionSettings.DEFAULTS : configuration.settings();
    }

    /**
     * @throws ProjectionResettingException while a rebuild empties the tables (the caller's transaction must roll
     *                                      back; a feed retries by itself)
     * @throws IllegalArgumentException     for a change the projection cannot apply (nothing of the run is kept)
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void apply(List<? extends ProjectionChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        ProjectionState current = state.lock();
        if (current.resetting()) {
            throw new ProjectionResettingException(current.generation());
        }
        Work work = new Work(changes);
        changes.forEach(work::take);
        work.finish();
    }

    /** One run's unit of work. */
    private final class Work {
        private final Set<String> knownUnits;
        private final Map<String, List<ProjectionChange>> dossierChanges = new LinkedHashMap<>();
        private final Set<String> touchedCodes = new TreeSet<>();
        private final Set<String> republished = new TreeSet<>();
        /** The last state of each payment / digitization row of the run (null: delete), written in batches. */
        private final Map<String, ProjectionChange.Payment> payments = new LinkedHashMap<>();

        private final Map<String, ProjectionChange.Digitization> digitization = new LinkedHashMap<>();
        private final List<DossierReceived> received = new ArrayList<>();
        private final CounterDeltas deltas = new CounterDeltas();

        Work(List<? extends ProjectionChange> changes) {
            // every unit the run mentions, looked up once; the run itself is the only writer meanwhile (the lock)
            Set<String> mentioned = new HashSet<>();
            for (ProjectionChange c : changes) {
                if (c instanceof ProjectionChange.DossierUpdate u) {
                    mentioned.addAll(u.fact().unitPath());
                    mentioned.add(u.fact().receivingUnitCode());
                    mentioned.add(u.fact().unitCode());
                } else if (c instanceof ProjectionChange.Imported i) {
                    mentioned.addAll(i.fact().unitPath());
                    mentioned.add(i.fact().receivingUnitCode());
                    mentioned.add(i.fact().unitCode());
                } else if (c instanceof ProjectionChange.Feedback f) {
                    mentioned.addAll(f.unitPath());
                    mentioned.add(f.unitCode());
                } else if (c instanceof ProjectionChange.CertifiedCopy cc) {
                    mentioned.add(cc.unitCode());
                }
            }
            mentioned.removeIf(code -> code == null || code.isBlank());
            knownUnits = mentioned.isEmpty() ? new HashSet<>() : new HashSet<>(dims.existingUnits(mentioned));
        }

        void take(ProjectionChange change) {
            if (change instanceof ProjectionChange.DossierUpdate u) {
                DossierFact f = u.fact();
                requireText(u.factId(), "the dossier event's aggregate id");
                requireText(f.receivingUnitCode(), "receiving_unit_code of " + u.factId());
                ensureChain(f.unitPath(), f.receivingUnitCode());
                ensureChain(List.of(), f.unitCode());
                dossierChanges
                        .computeIfAbsent(u.factId(), k -> new ArrayList<>())
                        .add(u);
                if (u.received()) {
                    received.add(new DossierReceived(f.code(), f.receivingUnitCode(), f.unitPath(), f.receivedAt()));
                }
            } else if (change instanceof ProjectionChange.Imported i) {
                takeImported(i);
            } else if (change instanceof ProjectionChange.UnitCreated u) {
                dims.created(u);
                knownUnits.add(u.code());
                if (u.parentCode() != null && !u.parentCode().isBlank()) {
                    knownUnits.add(u.parentCode());
                }
            } else if (change instanceof ProjectionChange.UnitRenamed u) {
                dims.renamed(u);
                knownUnits.add(u.code());
            } else if (change instanceof ProjectionChange.UnitClosed u) {
                dims.closed(u);
                knownUnits.add(u.code());
            } else if (change instanceof ProjectionChange.UnitsMerged u) {
                dims.merged(u);
                knownUnits.add(u.code());
                knownUnits.addAll(u.sourceCodes());
            } else if (change instanceof ProjectionChange.ProcedurePublished p) {
                requireText(p.code(), "procedure code");
                dims.published(p);
                republished.add(p.code());
            } else if (change instanceof ProjectionChange.ProcedureWithdrawn p) {
                dims.withdrawn(p);
            } else if (change instanceof ProjectionChange.Payment p) {
                requireText(p.paymentId(), "payment id");
                payments.put(p.paymentId(), p);
                touch(p.dossierCode());
            } else if (change instanceof ProjectionChange.Digitization d) {
                requireText(d.dossierCode(), "dossier_code of a digitization event");
                digitization.put(d.dossierCode(), d);
                touch(d.dossierCode());
            } else if (change instanceof ProjectionChange.CertifiedCopy c) {
                requireText(c.certificateNumber(), "certificate_number");
                ensureChain(List.of(), c.unitCode());
                links.upsertCertifiedCopy(c);
            } else if (change instanceof ProjectionChange.CalendarDayAdded c) {
                calendar.upsert(c);
            } else if (change instanceof ProjectionChange.CalendarDayRemoved c) {
                calendar.delete(c);
            } else if (change instanceof ProjectionChange.Feedback f) {
                requireText(f.feedbackId(), "feedback id");
                ensureChain(f.unitPath(), f.unitCode());
                touch(links.upsertFeedback(f));
                touch(f.dossierCode());
            } else {
                throw new IllegalArgumentException("not a projection change: " + change);
            }
        }

        private void takeImported(ProjectionChange.Imported i) {
            DossierFact f = i.fact();
            checkImported(f);
            ensureChain(f.unitPath(), f.receivingUnitCode());
            ensureChain(List.of(), f.unitCode());
            String paymentId = DossierFact.IMPORT_PREFIX + f.code();
            if (i.payment() != null && i.payment().financialObligation()) {
                boolean online = i.payment().paidOnline();
                Instant at = f.receivedAt() != null ? f.receivedAt() : f.submittedAt();
                payments.put(
                        paymentId,
                        new ProjectionChange.Payment(
                                paymentId,
                                f.code(),
                                f.unitCode(),
                                f.procedureCode(),
                                online ? "PAID" : "IMPORTED",
                                online ? "ONLINE" : null,
                                i.payment().amount(),
                                0,
                                at,
                                online ? at : null));
            } else {
                payments.put(paymentId, null);
            }
            ImportedDigitization d = i.digitization() == null ? ImportedDigitization.NONE : i.digitization();
            digitization.put(
                    f.code(),
                    new ProjectionChange.Digitization(
                            f.code(),
                            d.componentsComplete(),
                            d.resultElectronic(),
                            d.reusesData(),
                            d.linkedToWarehouse(),
                            null));
            dossierChanges.computeIfAbsent(f.factId(), k -> new ArrayList<>()).add(i);
        }

        private void touch(String dossierCode) {
            if (dossierCode != null && !dossierCode.isBlank()) {
                touchedCodes.add(dossierCode);
            }
        }

        /**
         * Records every unit of a path not known yet, each under the previous one (a root first), and the leaf under
         * the path's last unit: every unit then has its row and its closure.
         */
        private void ensureChain(List<String> path, String leaf) {
            List<String> chain = new ArrayList<>(new LinkedHashSet<>(path));
            chain.removeIf(code -> code == null || code.isBlank());
            if (leaf != null && !leaf.isBlank()) {
                chain.remove(leaf);
                chain.add(leaf);
            }
            String parent = null;
            for (String code : chain) {
                if (knownUnits.add(code)) {
                    dims.insertPlaceholder(code, parent);
                }
                parent = code;
            }
        }

        void finish() {
            links.writePayments(payments);
            links.writeDigitization(digitization);
            Map<String, StoredFact> current = new LinkedHashMap<>(facts.lockByIds(dossierChanges.keySet()));
            if (!touchedCodes.isEmpty()) {
                // a link names a dossier by its code, or (digitization) by its stable key, which is the fact's id
                facts.lockByCodes(touchedCodes).forEach(current::putIfAbsent);
                facts.lockByIds(touchedCodes).forEach(current::putIfAbsent);
            }
            for (Map.Entry<String, List<ProjectionChange>> e : dossierChanges.entrySet()) {
                StoredFact row = current.get(e.getKey());
                for (ProjectionChange c : e.getValue()) {
                    row = c instanceof ProjectionChange.DossierUpdate u
                            ? merge(row, u)
                            : replaceImported(row, (ProjectionChange.Imported) c);
                }
                current.put(e.getKey(), row);
            }
            recompute(current.values(), true);
            for (String procedure : republished) {
                String after = "";
                while (true) {
                    List<StoredFact> page = facts.lockByProcedure(procedure, after, PAGE);
                    if (page.isEmpty()) {
                        break;
                    }
                    after = page.get(page.size() - 1).fact().factId();
                    page.removeIf(r -> current.containsKey(r.fact().factId()));
                    recompute(page, false);
                }
            }
            counters.apply(deltas);
            receptions.recordAll(received);
        }

        /**
         * Computes each row's derived values and contribution from its combined state now, adds the replacement of
         * its former contribution to the deltas, and writes the rows that changed ({@code always}: every row).
         */
        private void recompute(Collection<StoredFact> rows, boolean always) {
            if (rows.isEmpty()) {
                return;
            }
            Set<String> keys = new HashSet<>();
            Set<String> procedures = new HashSet<>();
            for (StoredFact r : rows) {
                keys.addAll(linkKeys(r.fact()));
                procedures.add(r.fact().procedureCode());
            }
            Map<String, DossierLinks> linked = links.linksOf(keys);
            Map<String, ProcedureInfo> procedureInfo = dims.procedures(procedures);
            List<StoredFact> changed = new ArrayList<>();
            for (StoredFact r : rows) {
                DossierFact f = r.fact();
                ProcedureInfo info =
                        procedureInfo.get(DimensionRepository.procedureKey(f.procedureCode(), f.procedureVersion()));
                if (info == null) {
                    info = procedureInfo.getOrDefault(f.procedureCode(), ProcedureInfo.UNKNOWN);
                }
                Contribution contribution = Contribution.of(f, linksOf(f, linked), info, settings);
                Timeliness timeliness = DossierTimeliness.ii06a(f, settings);
                StoredFact next = new StoredFact(
                        f,
                        r.preSupplementRequests(),
                        info.fieldCode(),
                        timeliness,
                        DossierTimeliness.onTime766(f),
                        contribution,
                        r.updatedSeq());
                deltas.replace(r.counted(), contribution);
                if (always || !next.equals(r)) {
                    changed.add(next);
                }
            }
            facts.upsert(changed);
        }
    }

    /**
     * The keys other feeds name a dossier by: its code (payments and PAKN use the code the applicant sees), and for a
     * live dossier its stable key, the fact id (digitization-service's aggregate id).
     */
    static Set<String> linkKeys(DossierFact f) {
        Set<String> keys = new HashSet<>();
        keys.add(f.code());
        if (!f.imported()) {
            keys.add(f.factId());
        }
        return keys;
    }

    /** The flags of every row naming the dossier under any of its keys. */
    static DossierLinks linksOf(DossierFact f, Map<String, DossierLinks> linked) {
        DossierLinks all = DossierLinks.NONE;
        for (String key : linkKeys(f)) {
            DossierLinks l = linked.get(key);
            if (l != null) {
                all = new DossierLinks(
                        all.financialObligation() || l.financialObligation(),
                        all.paidOnline() || l.paidOnline(),
                        all.componentsComplete() || l.componentsComplete(),
                        all.resultElectronic() || l.resultElectronic(),
                        all.reusesData() || l.reusesData(),
                        all.linkedToWarehouse() || l.linkedToWarehouse(),
                        all.hasFeedback() || l.hasFeedback());
            }
        }
        return all;
    }

    /** Folds a dossier event into its fact: the picture is the event's, the assignee and rating the last ones. */
    static StoredFact merge(StoredFact previous, ProjectionChange.DossierUpdate u) {
        DossierFact p = u.fact();
        DossierFact before = previous == null ? null : previous.fact();
        int pre = (previous == null ? 0 : previous.preSupplementRequests()) + (u.preSupplementRequested() ? 1 : 0);
        DossierFact f = new DossierFact(
                u.factId(),
                p.code(),
                p.unitCode(),
                p.receivingUnitCode(),
                p.handlingUnitCode(),
                p.unitPath(),
                p.procedureCode(),
                p.procedureVersion(),
                p.channel(),
                p.state(),
                p.resultKind(),
                p.legalRegime(),
                p.boundaryFree(),
                p.extensionUsed(),
                p.submittedAt(),
                p.receivedAt(),
                p.originalDueAt(),
                p.dueAt(),
                p.finishedAt(),
                p.pausedSeconds(),
                p.supplementRequests() + pre,
                p.assignee() != null ? p.assignee() : before == null ? null : before.assignee(),
                p.rating() != null ? p.rating() : before == null ? null : before.rating(),
                false,
                null);
        return new StoredFact(
                f,
                pre,
                previous == null ? "" : previous.fieldCode(),
                previous == null ? Timeliness.OPEN : previous.timeliness(),
                previous != null && previous.onTime766(),
                previous == null ? Contribution.NONE : previous.counted(),
                u.seq());
    }

    /** An imported dossier replaces its fact whole (seq 0: no feed event). */
    static StoredFact replaceImported(StoredFact previous, ProjectionChange.Imported i) {
        DossierFact p = i.fact();
        DossierFact f = new DossierFact(
                p.factId(),
                p.code(),
                p.unitCode() == null || p.unitCode().isBlank() ? p.receivingUnitCode() : p.unitCode(),
                p.receivingUnitCode(),
                p.handlingUnitCode(),
                p.unitPath(),
                p.procedureCode(),
                p.procedureVersion(),
                p.channel(),
                p.state(),
                p.resultKind(),
                p.legalRegime(),
                p.boundaryFree(),
                p.extensionUsed(),
                p.submittedAt(),
                p.receivedAt(),
                p.originalDueAt(),
                p.dueAt(),
                p.finishedAt(),
                p.pausedSeconds(),
                p.supplementRequests(),
                p.assignee(),
                p.rating(),
                true,
                p.importId());
        return new StoredFact(
                f,
                0,
                previous == null ? "" : previous.fieldCode(),
                previous == null ? Timeliness.OPEN : previous.timeliness(),
                previous != null && previous.onTime766(),
                previous == null ? Contribution.NONE : previous.counted(),
                0);
    }

    /** @throws IllegalArgumentException unless the fact can be applied as an imported dossier */
    static void checkImported(DossierFact f) {
        requireText(f.code(), "the imported dossier's code");
        if (!(DossierFact.IMPORT_PREFIX + f.code()).equals(f.factId())) {
            throw new IllegalArgumentException("an imported fact's id must be " + DossierFact.IMPORT_PREFIX + f.code()
                    + " (" + DossierFact.IMPORT_PREFIX + "<code>), not " + f.factId());
        }
        requireText(f.receivingUnitCode(), "the imported dossier's receiving unit");
        if (f.procedureCode() == null || f.channel() == null || f.state() == null) {
            throw new IllegalArgumentException(
                    "the imported dossier " + f.code() + " needs its procedure, channel and state");
        }
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
    }
}
