package vn.motcua.platform.error;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one mapping from exceptions to gRPC status + {@code google.rpc.ErrorInfo} / {@code BadRequest} details. */
public final class GrpcErrors {

    private static final Logger LOG = LoggerFactory.getLogger(GrpcErrors.class);

    private GrpcErrors() {}

    public static StatusRuntimeException toException(Throwable error) {
        if (error instanceof StatusRuntimeException sre) {
            return sre;
        }
        if (error instanceof DomainException de) {
            return StatusProto.toStatusRuntimeException(toRpcStatus(de));
        }
        // never leak internals: log here with the stack, answer INTERNAL without detail
        LOG.error("Unhandled error", error);
        return Status.INTERNAL.withDescription("internal error").asRuntimeException();
    }

    public static Status toStatus(DomainException e) {
        return Status.fromCode(e.kind().code()).withDescription(e.getMessage());
    }

    public static Metadata trailers(DomainException e) {
        Metadata trailers = StatusProto.toStatusRuntimeException(toRpcStatus(e)).getTrailers();
        return trailers == null ? new Metadata() : trailers;
    }

    private static com.google.rpc.Status toRpcStatus(DomainException e) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(e.kind().code().value())
                .setMessage(e.getMessage() == null ? "" : e.getMessage())
                .addDetails(Any.pack(ErrorInfo.newBuilder()
                        .setReason(e.reason().name())
                        .setDomain(DomainException.ERROR_DOMAIN)
                        .putAllMetadata(e.metadata())
                        .build()));
        if (!e.violations().isEmpty()) {
            BadRequest.Builder badRequest = BadRequest.newBuilder();
            e.violations()
                    .forEach(v -> badRequest.addFieldViolations(BadRequest.FieldViolation.newBuilder()
                            .setField(v.field())
                            .setDescription(v.description())));
            status.addDetails(Any.pack(badRequest.build()));
        }
        return status.build();
    }

    /** Reads the ErrorInfo reason from a status exception (for clients such as the gateway); null if none. */
    public static ErrorInfo errorInfo(StatusRuntimeException e) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        if (status == null) {
            return null;
        }
        for (Any detail : status.getDetailsList()) {
            if (detail.is(ErrorInfo.class)) {
                try {
                    return detail.unpack(ErrorInfo.class);
                } catch (com.google.protobuf.InvalidProtocolBufferException ignored) {
                    return null;
                }
            }
        }
        return null;
    }

    public static BadRequest badRequest(StatusRuntimeException e) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        if (status == null) {
            return null;
        }
        for (Any detail : status.getDetailsList()) {
            if (detail.is(BadRequest.class)) {
                try {
                    return detail.unpack(BadRequest.class);
                } catch (com.google.protobuf.InvalidProtocolBufferException ignored) {
                    return null;
                }
            }
        }
        return null;
    }
}
