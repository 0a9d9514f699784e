package vn.motcua.e2e;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the bad-input table: a request that must be refused with exactly {@code status} (and {@code reason},
 * when the gateway sets a specific one) and must write nothing. Built fluently:
 * {@code BadInputCase.post("dossier reception", "citizen id of 11 digits", "/api/v1/dossiers").as(OFFICER)
 * .json(body).expect(400, "INVALID_FIELD")}.
 *
 * @param family      the route family, so a failure says which part of the API regressed
 * @param user        the demo user whose token is sent (null: no token, for public routes)
 * @param contentType the Content-Type header (null: none is sent)
 * @param rawSocket   sent over a plain socket, for header values java.net.http refuses to send (control characters)
 * @param reason      the problem's expected {@code reason}, null where only the status is fixed
 */
record BadInputCase(
        String family,
        String name,
        String method,
        String path,
        String user,
        String contentType,
        byte[] body,
        Map<String, String> headers,
        boolean rawSocket,
        int status,
        String reason) {

    static final String JSON = "application/json";

    BadInputCase {
        headers = Map.copyOf(headers);
    }

    static BadInputCase post(String family, String name, String path) {
        return request(family, name, "POST", path);
    }

    static BadInputCase get(String family, String name, String path) {
        return request(family, name, "GET", path);
    }

    static BadInputCase request(String family, String name, String method, String path) {
        return new BadInputCase(family, name, method, path, null, null, new byte[0], Map.of(), false, 0, null);
    }

    BadInputCase as(String username) {
        return new BadInputCase(
                family, name, method, path, username, contentType, body, headers, rawSocket, status, reason);
    }

    /** A body sent as application/json (whatever it contains). */
    BadInputCase json(String text) {
        return body(JSON, text.getBytes(StandardCharsets.UTF_8));
    }

    BadInputCase body(String type, String text) {
        return body(type, text.getBytes(StandardCharsets.UTF_8));
    }

    BadInputCase body(String type, byte[] bytes) {
        return new BadInputCase(family, name, method, path, user, type, bytes, headers, rawSocket, status, reason);
    }

    BadInputCase header(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new BadInputCase(family, name, method, path, user, contentType, body, more, rawSocket, status, reason);
    }

    BadInputCase raw() {
        return new BadInputCase(family, name, method, path, user, contentType, body, headers, true, status, reason);
    }

    BadInputCase expect(int expectedStatus, String expectedReason) {
        return new BadInputCase(
                family,
                name,
                method,
                path,
                user,
                contentType,
                body,
                headers,
                rawSocket,
                expectedStatus,
                expectedReason);
    }

    BadInputCase expect(int expectedStatus) {
        return expect(expectedStatus, null);
    }

    /** The test's display name: readable, never the (possibly huge or binary) path or body itself. */
    String displayName() {
        return "[" + family + "] " + name + " -> " + status + (reason == null ? "" : " " + reason);
    }
}
