package vn.motcua.e2e;

import static vn.motcua.e2e.Subject.ADMIN_DISTRICT;
import static vn.motcua.e2e.Subject.ADMIN_PROVINCE;
import static vn.motcua.e2e.Subject.CITIZEN;
import static vn.motcua.e2e.Subject.CLERK;
import static vn.motcua.e2e.Subject.CONTROLLER;
import static vn.motcua.e2e.Subject.LEADER;
import static vn.motcua.e2e.Subject.RECEPTION_OWN;
import static vn.motcua.e2e.Subject.REPORT_VIEWER;
import static vn.motcua.e2e.Subject.SPECIALIST;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The resources the matrix acts on, each made through the API by the user whose job it is, in the state the
 * row's action needs. Dossiers are received at commune 11077 with congdan.an as the applicant; feedback is sent by
 * congdan.an to 11077; accounts are created at province 30 (so admin.tuky of district 298 is the "other unit").
 * Units are throwaway communes under district 298 with codes of their own (the demo units are never renamed, closed,
 * merged or given sessions); holidays are in {@link #HOLIDAY_YEAR}, far from any due date another test computes.
 */
final class MatrixFixtures {

    static final String UNIT = "11077";
    /** Đăng ký khai sinh: received at every commune, fully online, 1 working day. */
    static final String BIRTH = "1.001193";
    /** Đăng ký kết hôn: 5 working days, long enough for an apology at least one working day before the due time. */
    static final String MARRIAGE = "1.000894";

    /**
     * Cấp bản sao Giấy khai sinh từ sổ hộ tịch: received at every commune and the demo catalogue's fee-bearing
     * commune procedure (8,000 đồng per copy), so requiring its financial obligation makes a payment request.
     */
    static final String FEE_PROCEDURE = "2.000635";
    /** How long payment-service may take to hold a dossier's payment request after the obligation is required. */
    private static final java.time.Duration PAYMENT_WAIT = java.time.Duration.ofSeconds(30);

    static final String APPLICANT_ID = "030090001234";
    static final String PASSWORD = "KhoiTao#Matrix2026";
    /** The district the throwaway communes are placed under: both demo administrators reach it. */
    static final String DISTRICT = "298";
    /** No deadline of any test reaches this year, so a day off added here moves nothing. */
    static final int HOLIDAY_YEAR = 2099;
    /** Days of {@link #HOLIDAY_YEAR} handed out one by one from a random start, so reruns rarely meet leftovers. */
    private static final AtomicInteger HOLIDAY_DAY =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(300));

    private final Api api;
    /**
     * The same gateway as district 298's leader ({@link #DISTRICT_LEADER}, whatever subject a call names): the tasks
     * and campaigns of the matrix are issued by the district to its commune 11077, and no subject leads the district.
     */
    private final Api district;

    private boolean districtLeaderMade;
    /** ASSIGNED notifications of 11077, made in a batch (the reminder sweep runs every 30 s) and handed out one by one. */
    private final java.util.Deque<String> notifications = new java.util.ArrayDeque<>();

    MatrixFixtures(Api api, Api district) {
        this.api = api;
        this.district = district;
    }

    static String today() {
        return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
    }

    static String counterDossierBody(String procedure) {
        return """
                {"procedureCode":"%s","channel":"COUNTER",
                 "applicant":{"fullName":"Nguyễn Văn An","citizenId":"%s","phone":"0912345678",
                              "address":"Thôn Đông, xã Ngọc Sơn"}}""".formatted(procedure, APPLICANT_ID);
    }

    static String onlineDossierBody() {
        return """
                {"procedureCode":"%s","unitCode":"%s","applicant":{"fullName":"Nguyễn Văn An"},
                 "note":"Nộp trực tuyến"}""".formatted(BIRTH, UNIT);
    }

    static String feedbackBody() {
        return """
                {"unitCode":"%s","title":"Thời hạn giải quyết","content":"Đề nghị rút ngắn thời hạn.",
                 "senderName":"Nguyễn Văn An"}""".formatted(UNIT);
    }

    static String draftBody(String code) {
        return """
                {"code":"%s","name":"Thủ tục thử ma trận quyền","field":"Hộ tịch","level":"COMMUNE",
                 "timeLimit":{"amount":5,"unit":"WORKING_DAYS"},"onlineLevel":"NONE",
                 "components":[{"name":"Đơn đề nghị","quantity":1}],
                 "receivingUnits":[{"unitCode":"%s","competentUnitCode":"%s"}],"effectiveOn":"%s"}""".formatted(code, UNIT, UNIT, today());
    }

    static String importCsv(String code) {
        return "code,name,field,level,time_limit_amount,time_limit_unit,online_level,postal_allowed,"
                + "boundary_free_allowed,requires_paper_result,effective_on,fees,components,receiving_units\r\n"
                + code + ",Thủ tục nhập từ tệp,Nông nghiệp,COMMUNE,5,WORKING_DAYS,NONE,false,false,true,"
                + today() + ",Lệ phí:0,Đơn đề nghị|true|1|false," + UNIT + ":" + UNIT + "\r\n";
    }

    static String accountBody(String username) {
        return """
                {"username":"%s","email":"%s@motcua.local","firstName":"Ma","lastName":"Trận",
                 "unitCode":"30","role":"report_viewer","password":"%s","temporaryPassword":false}""".formatted(username, username, PASSWORD);
    }

    /** A procedure code nobody has used: the 9.xxxxxx range is not in the demo catalogue. */
    static String freshProcedureCode() {
        return "9." + (100000 + ThreadLocalRandom.current().nextInt(900000));
    }

    /** A unit code nobody has used (the demo units have numeric codes); its agency code is derived from it. */
    static String freshUnitCode() {
        return "MX"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase(Locale.ROOT);
    }

    /** A commune under {@link #DISTRICT} opening today. */
    static String communeBody(String code) {
        return """
                {"code":"%s","agencyCode":"000.99.%s","name":"Xã Thử Ma Trận %s","level":"COMMUNE",
                 "parentCode":"%s","validFrom":"%s"}""".formatted(code, code, code, DISTRICT, today());
    }

    /** Two throwaway communes ("a,b") merged into a new one from tomorrow, so the sources' last day is today. */
    static String mergerBody(String sources) {
        String codes = String.join("\",\"", sources.split(","));
        String successor = freshUnitCode();
        return """
                {"sourceCodes":["%s"],"effectiveOn":"%s",
                 "successor":{"code":"%s","agencyCode":"000.99.%s","name":"Xã Hợp Nhất %s","level":"COMMUNE",
                              "parentCode":"%s"}}""".formatted(codes, LocalDate.parse(today()).plusDays(1), successor, successor, successor, DISTRICT);
    }

    static final String SESSIONS = """
            {"sessions":[{"weekday":"MONDAY","start":"07:30","end":"11:30"},
                         {"weekday":"MONDAY","start":"13:30","end":"17:00"},
                         {"weekday":"WEDNESDAY","start":"07:30","end":"11:30"},
                         {"weekday":"FRIDAY","start":"07:30","end":"11:30"}],
             "makeUpDaySessions":[{"start":"07:30","end":"11:30"}]}""";

    /** A day of {@link #HOLIDAY_YEAR} not handed out before in this run. */
    static String freshHolidayDate() {
        return LocalDate.of(HOLIDAY_YEAR, 1, 1)
                .plusDays(HOLIDAY_DAY.getAndIncrement() % 365)
                .toString();
    }

    /** A nationwide day off (no unitCode): in the table of every unit. */
    static String nationwideHolidayBody(String date) {
        return """
                {"date":"%s","kind":"DAY_OFF","name":"Ngày nghỉ thử ma trận quyền"}""".formatted(date);
    }

    static String freshUsername() {
        return "mx" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    // --- dossiers -----------------------------------------------------------------------------------------

    String received() throws IOException, InterruptedException {
        return received(BIRTH);
    }

    String received(String procedure) throws IOException, InterruptedException {
        return code(api.post(RECEPTION_OWN, "/api/v1/dossiers", counterDossierBody(procedure), 201));
    }

    /** A received dossier's code and the lookup key from its receipt, separated by a space. */
    String receivedWithLookupKey() throws IOException, InterruptedException {
        JsonNode dossier = api.post(RECEPTION_OWN, "/api/v1/dossiers", counterDossierBody(BIRTH), 201);
        return code(dossier) + " " + require(dossier, "lookupKey");
    }

    String submitted() throws IOException, InterruptedException {
        return code(api.post(CITIZEN, "/api/v1/citizen/dossiers", onlineDossierBody(), 201));
    }

    String preSupplement() throws IOException, InterruptedException {
        String code = submitted();
        act(RECEPTION_OWN, code, "request-pre-supplement", "{\"reason\":\"Thiếu giấy chứng sinh\"}");
        return code;
    }

    /** A paper dossier the desk sent back for a supplement before acceptance (ND61 Art 17(1)(a)): no clock yet. */
    String counterPreSupplement() throws IOException, InterruptedException {
        return code(api.post(RECEPTION_OWN, "/api/v1/dossiers", counterPreSupplementBody(BIRTH), 201));
    }

    static String counterPreSupplementBody(String procedure) {
        String body = counterDossierBody(procedure);
        return body.substring(0, body.lastIndexOf('}'))
                + ",\"outcome\":\"REQUEST_SUPPLEMENT\",\"reason\":\"Thiếu tờ khai\"}";
    }

    String inProcess() throws IOException, InterruptedException {
        return inProcess(BIRTH);
    }

    String inProcess(String procedure) throws IOException, InterruptedException {
        String code = received(procedure);
        act(RECEPTION_OWN, code, "transfer", "{}");
        return code;
    }

    String supplementRequested() throws IOException, InterruptedException {
        String code = inProcess();
        act(SPECIALIST, code, "request-supplement", "{\"reason\":\"Bổ sung bản sao CCCD\"}");
        return code;
    }

    String awaitingPayment() throws IOException, InterruptedException {
        String code = inProcess();
        act(SPECIALIST, code, "require-financial-obligation", "{\"reason\":\"Nộp lệ phí\"}");
        return code;
    }

    String resultReady() throws IOException, InterruptedException {
        String code = withSignedResult();
        act(CLERK, code, "issue-result", "{\"resultNote\":\"Giấy khai sinh\"}");
        return code;
    }

    String returned() throws IOException, InterruptedException {
        String code = resultReady();
        act(RECEPTION_OWN, code, "return-result", "{\"channel\":\"COUNTER\"}");
        return code;
    }

    // --- fees (payment-service) ---------------------------------------------------------------------------------

    /** A dossier of {@link #FEE_PROCEDURE} in process whose financial obligation the specialist required. */
    String feeDossier() throws IOException, InterruptedException {
        String code = inProcess(FEE_PROCEDURE);
        act(SPECIALIST, code, "require-financial-obligation", "{\"reason\":\"Nộp phí cấp bản sao\"}");
        return code;
    }

    /** "id amount" of the (unpaid) payment request of a new fee-bearing dossier. */
    String owedPayment() throws IOException, InterruptedException {
        JsonNode payment = paymentOf(feeDossier());
        return require(payment, "id") + " " + require(payment, "amount");
    }

    /** "id amount" of a payment request the desk recorded as paid in cash. */
    String paidPayment() throws IOException, InterruptedException {
        String[] owed = owedPayment().split(" ");
        api.post(
                RECEPTION_OWN,
                "/api/v1/payments/" + owed[0] + ":record-counter",
                "{\"channel\":\"COUNTER_CASH\",\"amount\":" + owed[1] + ",\"note\":\"Thu tại quầy\"}",
                200);
        return owed[0] + " " + owed[1];
    }

    /** "pathNumber checkCode" of the receipt of a payment paid at the desk. */
    String paidReceipt() throws IOException, InterruptedException {
        String id = paidPayment().split(" ")[0];
        Api.Reply reply = api.get(RECEPTION_OWN, "/api/v1/payments/" + id);
        if (reply.status() != 200) {
            throw new IllegalStateException("fixture step GET payment " + id + ": " + reply.describe());
        }
        JsonNode receipt = api.json().readTree(reply.body()).path("receipt");
        return require(receipt, "pathNumber") + " " + require(receipt, "checkCode");
    }

    /**
     * The dossier's payment request as its payer sees it, once payment-service holds it (dossier-service asks for
     * it when the obligation is required; waited for rather than assumed synchronous).
     */
    JsonNode paymentOf(String dossierCode) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PAYMENT_WAIT.toNanos();
        while (true) {
            Api.Reply reply = api.get(RECEPTION_OWN, "/api/v1/dossiers/" + dossierCode + "/payments");
            if (reply.status() != 200) {
                throw new IllegalStateException("fixture step payments of " + dossierCode + ": " + reply.describe());
            }
            JsonNode payments = api.json().readTree(reply.body()).path("payments");
            if (payments.size() > 0) {
                return payments.get(0);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no payment request for " + dossierCode + " after " + PAYMENT_WAIT);
            }
            Thread.sleep(300);
        }
    }

    private void act(Subject who, String code, String action, String body) throws IOException, InterruptedException {
        api.post(who, "/api/v1/dossiers/" + code + ":" + action, body, 200);
    }

    private static String code(JsonNode dossier) {
        return require(dossier, "code");
    }

    // --- digitization (digitization-service) ---------------------------------------------------------------------

    /** The query of an upload of a file for a dossier. */
    static String uploadQuery(String dossier) {
        return "dossier=" + dossier + "&fileName=ma-tran.pdf";
    }

    /** Id of a document uploaded by {@code who} for the dossier (a plain one-page PDF unless {@code pdf} is given). */
    String document(Subject who, String dossier, byte[] pdf) throws IOException, InterruptedException {
        return upload(who, uploadQuery(dossier), pdf);
    }

    private String upload(Subject who, String query, byte[] pdf) throws IOException, InterruptedException {
        Api.Reply reply = api.sendBytes(who, "POST", "/api/v1/documents?" + query, pdf, "application/pdf");
        if (reply.status() != 201) {
            throw new IllegalStateException("fixture step upload (" + query + ") as " + who + ": " + reply.describe());
        }
        return require(api.json().readTree(reply.body()), "id");
    }

    /** Id of a scan the desk uploaded for a new counter dossier. */
    String documentOfDossier() throws IOException, InterruptedException {
        return document(RECEPTION_OWN, received(), SamplePdfs.pageBytes("Ma tran quyen"));
    }

    /** "code documentId": an online dossier and a file its applicant uploaded for it, not yet attached. */
    String uploadedByTheApplicant() throws IOException, InterruptedException {
        String code = submitted();
        return code + " " + document(CITIZEN, code, SamplePdfs.pageBytes("Nop truc tuyen"));
    }

    /** A counter dossier whose component 1 has a scan attached (UPLOADED). */
    String attachedComponent() throws IOException, InterruptedException {
        String code = received();
        String document = document(RECEPTION_OWN, code, SamplePdfs.pageBytes("Ban quet"));
        api.post(
                RECEPTION_OWN,
                "/api/v1/dossiers/" + code + "/components/1:attach",
                "{\"documentId\":\"" + document + "\",\"source\":\"SCAN\"}",
                200);
        return code;
    }

    /** A counter dossier whose component 1 was checked against the original (CHECKED, QR-stamped). */
    String checkedComponent() throws IOException, InterruptedException {
        String code = attachedComponent();
        api.post(
                RECEPTION_OWN,
                "/api/v1/dossiers/" + code + "/components/1:check",
                "{\"matchesOriginal\":true,\"note\":\"\"}",
                200);
        return code;
    }

    /** Id of congdan.an's warehouse item of a newly confirmed component. */
    String warehouseItem() throws IOException, InterruptedException {
        String code = checkedComponent();
        api.post(RECEPTION_OWN, "/api/v1/dossiers/" + code + "/components/1:confirm", "{}", 200);
        long deadline = System.nanoTime() + PAYMENT_WAIT.toNanos();
        while (true) {
            Api.Reply list = api.get(CITIZEN, "/api/v1/me/warehouse?pageSize=100");
            if (list.status() != 200) {
                throw new IllegalStateException("fixture step warehouse of congdan.an: " + list.describe());
            }
            for (JsonNode item : api.json().readTree(list.body()).path("items")) {
                if (code.equals(item.path("dossierCode").asText())) {
                    return require(item, "id");
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no warehouse item for " + code + ": " + list.describe());
            }
            Thread.sleep(300);
        }
    }

    /** "code itemId": congdan.an's new online dossier and a still-valid item of their warehouse. */
    String fillableFromTheWarehouse() throws IOException, InterruptedException {
        String item = warehouseItem();
        return submitted() + " " + item;
    }

    /** "code documentId": a dossier in process and a result PDF signed by the run's trusted CA, uploaded for it. */
    String signedResult() throws IOException, InterruptedException {
        String code = inProcess();
        byte[] signed = TrustedSigning.signedPdf(scratch(), "Chuyên Viên Ma Trận");
        return code + " " + document(SPECIALIST, code, signed);
    }

    /**
     * A dossier in process whose signed electronic result is attached, so the clerk may issue it (issue 12: dossier-
     * service refuses the result before; the same two steps as SystemTest.attachSignedResult, as the specialist).
     */
    String withSignedResult() throws IOException, InterruptedException {
        String code = inProcess();
        String document = document(SPECIALIST, code, TrustedSigning.resultPdf());
        api.post(SPECIALIST, "/api/v1/dossiers/" + code + "/result", "{\"documentId\":\"" + document + "\"}", 200);
        return code;
    }

    /** Id of a signed e-copy uploaded for certification at 11077's desk. */
    String certifiableCopy() throws IOException, InterruptedException {
        byte[] signed = TrustedSigning.signedPdf(scratch(), "Cán Bộ Chứng Thực");
        return upload(RECEPTION_OWN, "unit=" + UNIT + "&fileName=ban-sao.pdf", signed);
    }

    private static java.nio.file.Path scratch() throws IOException {
        return java.nio.file.Files.createTempDirectory("motcua-matrix-signed-");
    }

    // --- feedback -----------------------------------------------------------------------------------------

    String feedback() throws IOException, InterruptedException {
        return require(api.post(CITIZEN, "/api/v1/feedback", feedbackBody(), 201), "id");
    }

    /** Classified as a regulation within (answer here) or outside (forward) the unit's competence. */
    String feedbackInProcessing(boolean withinCompetence) throws IOException, InterruptedException {
        String id = feedback();
        api.post(
                CONTROLLER,
                "/api/v1/feedback/" + id + ":classify",
                "{\"classification\":\""
                        + (withinCompetence ? "REGULATION_IN_COMPETENCE" : "REGULATION_OUT_OF_COMPETENCE") + "\"}",
                200);
        return id;
    }

    String answeredFeedback() throws IOException, InterruptedException {
        String id = feedbackInProcessing(true);
        api.post(CONTROLLER, "/api/v1/feedback/" + id + ":answer", "{\"answer\":\"Đã rút ngắn còn 3 ngày.\"}", 200);
        return id;
    }

    String publishedFeedback() throws IOException, InterruptedException {
        String id = answeredFeedback();
        api.post(CONTROLLER, "/api/v1/feedback/" + id + ":publish", "{}", 200);
        return id;
    }

    // --- catalogue ----------------------------------------------------------------------------------------

    /** "code/version" of a new draft received only at 11077, which district 298's controller manages. */
    String draft() throws IOException, InterruptedException {
        JsonNode version = api.post(CONTROLLER, "/api/v1/catalog/procedures", draftBody(freshProcedureCode()), 201);
        JsonNode procedure = version.path("procedure");
        return require(procedure, "code") + "/" + require(procedure, "version");
    }

    String publishedProcedure() throws IOException, InterruptedException {
        String[] draft = draft().split("/");
        api.post(
                CONTROLLER,
                "/api/v1/catalog/procedures/" + draft[0] + "/versions/" + draft[1] + ":publish",
                publicationBody(),
                200);
        return draft[0];
    }

    static String publicationBody() {
        return "{\"publicationDecision\":\"QĐ 12/QĐ-UBND\",\"publishedOn\":\"" + today() + "\"}";
    }

    // --- accounts -----------------------------------------------------------------------------------------

    /** Id of a new report_viewer account at province 30, made by the province's administrator. */
    String provinceAccount() throws IOException, InterruptedException {
        return require(api.post(ADMIN_PROVINCE, "/api/v1/admin/users", accountBody(freshUsername()), 201), "id");
    }

    // --- units and the work calendar -------------------------------------------------------------------------

    /** Code of a new commune under district 298, made by the district's administrator. */
    String commune() throws IOException, InterruptedException {
        return require(api.post(ADMIN_DISTRICT, "/api/v1/admin/units", communeBody(freshUnitCode()), 201), "code");
    }

    /** "a,b": two new communes to merge. */
    String twoCommunes() throws IOException, InterruptedException {
        return commune() + "," + commune();
    }

    /** Date of a new nationwide day off in {@link #HOLIDAY_YEAR}, added by the province's administrator. */
    String nationwideHoliday() throws IOException, InterruptedException {
        return require(
                api.post(
                        ADMIN_PROVINCE,
                        "/api/v1/admin/calendar/holidays",
                        nationwideHolidayBody(freshHolidayDate()),
                        201),
                "date");
    }

    /**
     * Removes every entry of {@link #HOLIDAY_YEAR} the province's administrator sees (nationwide and its subtree's),
     * so the days off the matrix added do not outlive it.
     */
    void removeHolidayYear() throws IOException, InterruptedException {
        String year = "from=" + HOLIDAY_YEAR + "-01-01&to=" + HOLIDAY_YEAR + "-12-31";
        Api.Reply list = api.get(ADMIN_PROVINCE, "/api/v1/admin/calendar/holidays?" + year);
        if (list.status() != 200) {
            throw new IllegalStateException("listing the " + HOLIDAY_YEAR + " holidays: " + list.describe());
        }
        for (JsonNode day : api.json().readTree(list.body()).path("days")) {
            String unit = day.path("unitCode").asText("");
            String path = "/api/v1/admin/calendar/holidays/" + day.path("date").asText()
                    + (unit.isEmpty() ? "" : "?unitCode=" + unit);
            Api.Reply removed = api.send(ADMIN_PROVINCE, "DELETE", path, null, null);
            if (removed.status() != 200) {
                throw new IllegalStateException("removing " + path + ": " + removed.describe());
            }
        }
    }

    // --- reports (report-service, issue 13) ------------------------------------------------------------------

    /** Last month, a closed period, as the report routes' query parameters (Asia/Ho_Chi_Minh). */
    static String lastMonthQuery() {
        LocalDate month = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusMonths(1);
        return "periodKind=MONTH&year=" + month.getYear() + "&number=" + month.getMonthValue();
    }

    /** Last month as the period object of a report body. */
    static String lastMonthBody() {
        LocalDate month = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusMonths(1);
        return "{\"kind\":\"MONTH\",\"year\":" + month.getYear() + ",\"number\":" + month.getMonthValue() + "}";
    }

    /** A leader's submission of 11077's II.06a for last month (a new version each time). */
    static String submissionBody() {
        return "{\"unitCode\":\"" + UNIT + "\",\"kind\":\"II06A\",\"period\":" + lastMonthBody()
                + ",\"reason\":\"Ma trận quyền: nộp lại báo cáo\"}";
    }

    /**
     * A received dossier of 11077 once report-service has projected it from dossier-service's feed (the province's
     * report viewer reads its evaluation), so the report routes find it.
     */
    String projectedDossier() throws IOException, InterruptedException {
        String code = received();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Api.Reply r = api.get(REPORT_VIEWER, "/api/v1/reports/dossiers/" + code + "/evaluation");
            if (r.status() == 200) {
                return code;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("dossier " + code + " not projected in time: " + r.describe());
            }
            Thread.sleep(300);
        }
    }

    /** The id of a submission of 11077's last month (its leader submits a version). */
    String submission() throws IOException, InterruptedException {
        return require(api.post(LEADER, "/api/v1/reports/submissions", submissionBody(), 201), "submissionId");
    }

    /**
     * The rules of the newest indicator rule version, republished from a month far ahead (2099-01) so the version the
     * matrix adds applies to no period anyone reports on.
     */
    String ruleVersionBody() throws IOException, InterruptedException {
        Api.Reply r = api.get(REPORT_VIEWER, "/api/v1/reports/indicator-rules");
        if (r.status() != 200) {
            throw new IllegalStateException("reading the indicator rules: " + r.describe());
        }
        JsonNode newest = api.json().readTree(r.body()).path("versions").path(0);
        String rules = require(newest, "rulesJson");
        return api.json()
                .writeValueAsString(api.json()
                        .createObjectNode()
                        .put("effectiveFromMonth", "2099-01")
                        .put("rulesJson", rules)
                        .put("reason", "Ma trận quyền: công bố lại bộ quy tắc hiện hành"));
    }

    // --- directive tasks and campaigns (report-service, issue 14) ---------------------------------------------

    /** District 298's leader, missing from the demo realm: made by the district's administrator on first use. */
    static final String DISTRICT_LEADER = "ld.tuky";
    /** The single column of the matrix's campaigns. */
    static final String CAMPAIGN_DRAFT = "{\"unitCode\":\"" + UNIT + "\",\"rows\":[{\"cells\":{\"so_lieu\":\"7\"}}]}";
    /** How long the reminder sweep (30 s by default) may take to put a new assignment's ASSIGNED notification in. */
    private static final java.time.Duration SWEEP_WAIT = java.time.Duration.ofSeconds(120);

    /** A local deadline {@code days} ahead at 16:00, as the task routes take it. */
    static String localDeadline(int days) {
        return LocalDate.parse(today()).plusDays(days) + "T16:00";
    }

    /** A directive body with a number never used (the caller's unit issues it unless {@code unit} is given). */
    static String directiveBody(String unit) {
        String number = "MT-" + UUID.randomUUID().toString().substring(0, 8) + "/KH-UBND";
        return "{" + (unit == null ? "" : "\"issuingUnitCode\":\"" + unit + "\",") + "\"number\":\"" + number
                + "\",\"signedOn\":\"" + today() + "\",\"title\":\"Kế hoạch thử ma trận quyền\","
                + "\"signer\":\"Chủ tịch UBND Nguyễn Văn Thử\"}";
    }

    /** A yes/no task for commune 11077, due in 10 days. */
    static String taskBody() {
        return "{\"kind\":\"TASK\",\"title\":\"Rà soát niêm yết thủ tục hành chính\",\"assigneeUnitCodes\":[\"" + UNIT
                + "\"],\"deadline\":\"" + localDeadline(10) + "\",\"expectedOutput\":\"YES_NO\"}";
    }

    /** A campaign for commune 11077 (one required integer column), due in 10 days, the district's in 17. */
    static String campaignBody() {
        return "{\"kind\":\"CAMPAIGN\",\"title\":\"Thu thập số liệu thử ma trận quyền\",\"assigneeUnitCodes\":[\""
                + UNIT + "\"],\"deadline\":\"" + localDeadline(10) + "\",\"upwardDeadline\":\"" + localDeadline(17)
                + "\",\"expectedOutput\":\"REPORT_TEMPLATE\",\"template\":{\"prefill\":\"NONE\",\"columns\":"
                + "[{\"key\":\"so_lieu\",\"label\":\"Số liệu\",\"type\":\"INTEGER\",\"required\":true}]}}";
    }

    static String progressBody() {
        return "{\"unitCode\":\"" + UNIT + "\",\"text\":\"Đã rà soát 5 thủ tục\",\"percent\":50,\"documentIds\":[]}";
    }

    static String completeBody() {
        return "{\"unitCode\":\"" + UNIT + "\",\"answer\":true,\"note\":\"Đã thực hiện\"}";
    }

    static String contactsBody() {
        return "{\"assigneeEmails\":[\"vanphong.ngocson@motcua.local\"],"
                + "\"leaderEmails\":[\"lanhdao.ngocson@motcua.local\"]}";
    }

    /** A directive of 11077 issued by its own leader (no tasks: a commune has no unit below it to assign). */
    String ownDirective() throws IOException, InterruptedException {
        return require(api.post(LEADER, "/api/v1/directives", directiveBody(null), 201), "directiveId");
    }

    /** A directive of district 298, issued by its leader, with no task yet. */
    String districtDirective() throws IOException, InterruptedException {
        return require(asDistrictLeader("POST", "/api/v1/directives", directiveBody(DISTRICT), 201), "directiveId");
    }

    /** A yes/no task of district 298 assigned to 11077 alone. */
    String task() throws IOException, InterruptedException {
        return require(
                asDistrictLeader("POST", "/api/v1/directives/" + districtDirective() + "/tasks", taskBody(), 201),
                "taskId");
    }

    /** A campaign of district 298 assigned to 11077 alone, nothing saved yet. */
    String campaign() throws IOException, InterruptedException {
        return require(
                asDistrictLeader("POST", "/api/v1/directives/" + districtDirective() + "/tasks", campaignBody(), 201),
                "taskId");
    }

    /** "taskId reportId": a campaign whose 11077 draft (version 1) its specialist saved. */
    String campaignDraft() throws IOException, InterruptedException {
        String task = campaign();
        Api.Reply saved = api.send(
                SPECIALIST, "PUT", "/api/v1/tasks/" + task + "/reports/draft", CAMPAIGN_DRAFT, "application/json");
        if (saved.status() != 200) {
            throw new IllegalStateException("fixture step draft of " + task + ": " + saved.describe());
        }
        return task + " " + require(api.json().readTree(saved.body()), "reportId");
    }

    /** "taskId reportId": a campaign whose 11077 report its leader submitted (version 1, with the district). */
    String submittedCampaignReport() throws IOException, InterruptedException {
        String task = campaignDraft().split(" ")[0];
        JsonNode report =
                api.post(LEADER, "/api/v1/tasks/" + task + "/reports/submit", "{\"unitCode\":\"" + UNIT + "\"}", 200);
        return task + " " + require(report, "reportId");
    }

    /** A campaign whose 11077 report the district's leader accepted: ready to be consolidated. */
    String acceptedCampaign() throws IOException, InterruptedException {
        String[] submitted = submittedCampaignReport().split(" ");
        asDistrictLeader("POST", "/api/v1/campaign-reports/" + submitted[1] + "/accept", "{}", 200);
        return submitted[0];
    }

    /**
     * The id of an unread ASSIGNED notification of 11077 (assignee audience). The sweep puts them in on its own
     * schedule, so five tasks are assigned at once and their notifications handed out one by one.
     */
    String assignedNotification() throws IOException, InterruptedException {
        if (notifications.isEmpty()) {
            java.util.Set<String> tasks = new java.util.HashSet<>();
            for (int i = 0; i < 5; i++) {
                tasks.add(task());
            }
            long deadline = System.nanoTime() + SWEEP_WAIT.toNanos();
            while (true) {
                Api.Reply inbox = api.get(RECEPTION_OWN, "/api/v1/task-notifications?unreadOnly=true&pageSize=100");
                if (inbox.status() != 200) {
                    throw new IllegalStateException("fixture step inbox of 11077: " + inbox.describe());
                }
                java.util.List<String> found = new java.util.ArrayList<>();
                for (JsonNode n : api.json().readTree(inbox.body()).path("notifications")) {
                    if (tasks.contains(n.path("taskId").asText())
                            && "ASSIGNED".equals(n.path("kind").asText())) {
                        found.add(require(n, "notificationId"));
                    }
                }
                if (found.size() == tasks.size()) {
                    notifications.addAll(found);
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("ASSIGNED notifications of 11077 for " + tasks + " after "
                            + SWEEP_WAIT + ": " + found.size() + " in " + inbox.describe());
                }
                Thread.sleep(1_000);
            }
        }
        return notifications.removeFirst();
    }

    /** A request as district 298's leader, made by the district's administrator the first time. */
    private JsonNode asDistrictLeader(String method, String path, String body, int expected)
            throws IOException, InterruptedException {
        if (!districtLeaderMade) {
            Api.Reply made = api.send(
                    ADMIN_DISTRICT,
                    "POST",
                    "/api/v1/admin/users",
                    """
                    {"username":"%s","email":"%s@motcua.local","firstName":"Lãnh","lastName":"Đạo",
                     "unitCode":"%s","role":"unit_leader","password":"MotCua@2026","temporaryPassword":false}""".formatted(DISTRICT_LEADER, DISTRICT_LEADER, DISTRICT),
                    "application/json");
            if (made.status() != 201 && made.status() != 409) {
                throw new IllegalStateException("fixture step: making " + DISTRICT_LEADER + ": " + made.describe());
            }
            districtLeaderMade = true;
        }
        Api.Reply r = district.send(Subject.NONE, method, path, body, "application/json");
        if (r.status() != expected) {
            throw new IllegalStateException("fixture step " + method + " " + path + " as " + DISTRICT_LEADER
                    + " expected " + expected + " but got " + r.describe());
        }
        return r.body() == null || r.body().isBlank()
                ? api.json().nullNode()
                : api.json().readTree(r.body());
    }

    private static String require(JsonNode node, String field) {
        String value = node.path(field).asText();
        if (value.isBlank()) {
            throw new IllegalStateException("no " + field + " in " + node);
        }
        return value;
    }
}
