package vn.motcua.digitization.common;

import vn.motcua.platform.auth.Caller;

/** How a caller is named in records (checked_by, certified_by): the username, else the token subject. */
public final class Actors {

    private Actors() {}

    public static String name(Caller caller) {
        return caller.username() == null || caller.username().isBlank() ? caller.subject() : caller.username();
    }
}
