package vn.motcua.report.importer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Both ways a portal export writes a time become the same UTC instant. */
class PortalTimestampsAcceptBothStylesTest {

    @ParameterizedTest
    @CsvSource({
        // the portal's local Vietnam time, 7 hours ahead of UTC all year (no daylight saving)
        "20240305083000, 2024-03-05T01:30:00Z",
        "20240101000000, 2023-12-31T17:00:00Z",
        "2024-03-05T08:30:00+07:00, 2024-03-05T01:30:00Z",
        "2024-03-05T01:30:00Z, 2024-03-05T01:30:00Z",
        "2024-03-05T01:30:00.123456789Z, 2024-03-05T01:30:00.123456Z",
        "' 2024-03-05T09:30:00+08:00 ', 2024-03-05T01:30:00Z"
    })
    void bothStylesGiveTheSameUtcInstantToTheMicrosecond(String text, String utc) {
        assertThat(PortalTimestamps.parse(text)).contains(Instant.parse(utc));
    }

    @ParameterizedTest
    @ValueSource(strings = {"20240230120000", "2024030508300", "2024-03-05", "05/03/2024 08:30", "", "20241305083000"})
    void somethingElseOrADayThatDoesNotExistIsNotATime(String text) {
        assertThat(PortalTimestamps.parse(text)).isEmpty();
        assertThat(PortalTimestamps.problem(text)).contains("yyyyMMddHHmmss");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-05T08:30:00", "2024-03-05T08:30:00.5"})
    void anIsoTimeWithoutOffsetIsRefusedSayingSo(String text) {
        assertThat(PortalTimestamps.parse(text)).isEmpty();
        assertThat(PortalTimestamps.problem(text)).startsWith("an ISO-8601 time needs an offset");
    }
}
