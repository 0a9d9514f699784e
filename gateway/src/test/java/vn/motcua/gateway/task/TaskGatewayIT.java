package vn.motcua.gateway.task;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import vn.motcua.gateway.support.Api;
import vn.motcua.gateway.support.GatewayIT;

/**
 * The gateway with {@link FakeTasks} behind its report channel (TaskService and CampaignService), the district 298's
 * and its communes' officers, and the province's puller as a machine client.
 */
abstract class TaskGatewayIT extends GatewayIT {

    protected final FakeTasks tasks = FakeTasks.start();

    @Override
    protected String reportAddress() {
        return tasks.address();
    }

    @BeforeAll
    void puller() {
        idp.serviceAccount("province-report-puller", Set.of("report_viewer"));
    }

    @BeforeEach
    void resetTasks() {
        tasks.reset();
    }

    @AfterAll
    void stopTasks() throws InterruptedException {
        tasks.close();
    }

    protected String machine() {
        return idp.serviceAccountToken("province-report-puller");
    }

    /** The district's leader, who issues directives and assigns tasks. */
    protected String districtLeader() {
        return idp.officer("ld.tuky", "298", "unit_leader");
    }

    /** The district's specialist, who follows up, returns and accepts. */
    protected String districtSpecialist() {
        return idp.officer("cv.tuky", "298", "specialist");
    }

    /** A commune's leader, who completes and submits. */
    protected String communeLeader() {
        return idp.officer("ld.11077", "11077", "unit_leader");
    }

    /** A commune's specialist, who reports progress and fills drafts. */
    protected String communeOfficer() {
        return idp.officer("cv.11077", "11077", "specialist");
    }

    protected String viewer() {
        return idp.officer("bc.haiduong", "30", "report_viewer");
    }

    protected Api.Reply send(String method, String path, String token, String body, String... headers) {
        var builder = api.request(path).method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body));
        builder.header("Content-Type", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return api.send(builder.build());
    }

    protected Api.Reply put(String path, String token, String body) {
        return send("PUT", path, token, body);
    }

    /** A POST with no body and no Content-Type, as a client sends an action without input. */
    protected Api.Reply postEmpty(String path, String token) {
        return api.send(api.request(path)
                .header("Authorization", "Bearer " + token)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                .build());
    }

    protected static List<Object> fields(Api.Reply reply) {
        return reply.errors().stream().map(e -> e.get("field")).toList();
    }

    @SuppressWarnings("unchecked")
    protected static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    protected static List<Map<String, Object>> list(Map<String, Object> parent, String name) {
        return (List<Map<String, Object>>) parent.get(name);
    }
}
