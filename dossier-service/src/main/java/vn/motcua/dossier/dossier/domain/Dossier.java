package vn.motcua.dossier.dossier.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A dossier as stored. originalDueAt is kept next to dueAt so reports can still count an extended dossier
 * against its first appointment (domain.md 6.3). revision counts the transitions applied (the stored row version):
 * clients send it back to act only on the dossier they saw.
 *
 * <p>Built with {@link #builder()} (or {@link #toBuilder()} to change a few facts): seventeen positional arguments,
 * several of them instants and unit codes of the same type, are too easy to swap.
 */
public record Dossier(
        String code,
        String procedureCode,
        int procedureVersion,
        String procedureName,
        String receivingUnitCode,
        String competentUnitCode,
        String handlingUnitCode,
        DossierState state,
        Channel channel,
        Applicant applicant,
        String note,
        Instant receivedAt,
        Instant originalDueAt,
        Instant dueAt,
        Instant finishedAt,
        boolean extensionUsed,
        long revision,
        String lookupKey,
        LegalRegime regime,
        String legalCode,
        String submissionReference) {

    /**
     * The identifier clients see and use (ND61 Art 26): the legal code once the dossier has been accepted, the
     * submission reference before. {@link #code()} is the storage key, fixed at creation: the legal code of a
     * dossier received at the desk, the submission reference of one filed online or not (yet) accepted.
     */
    public String publicCode() {
        return legalCode != null ? legalCode : code;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .code(code)
                .procedure(procedureCode, procedureVersion, procedureName)
                .receivingUnitCode(receivingUnitCode)
                .competentUnitCode(competentUnitCode)
                .handlingUnitCode(handlingUnitCode)
                .state(state)
                .channel(channel)
                .applicant(applicant)
                .note(note)
                .receivedAt(receivedAt)
                .originalDueAt(originalDueAt)
                .dueAt(dueAt)
                .finishedAt(finishedAt)
                .extensionUsed(extensionUsed)
                .revision(revision)
                .lookupKey(lookupKey)
                .regime(regime)
                .legalCode(legalCode)
                .submissionReference(submissionReference);
    }

    /**
     * Required: code, procedure code, receiving and competent unit, state, channel and applicant. Everything else
     * may stay empty: a dossier not yet accepted has no reception or due time, an open one no finish time.
     */
    public static final class Builder {
        String code;
        String procedureCode;
        int procedureVersion;
        String procedureName;
        String receivingUnitCode;
        String competentUnitCode;
        String handlingUnitCode;
        DossierState state;
        Channel channel;
        Applicant applicant;
        String note;
        Instant receivedAt;
        Instant originalDueAt;
        Instant dueAt;
        Instant finishedAt;
        boolean extensionUsed;
        long revision;
        String lookupKey;
        LegalRegime regime;
        String legalCode;
        String submissionReference;

        private Builder() {}

        public Builder code(String code) {
            this.code = code;
            return this;
        }

        public Builder procedure(String code, int version, String name) {
            this.procedureCode = code;
            this.procedureVersion = version;
            this.procedureName = name;
            return this;
        }

        public Builder receivingUnitCode(String receivingUnitCode) {
            this.receivingUnitCode = receivingUnitCode;
            return this;
        }

        public Builder competentUnitCode(String competentUnitCode) {
            this.competentUnitCode = competentUnitCode;
            return this;
        }

        public Builder handlingUnitCode(String handlingUnitCode) {
            this.handlingUnitCode = handlingUnitCode;
            return this;
        }

        public Builder state(DossierState state) {
            this.state = state;
            return this;
        }

        public Builder channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        public Builder applicant(Applicant applicant) {
            this.applicant = applicant;
            return this;
        }

        public Builder note(String note) {
            this.note = note;
            return this;
        }

        public Builder receivedAt(Instant receivedAt) {
            this.receivedAt = receivedAt;
            return this;
        }

        public Builder originalDueAt(Instant originalDueAt) {
            this.originalDueAt = originalDueAt;
            return this;
        }

        public Builder dueAt(Instant dueAt) {
            this.dueAt = dueAt;
            return this;
        }

        public Builder finishedAt(Instant finishedAt) {
            this.finishedAt = finishedAt;
            return this;
        }

        public Builder extensionUsed(boolean extensionUsed) {
            this.extensionUsed = extensionUsed;
            return this;
        }

        public Builder revision(long revision) {
            this.revision = revision;
            return this;
        }

        /** The receipt's {@link LookupKey}; null for dossiers created before keys existed. */
        public Builder lookupKey(String lookupKey) {
            this.lookupKey = lookupKey;
            return this;
        }

        /** The rules the dossier is processed under, fixed when it was filed. */
        public Builder regime(LegalRegime regime) {
            this.regime = regime;
            return this;
        }

        /** The legal code (ND61 Art 26), dated and numbered at acceptance; null before. */
        public Builder legalCode(String legalCode) {
            this.legalCode = legalCode;
            return this;
        }

        /** The reference an online or not-yet-accepted dossier got when filed; null for one accepted at once. */
        public Builder submissionReference(String submissionReference) {
            this.submissionReference = submissionReference;
            return this;
        }

        /** @throws NullPointerException naming the first required fact that is missing */
        public Dossier build() {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(procedureCode, "procedureCode");
            Objects.requireNonNull(receivingUnitCode, "receivingUnitCode");
            Objects.requireNonNull(competentUnitCode, "competentUnitCode");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(applicant, "applicant");
            Objects.requireNonNull(regime, "regime");
            return new Dossier(
                    code,
                    procedureCode,
                    procedureVersion,
                    procedureName,
                    receivingUnitCode,
                    competentUnitCode,
                    handlingUnitCode,
                    state,
                    channel,
                    applicant,
                    note,
                    receivedAt,
                    originalDueAt,
                    dueAt,
                    finishedAt,
                    extensionUsed,
                    revision,
                    lookupKey,
                    regime,
                    legalCode,
                    submissionReference);
        }
    }
}
