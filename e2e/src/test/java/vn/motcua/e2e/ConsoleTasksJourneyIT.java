package vn.motcua.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Directive tasks and data-collection campaigns in a real browser (browser/tasks.journey.cjs, issue 14): district
 * 298's leader (made here through the user administration, as ReportSystemTest does) records a directive and assigns
 * a campaign to Xã Ngọc Sơn and Xã Kỳ Sơn with 16:00 deadlines and three template columns; Ngọc Sơn's leader finds it
 * under "Nhiệm vụ", is shown which cell is wrong, saves a draft of two rows and submits it; the district's leader
 * sees the board (one on time, one pending and silent), accepts the report, consolidates it and downloads the
 * commune's XLSX. axe and the phone width are checked on every step. The board is then read over REST as well, so
 * the screen's counts are the service's.
 */
class ConsoleTasksJourneyIT extends ReportSystemTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String COMMUNE_LEADER = "ld.ngocson";
    private static final Pattern TASK_LINE = Pattern.compile("(?m)^task: (\\S+)$");

    @Test
    void aDistrictLeaderAssignsACampaignACommuneSubmitsAndTheDistrictAcceptsOnTheBoard() throws Exception {
        // report-service's unit tree (who may assign to whom) is a projection of the units' feed
        awaitCaughtUp();
        ensureDistrictOfficers();
        // a week ahead, so the commune's submission is on time whatever the day; a fresh number for every run (a
        // directive number is unique for its unit)
        LocalDate today = LocalDate.now(VIETNAM);
        String run = String.valueOf(ThreadLocalRandom.current().nextInt(10_000, 100_000));

        String log = BrowserJourney.run(
                platform,
                "tasks.journey.cjs",
                Map.of(
                        "LEADER",
                        DISTRICT_LEADER,
                        "COMMUNE_LEADER",
                        COMMUNE_LEADER,
                        "ASSIGNEES",
                        ReportScenario.NGOC_SON + "," + ReportScenario.KY_SON,
                        "DEADLINE",
                        today.plusDays(7) + "T16:00",
                        "UPWARD_DEADLINE",
                        today.plusDays(9) + "T16:00",
                        "RUN",
                        run));
        assertThat(log)
                .contains(
                        "step: the directive recorded, no task yet",
                        "step: the campaign board before any report",
                        "step: the commune leader sees the campaign among its tasks",
                        "step: a wrong cell is named by its row and column",
                        "step: the draft saved with two rows",
                        "step: the commune leader submits the report",
                        "step: the board with the commune on time and its report opened",
                        "step: the district accepts the report",
                        "step: the district consolidates the accepted report",
                        "step: the commune report downloaded as XLSX",
                        "journey tasks: ok");

        Matcher task = TASK_LINE.matcher(log);
        assertThat(task.find()).as("the journey names its task:%n%s", log).isTrue();
        HttpResponse<String> board = get("/api/v1/tasks/" + enc(task.group(1)) + "/board", DISTRICT_LEADER);
        assertThat(board.statusCode()).as(describe(board)).isEqualTo(200);
        JsonNode counts = json.readTree(board.body()).path("counts");
        assertThat(Map.of(
                        "onTime", counts.path("onTime").asInt(),
                        "late", counts.path("late").asInt(),
                        "missing", counts.path("missing").asInt(),
                        "pending", counts.path("pending").asInt(),
                        "silent", counts.path("silent").asInt()))
                .as(board.body())
                .isEqualTo(Map.of("onTime", 1, "late", 0, "missing", 0, "pending", 1, "silent", 1));
    }
}
