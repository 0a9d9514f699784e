package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;

/** Dossiers the officers' console journeys start from, made through the REST API as the demo users would. */
abstract class ConsoleDeskSupport extends SystemTest {

    /** Đăng ký kết hôn: 5 working days, one component, received at Xã Ngọc Sơn's desk. */
    static final String MARRIAGE = "1.000894";
    /** Đăng ký khai sinh: offered fully online at 11077. */
    static final String BIRTH = "1.001193";

    /** A dossier received at the counter by {@code desk}; its code. */
    String receiveAtCounter(String desk, String applicantName) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/api/v1/dossiers", """
                {"procedureCode":"%s","channel":"COUNTER",
                 "applicant":{"fullName":"%s","citizenId":"030090001234","phone":"0912345678",
                              "address":"Thôn Đông, xã Ngọc Sơn"}}""".formatted(MARRIAGE, applicantName), desk);
        assertThat(r.statusCode()).as(describe(r)).isEqualTo(201);
        return code(r);
    }

    /** An online submission by congdan.an at Xã Ngọc Sơn, waiting for the desk (SUBMITTED); its code. */
    String submitOnline(String applicantName) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/api/v1/citizen/dossiers", """
                {"procedureCode":"%s","unitCode":"11077","applicant":{"fullName":"%s"},
                 "note":"Nộp trực tuyến để thử bảng điều khiển"}""".formatted(BIRTH, applicantName), "congdan.an");
        assertThat(r.statusCode()).as(describe(r)).isEqualTo(201);
        assertThat(json.readTree(r.body()).path("status").asText()).isEqualTo("SUBMITTED");
        return code(r);
    }

    private String code(HttpResponse<String> r) throws IOException {
        JsonNode body = json.readTree(r.body());
        String code = body.path("code").asText();
        assertThat(code).as(describe(r)).isNotBlank();
        return code;
    }

    /** A suffix that keeps this run's applicants apart from every other test's on the shared platform. */
    static String runTag() {
        return Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
    }
}
