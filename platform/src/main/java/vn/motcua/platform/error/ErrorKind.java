package vn.motcua.platform.error;

import io.grpc.Status;

/** The few categories a domain failure falls into; each maps to one gRPC code. */
public enum ErrorKind {
    INVALID_ARGUMENT(Status.Code.INVALID_ARGUMENT),
    NOT_FOUND(Status.Code.NOT_FOUND),
    ALREADY_EXISTS(Status.Code.ALREADY_EXISTS),
    FAILED_PRECONDITION(Status.Code.FAILED_PRECONDITION),
    PERMISSION_DENIED(Status.Code.PERMISSION_DENIED),
    UNAUTHENTICATED(Status.Code.UNAUTHENTICATED),
    OUT_OF_RANGE(Status.Code.OUT_OF_RANGE),
    RESOURCE_EXHAUSTED(Status.Code.RESOURCE_EXHAUSTED),
    ABORTED(Status.Code.ABORTED),
    UNAVAILABLE(Status.Code.UNAVAILABLE);

    private final Status.Code code;

    ErrorKind(Status.Code code) {
        this.code = code;
    }

    public Status.Code code() {
        return code;
    }
}
