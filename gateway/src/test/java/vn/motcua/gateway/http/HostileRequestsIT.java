package vn.motcua.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.motcua.gateway.support.Api;
import vn.motcua.gateway.support.GatewayIT;

/**
 * What a hostile probe sent the gateway (issue 10): huge error lists, broken text encodings and malformed HTTP
 * framing. Each is refused with a small, clear answer and reaches no service.
 */
@MicronautTest(transactional = false)
class HostileRequestsIT extends GatewayIT {

    @Override
    protected Map<String, String> extraProperties() {
        // the shipped idle-timeout is checked below; the test waits for a shorter one
        return Map.of("micronaut.server.idle-timeout", "5s");
    }

    @Test
    void aBodyOfManyUnknownKeysGetsAShortErrorList() {
        StringBuilder body = new StringBuilder("{");
        for (int i = 0; i < 80_000; i++) {
            body.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":1");
        }
        Api.Reply reply = api.postJson(
                "/api/v1/dossiers", receptionOfficer(), body.append('}').toString());

        assertProblem(reply, 400, "INVALID_FIELD");
        assertThat(reply.errors()).hasSize(50);
        assertThat(((Number) reply.json().get("errorsOmitted")).intValue()).isGreaterThanOrEqualTo(80_000 - 50);
        assertThat(reply.body().length()).isLessThan(16 * 1024);
        assertThat(services.received()).isEmpty();
    }

    @Test
    void aBodyThatIsNotUtf8IsRefused() {
        byte[] broken = "{\"applicant\": {\"fullName\": \"Nguy__n Văn An\"}}".getBytes(StandardCharsets.UTF_8);
        int at = new String(broken, StandardCharsets.UTF_8).indexOf("__");
        broken[at] = (byte) 0xC3; // a lead byte without its continuation: decoded leniently, this became U+FFFD
        broken[at + 1] = ' ';
        Api.Reply reply = api.send(api.request("/api/v1/dossiers")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + receptionOfficer())
                .POST(HttpRequest.BodyPublishers.ofByteArray(broken))
                .build());

        assertProblem(reply, 400, "MALFORMED_REQUEST");
        assertThat(reply.json().get("detail").toString()).contains("UTF-8");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void aLoneSurrogateIsRefused() {
        Api.Reply reply = api.postJson(
                "/api/v1/dossiers", receptionOfficer(), "{\"applicant\": {\"fullName\": \"An \\ud800 Bình\"}}");

        assertProblem(reply, 400, "MALFORMED_REQUEST");
        assertThat(reply.json().get("detail").toString()).contains("surrogate");
        assertThat(services.received()).isEmpty();
    }

    @Test
    void contentLengthWithTransferEncodingGetsOneAnswerAndTheConnectionCloses() {
        String smuggled = "GET /api/v1/units HTTP/1.1\r\nHost: x\r\n\r\n";
        String first = "POST /api/v1/public/procedures HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (5 + smuggled.length()) + "\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n";
        String answer = raw(first + smuggled, 10_000);

        assertThat(count(answer, "HTTP/1.1 ")).as(answer).isEqualTo(1);
        assertThat(answer).as("closed after the answer").doesNotContain("[still open]");
        assertThat(services.received()).as("the smuggled request never runs").isEmpty();
    }

    @Test
    void anOversizedHeaderIs431AndAnOversizedUrlIs414() {
        String header =
                raw("GET /api/v1/units HTTP/1.1\r\nHost: x\r\nX-Junk: " + "a".repeat(20_000) + "\r\n\r\n", 10_000);
        String url = raw("GET /api/v1/units?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 10_000);

        assertThat(header).startsWith("HTTP/1.1 431 ");
        // Netty answers a request line it could not read as HTTP/1.0
        assertThat(url).containsPattern("^HTTP/1\\.[01] 414 ");
    }

    @Test
    void aHalfSentRequestIsNotHeldOpen() {
        long started = System.nanoTime();
        String answer = raw("GET /api/v1/units HTTP/1.1\r\nHost: x\r\nX-Slow: ", 20_000);
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;

        assertThat(answer).doesNotContain("HTTP/1.1 200");
        assertThat(seconds)
                .as("closed by the server, not by the test's 20 s read timeout")
                .isLessThan(12);
        // the tests shorten it; the shipped configuration must set one of its own
        assertThat(shippedConfiguration()).containsPattern("(?m)^    idle-timeout: ");
    }

    /** Sends the bytes on a fresh connection and reads until the server closes it (or the timeout passes). */
    private String raw(String request, int timeoutMillis) {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(timeoutMillis);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                answer.write("\n[still open]".getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                // a reset after the answer counts as closed
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String shippedConfiguration() {
        try (InputStream in = HostileRequestsIT.class.getResourceAsStream("/application.yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
