package vn.motcua.report.importer.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusHistoryCompactFormTest {

    @Test
    void whatIsStoredReadsBackTheSame() {
        List<StatusStep> steps = List.of(
                new StatusStep(DvcqgStatus.RECEIVED, Instant.parse("2024-03-05T01:30:00Z")),
                new StatusStep(DvcqgStatus.RETURNED, Instant.parse("2024-03-07T07:00:00.123456Z")));
        String stored = StatusHistory.encode(steps);
        assertThat(stored).isEqualTo("2@2024-03-05T01:30:00Z|10@2024-03-07T07:00:00.123456Z");
        assertThat(StatusHistory.decode(stored)).isEqualTo(steps);
        assertThat(StatusHistory.decode("")).isEmpty();
    }

    @Test
    void anEntryWithoutExactlyOneAtIsRefusedByItsNumber() {
        assertThatThrownBy(() -> StatusHistory.split("2@20240305083000|4|9@x@y"))
                .hasMessageStartingWith("entry 2 is '4', expected TrangThai@ThoiDiem");
        assertThat(StatusHistory.split(" ")).isEmpty();
    }
}
