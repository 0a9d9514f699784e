package vn.motcua.digitization.stamp;

import java.nio.file.Path;

/** Writes a copy of a scan with the QR code at the top left of its first page (TCVN 7322:2009 placement). */
public interface QrStamper {

    /**
     * @param source    a PDF, JPEG or PNG that passed inspection
     * @param mediaType its detected type; the stamped copy keeps it
     * @param target    where to write the stamped copy (overwritten)
     * @return the exact text encoded in the QR code (JSON of the payload)
     */
    String stamp(Path source, String mediaType, QrPayload payload, Path target);
}
