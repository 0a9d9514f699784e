package vn.motcua.digitization.document.domain;

import vn.motcua.platform.ids.RandomCodes;

/**
 * Document ids: {@code DOC-} and 26 random base32 characters (130 bits, {@link RandomCodes}), as payment ids are made:
 * not sequential, not guessable, so an id learnt from one dossier opens no other document.
 */
public final class DocumentIds {

    public static final int MAX_LENGTH = 40;

    private DocumentIds() {}

    public static String next() {
        return "DOC-" + RandomCodes.base32(26);
    }
}
