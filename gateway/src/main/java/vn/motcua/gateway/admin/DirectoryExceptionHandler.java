package vn.motcua.gateway.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.gateway.http.RequestIds;
import vn.motcua.gateway.problem.Problem;
import vn.motcua.gateway.problem.Problems;
import vn.motcua.gateway.problem.Reasons;
import vn.motcua.platform.error.ErrorReason;

/** Answers identity-provider failures of user administration; Keycloak's own texts never reach the client. */
@Singleton
public class DirectoryExceptionHandler implements ExceptionHandler<DirectoryException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryExceptionHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, DirectoryException e) {
        return switch (e.kind()) {
            case CONFLICT ->
                Problems.response(
                        request, HttpStatus.CONFLICT, Reasons.USER_EXISTS, "a user with this username or email exists");
            case REJECTED ->
                Problems.response(
                        request,
                        HttpStatus.BAD_REQUEST,
                        ErrorReason.INVALID_FIELD.name(),
                        "the identity provider refused the values (e.g. its password policy)");
            case UNAVAILABLE -> {
                LOG.warn("user administration failed: requestId={} {}", RequestIds.of(request), e.getMessage());
                yield Problems.response(
                        request,
                        HttpStatus.SERVICE_UNAVAILABLE,
                        ErrorReason.IDENTITY_PROVIDER_UNAVAILABLE.name(),
                        "the identity provider could not be reached; retry later");
            }
        };
    }
}
