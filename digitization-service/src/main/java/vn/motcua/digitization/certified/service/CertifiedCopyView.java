package vn.motcua.digitization.certified.service;

import vn.motcua.digitization.certified.domain.CertifiedCopy;
import vn.motcua.digitization.document.domain.StoredVersion;
import vn.motcua.digitization.signature.SignatureReport;

/** A register line with its document version's metadata and the signature report that vouched for it. */
public record CertifiedCopyView(CertifiedCopy copy, StoredVersion version, SignatureReport signature) {}
