package vn.motcua.digitization.common;

import java.time.Instant;
import java.time.ZoneId;

/** Vietnam's time zone, in one place: the year of a certification register is the Vietnamese calendar year. */
public final class Vietnam {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private Vietnam() {}

    public static int yearOf(Instant at) {
        return at.atZone(ZONE).getYear();
    }
}
