package vn.motcua.report.projection.service;

/**
 * Implemented by the importer: re-applies every stored imported row through {@link DossierFactSink} after a rebuild
 * dropped the projections (imports are a source of truth the feeds do not carry).
 */
public interface ImportedHistoryReplay {

    /** @return rows re-applied */
    long replayAll();
}
