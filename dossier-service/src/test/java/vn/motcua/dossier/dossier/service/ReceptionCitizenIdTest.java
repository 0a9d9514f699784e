package vn.motcua.dossier.dossier.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.motcua.dossier.dossier.domain.Applicant;
import vn.motcua.dossier.dossier.domain.Channel;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.FieldViolation;

/** A reception records the applicant's citizen id, at the counter and by post (the gateway no longer checks it). */
class ReceptionCitizenIdTest {

    private static final Instant NOW = Instant.parse("2026-03-09T01:00:00Z");

    private static ReceiveCommand reception(Channel channel, String citizenId) {
        return new ReceiveCommand(
                "r-1",
                "1.001193",
                new Applicant("Nguyễn Văn An", citizenId, null, null, null),
                channel,
                channel == Channel.POSTAL ? NOW.minusSeconds(3600) : null,
                null);
    }

    @Test
    void counterAndPostalReceptionsNeedTheCitizenId() {
        for (Channel channel : new Channel[] {Channel.COUNTER, Channel.POSTAL}) {
            for (String missing : new String[] {null, "", " "}) {
                DomainException e = catchThrowableOfType(
                        DomainException.class,
                        () -> ReceiveCommandValidator.validate(reception(channel, missing), NOW));
                assertThat(e).as(channel + " " + missing).isNotNull();
                assertThat(e.violations()).containsExactly(new FieldViolation("applicant.citizen_id", "is required"));
            }
            assertThatCode(() -> ReceiveCommandValidator.validate(reception(channel, "001203004567"), NOW))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void aMalformedCitizenIdIsReportedOnce() {
        DomainException e = catchThrowableOfType(
                DomainException.class,
                () -> ReceiveCommandValidator.validate(reception(Channel.COUNTER, "12345"), NOW));
        assertThat(e.violations())
                .containsExactly(new FieldViolation("applicant.citizen_id", "must be exactly 12 digits"));
    }
}
