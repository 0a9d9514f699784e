package vn.motcua.dossier.dossier.domain;

/**
 * The gRPC canonical code a rejection maps to, named here without a gRPC dependency so the domain stays pure.
 * The platform's single error mapper (architecture.md §2, §4) turns it into {@code io.grpc.Status}.
 */
public enum StatusCategory {
    /** The dossier is not in a state (or situation) where this is possible. */
    FAILED_PRECONDITION,
    /** The actor can see the dossier but their role may not do this. */
    PERMISSION_DENIED,
    /** The dossier is outside the actor's scope: answer as if it did not exist (architecture.md §4). */
    NOT_FOUND
}
