package vn.motcua.digitization.result.service;

import vn.motcua.digitization.document.domain.StoredVersion;
import vn.motcua.digitization.result.domain.DossierResult;
import vn.motcua.digitization.signature.SignatureReport;

/** A result with its document version's metadata and the signature report that vouched for it. */
public record ResultView(DossierResult result, StoredVersion version, SignatureReport signature) {}
