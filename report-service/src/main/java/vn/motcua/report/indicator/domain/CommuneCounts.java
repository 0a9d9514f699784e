package vn.motcua.report.indicator.domain;

/** Communes (unit level 3) and those with at least one electronic certified copy in the period. */
public record CommuneCounts(long communes, long withCertifiedCopy) {

    public static final CommuneCounts ZERO = new CommuneCounts(0, 0);

    public CommuneCounts plus(CommuneCounts o) {
        return new CommuneCounts(communes + o.communes, withCertifiedCopy + o.withCertifiedCopy);
    }
}
