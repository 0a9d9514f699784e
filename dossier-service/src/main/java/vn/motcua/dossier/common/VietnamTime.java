package vn.motcua.dossier.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Vietnam local time, the one zone of every unit: deadlines, working days and a unit's opening and closing dates are
 * all expressed in it. Here rather than in the calendar so that units can ask "what day is it" without the calendar.
 */
public final class VietnamTime {

    /** Fixed because all units are in Vietnam and legal deadlines are expressed in local time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {}

    public static LocalDate localDate(Instant moment) {
        return LocalDate.ofInstant(moment, ZONE);
    }
}
