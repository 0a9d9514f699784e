package vn.motcua.dossier.catalog.domain;

/**
 * Life of one procedure version. A DRAFT may be published once; a PUBLISHED version never changes again except to
 * be WITHDRAWN. Publishing a newer version supersedes the older one for new dossiers without changing it.
 */
public enum PublicationState {
    DRAFT,
    PUBLISHED,
    WITHDRAWN
}
