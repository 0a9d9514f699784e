package vn.motcua.gateway.dossier;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Every answer that is one versioned resource (a dossier or a payment, read or changed by an action) carries its
 * ETag, so that a client can send it back in If-Match on the next action and not act on something that someone else
 * (or, for a payment, the provider) has changed in between.
 */
@ServerFilter("/api/v1/**")
public class EntityTagFilter {

    @ResponseFilter
    public void tag(MutableHttpResponse<?> response) {
        if (response.getBody().orElse(null) instanceof EntityTagged resource) {
            response.header(HttpHeaders.ETAG, resource.entityTag());
        }
    }
}
