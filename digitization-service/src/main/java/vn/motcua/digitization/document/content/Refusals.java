package vn.motcua.digitization.document.content;

import java.util.List;
import java.util.Map;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.platform.error.FieldViolation;

/** The refusals of an upload, each a clear sentence on the field it concerns. */
public final class Refusals {

    public static final String FILE = "file";
    public static final String FILE_NAME = "file_name";

    private Refusals() {}

    /** The content is not acceptable (type, structure, active content, bomb). */
    public static DomainException file(String description) {
        return DomainException.invalid(FILE, description);
    }

    public static DomainException invalidName(String description) {
        return DomainException.invalid(FILE_NAME, description);
    }

    /**
     * The content is larger than the limit: OUT_OF_RANGE (a 400 at the gateway, not a 429), with the limit in the
     * metadata so a client can say how large a file may be.
     */
    public static DomainException tooLarge(long limit) {
        String message = FILE + ": the file is larger than the limit of " + limit + " bytes";
        return new DomainException(
                ErrorKind.OUT_OF_RANGE,
                ErrorReason.INVALID_FIELD,
                message,
                Map.of("rule", "max-size", "limit", Long.toString(limit)),
                List.of(new FieldViolation(FILE, "larger than the limit of " + limit + " bytes")));
    }
}
