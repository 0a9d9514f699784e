package vn.motcua.gateway.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Singleton
public class ProblemExceptionHandler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ProblemException e) {
        return Problems.body(
                HttpResponse.status(e.status()),
                Problems.problem(request, e.status(), e.reason(), e.getMessage(), e.errors(), e.errorsOmitted()));
    }
}
