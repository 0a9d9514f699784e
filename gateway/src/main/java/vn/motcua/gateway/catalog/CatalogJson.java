package vn.motcua.gateway.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import vn.motcua.gateway.downstream.ProtoValues;
import vn.motcua.proto.dossier.v1.GetPublicListingResponse;
import vn.motcua.proto.dossier.v1.ProcedureVersion;
import vn.motcua.proto.dossier.v1.ReceivingUnit;
import vn.motcua.proto.dossier.v1.ReviewCatalogueResponse;
import vn.motcua.proto.dossier.v1.ReviewItem;

/** JSON of the catalogue management routes (CatalogService). Dates are ISO YYYY-MM-DD. */
public final class CatalogJson {

    private CatalogJson() {}

    /** One version of a procedure; state DRAFT, PUBLISHED or WITHDRAWN. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Version(
            @Nullable ProcedureJson procedure,
            @Nullable String state,
            @Nullable String publicationDecision,
            @Nullable String publishedOn,
            @Nullable String effectiveOn,
            boolean requiresPaperResult,
            List<Receiving> receivingUnits) {

        static Version from(ProcedureVersion v) {
            return new Version(
                    v.hasProcedure() ? ProcedureJson.from(v.getProcedure()) : null,
                    ProtoValues.enumName(v.getState(), "PUBLICATION_STATE_"),
                    ProtoValues.text(v.getPublicationDecision()),
                    ProtoValues.text(v.getPublishedOn()),
                    ProtoValues.text(v.getEffectiveOn()),
                    v.getRequiresPaperResult(),
                    v.getReceivingUnitsList().stream().map(Receiving::from).toList());
        }
    }

    /** Where a procedure is received and which unit decides it when received there. */
    @Serdeable
    public record Receiving(String unitCode, String competentUnitCode) {

        static Receiving from(ReceivingUnit u) {
            return new Receiving(u.getUnitCode(), u.getCompetentUnitCode());
        }
    }

    /** The public listing of a unit: at the desk, by post, boundary-free. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Listing(
            @Nullable UnitJson unit,
            List<ProcedureJson> atDesk,
            List<ProcedureJson> byPost,
            List<ProcedureJson> boundaryFree) {

        static Listing from(GetPublicListingResponse r) {
            return new Listing(
                    r.hasUnit() ? UnitJson.from(r.getUnit()) : null,
                    r.getAtDeskList().stream().map(ProcedureJson::from).toList(),
                    r.getByPostList().stream().map(ProcedureJson::from).toList(),
                    r.getBoundaryFreeList().stream().map(ProcedureJson::from).toList());
        }
    }

    @Serdeable
    public record Imported(int draftsCreated) {}

    /** issue: IN_EFFECT_NOT_PUBLISHED, PUBLISHED_LATE or MISSING_COMPONENTS. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ReviewEntry(
            String code,
            int version,
            String name,
            @Nullable String issue,
            @Nullable String detail) {

        static ReviewEntry from(ReviewItem i) {
            return new ReviewEntry(
                    i.getCode(),
                    i.getVersion(),
                    i.getName(),
                    ProtoValues.enumName(i.getIssue(), "REVIEW_ISSUE_"),
                    ProtoValues.text(i.getDetail()));
        }
    }

    @Serdeable
    public record Review(
            @JsonInclude(JsonInclude.Include.ALWAYS) List<ReviewEntry> items) {

        static Review from(ReviewCatalogueResponse r) {
            return new Review(r.getItemsList().stream().map(ReviewEntry::from).toList());
        }
    }
}
