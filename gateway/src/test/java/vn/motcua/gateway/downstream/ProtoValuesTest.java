package vn.motcua.gateway.downstream;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.motcua.proto.dossier.v1.Channel;
import vn.motcua.proto.dossier.v1.DossierStatus;

class ProtoValuesTest {

    @Test
    void enumNamesLoseTheirPrefix() {
        assertThat(ProtoValues.enumName(DossierStatus.DOSSIER_STATUS_RECEIVED, "DOSSIER_STATUS_"))
                .isEqualTo("RECEIVED");
        assertThat(ProtoValues.enumName(DossierStatus.DOSSIER_STATUS_SUPPLEMENT_REQUESTED, "DOSSIER_STATUS_"))
                .isEqualTo("SUPPLEMENT_REQUESTED");
        assertThat(ProtoValues.enumName(Channel.CHANNEL_POSTAL, "CHANNEL_")).isEqualTo("POSTAL");
        assertThat(ProtoValues.enumName(DossierStatus.DOSSIER_STATUS_UNSPECIFIED, "DOSSIER_STATUS_"))
                .isNull();
        assertThat(ProtoValues.enumName(DossierStatus.UNRECOGNIZED, "DOSSIER_STATUS_"))
                .isNull();
    }

    @Test
    void instantsAreIsoUtcAndAbsentIsNull() {
        Timestamp ts = ProtoValues.timestamp(Instant.parse("2025-03-03T01:30:00.250Z"));

        assertThat(ProtoValues.instant(true, ts)).isEqualTo("2025-03-03T01:30:00.250Z");
        assertThat(ProtoValues.instant(false, Timestamp.getDefaultInstance())).isNull();
        assertThat(ProtoValues.text("")).isNull();
    }
}
