package vn.motcua.platform.auth;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.platform.error.GrpcErrors;

/**
 * Authenticates every incoming call from its {@code authorization: Bearer ...} metadata and puts the
 * {@link Caller}, request id and trace header into the gRPC Context. Health checks and configured public
 * methods pass without a token.
 */
@Singleton
@Order(10)
public class AuthServerInterceptor implements ServerInterceptor {

    private static final String BEARER = "bearer ";
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Set<String> ALWAYS_PUBLIC_SERVICES = Set.of(
            "grpc.health.v1.Health", "grpc.reflection.v1alpha.ServerReflection", "grpc.reflection.v1.ServerReflection");

    private final JwtValidator validator;
    private final Set<String> publicMethods;

    public AuthServerInterceptor(JwtValidator validator, AuthConfiguration config) {
        this.validator = validator;
        this.publicMethods = Set.copyOf(config.getPublicMethods());
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String method = call.getMethodDescriptor().getFullMethodName();
        String service = call.getMethodDescriptor().getServiceName();
        Context context = Context.current()
                .withValue(CallContext.REQUEST_ID, requestId(headers.get(MetadataKeys.REQUEST_ID)))
                .withValue(CallContext.TRACEPARENT, headers.get(MetadataKeys.TRACEPARENT));
        String authorization = headers.get(MetadataKeys.AUTHORIZATION);
        boolean isPublic = publicMethods.contains(method) || ALWAYS_PUBLIC_SERVICES.contains(service);
        try {
            if (authorization != null) {
                context = context.withValue(CallContext.CALLER, validator.validate(bearerToken(authorization)));
            } else if (!isPublic) {
                throw DomainException.unauthenticated(ErrorReason.TOKEN_MISSING, "a bearer token is required");
            }
        } catch (DomainException e) {
            call.close(GrpcErrors.toStatus(e), GrpcErrors.trailers(e));
            return new ServerCall.Listener<>() {};
        }
        return Contexts.interceptCall(context, call, headers, next);
    }

    private static String bearerToken(String authorization) {
        if (authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw DomainException.unauthenticated(ErrorReason.TOKEN_INVALID, "authorization must be 'Bearer <token>'");
        }
        return authorization.substring(BEARER.length()).trim();
    }

    /** Accepts a caller's request id only if it is harmless in logs; otherwise makes one. */
    private static String requestId(String given) {
        return given != null && SAFE_REQUEST_ID.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
    }
}
