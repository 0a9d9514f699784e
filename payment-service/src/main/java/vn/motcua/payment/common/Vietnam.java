package vn.motcua.payment.common;

import java.time.ZoneId;

/**
 * Vietnam's time zone, in one place: the provider's timestamps, the receipt year, the printed receipt time and the
 * day a settlement file covers are all Vietnamese local time, and must agree on the zone.
 */
public final class Vietnam {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private Vietnam() {}
}
