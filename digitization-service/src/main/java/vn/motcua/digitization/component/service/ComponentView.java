package vn.motcua.digitization.component.service;

import vn.motcua.digitization.component.domain.DossierComponent;
import vn.motcua.digitization.document.domain.StoredVersion;

/** A component with the metadata of the document version it points at (null when none). */
public record ComponentView(DossierComponent component, StoredVersion version) {}
