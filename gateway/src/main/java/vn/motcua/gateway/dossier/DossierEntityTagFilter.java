package vn.motcua.gateway.dossier;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Every answer that is one dossier (read or changed by an action) carries its ETag, so that a client can send it
 * back in If-Match on the next action and not act on a dossier that someone else has changed in between.
 */
@ServerFilter("/api/v1/**")
public class DossierEntityTagFilter {

    @ResponseFilter
    public void tag(MutableHttpResponse<?> response) {
        if (response.getBody().orElse(null) instanceof DossierJson dossier) {
            response.header(HttpHeaders.ETAG, dossier.entityTag());
        }
    }
}
