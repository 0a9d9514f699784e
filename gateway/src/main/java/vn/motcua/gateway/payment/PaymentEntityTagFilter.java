package vn.motcua.gateway.payment;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Every answer that is one payment carries its ETag, as dossiers do: the officer sends it back in If-Match when
 * recording, cancelling or refunding, and does not act on a payment someone (or the provider) changed in between.
 */
@ServerFilter("/api/v1/payments/**")
public class PaymentEntityTagFilter {

    @ResponseFilter
    public void tag(MutableHttpResponse<?> response) {
        if (response.getBody().orElse(null) instanceof PaymentJson payment) {
            response.header(HttpHeaders.ETAG, payment.entityTag());
        }
    }
}
