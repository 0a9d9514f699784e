package vn.motcua.digitization.signature;

import java.time.Instant;

/**
 * One signature found in a PDF.
 *
 * @param signedAt            claimed signing time (CMS signing-time attribute, else the PDF's /M), may be null
 * @param intact              the CMS signature matches the bytes it covers
 * @param coversWholeDocument nothing was appended after it
 * @param trusted             the signer chains to a configured trusted root and was valid at signedAt
 * @param problem             what is wrong, in English for logs and tests; null when nothing is
 */
public record SignerInfo(
        String signerSubject,
        String signerName,
        String issuerSubject,
        String serialNumber,
        Instant signedAt,
        boolean intact,
        boolean coversWholeDocument,
        boolean trusted,
        String subFilter,
        String problem) {}
