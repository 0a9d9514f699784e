package vn.motcua.gateway.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import vn.motcua.gateway.downstream.ProtoValues;
import vn.motcua.proto.common.v1.UnitRef;

/** An administrative unit: level PROVINCE, DISTRICT or COMMUNE; parentCode null for the top. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record UnitJson(
        String code,
        String name,
        @Nullable String level,
        String agencyCode,
        @Nullable String parentCode) {

    static UnitJson from(UnitRef unit) {
        return new UnitJson(
                unit.getCode(),
                unit.getName(),
                ProtoValues.enumName(unit.getLevel(), "UNIT_LEVEL_"),
                unit.getAgencyCode(),
                ProtoValues.text(unit.getParentCode()));
    }

    @Serdeable
    public record Units(
            @JsonInclude(JsonInclude.Include.ALWAYS) List<UnitJson> units) {

        static Units from(List<UnitRef> units) {
            return new Units(units.stream().map(UnitJson::from).toList());
        }
    }
}
