package vn.motcua.dossier.dossier.service;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import vn.motcua.dossier.common.PrintableText;
import vn.motcua.platform.auth.Caller;

/**
 * The person behind a caller as the history records them: the token's family and given name in Vietnamese order
 * ("Trần Văn Minh"), or its name claim. The token was verified when the call came in; here it is only read.
 */
final class ActorNames {

    static final int MAX = 200;

    private ActorNames() {}

    /** Null when the token carries no name (service accounts) or is not a JWT. */
    static String of(Caller caller) {
        if (caller.token() == null || caller.token().isBlank()) {
            return null;
        }
        try {
            JWTClaimsSet claims = JWTParser.parse(caller.token()).getJWTClaimsSet();
            String family = claims.getStringClaim("family_name");
            String given = claims.getStringClaim("given_name");
            String name = family != null && !family.isBlank() && given != null && !given.isBlank()
                    ? family.strip() + " " + given.strip()
                    : claims.getStringClaim("name");
            return clean(name);
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }

    static String clean(String name) {
        if (name == null) {
            return null;
        }
        String s = name.strip().replaceAll("\\s+", " ");
        if (s.isEmpty() || !PrintableText.isPrintable(s)) {
            return null;
        }
        return s.length() > MAX ? s.substring(0, MAX) : s;
    }
}
