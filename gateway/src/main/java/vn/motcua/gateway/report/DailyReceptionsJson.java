package vn.motcua.gateway.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import vn.motcua.proto.report.v1.CountDailyReceptionsResponse;

/** Dossiers received per unit and local day (Asia/Ho_Chi_Minh); date is YYYY-MM-DD. */
@Serdeable
public record DailyReceptionsJson(
        @JsonInclude(JsonInclude.Include.ALWAYS) List<Row> rows) {

    static DailyReceptionsJson from(CountDailyReceptionsResponse response) {
        return new DailyReceptionsJson(response.getRowsList().stream()
                .map(r -> new Row(r.getUnitCode(), r.getDate(), r.getReceived()))
                .toList());
    }

    @Serdeable
    public record Row(String unitCode, String date, long received) {}
}
