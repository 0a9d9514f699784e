package vn.motcua.digitization.document.it;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import vn.motcua.digitization.document.domain.StoredDocument;
import vn.motcua.digitization.document.domain.UploadScope;
import vn.motcua.digitization.document.service.DocumentAccess;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.error.DomainException;

/**
 * A stand-in for the access slice's rules in the document ITs only (property {@code motcua.test.document-access=it}),
 * so these tests need no dossier-service: a dossier whose code starts with HIDDEN is invisible, a unit upload must be
 * the caller's own unit, and a document is readable by its uploader and by officers.
 */
@Singleton
@Replaces(DocumentAccess.class)
@Requires(property = "motcua.test.document-access", value = "it")
public class ItDocumentAccess implements DocumentAccess {

    @Override
    public void checkUpload(Caller caller, UploadScope scope) {
        if (scope.isDossier() && scope.dossierCode().startsWith("HIDDEN")) {
            throw DomainException.notFound("dossier " + scope.dossierCode());
        }
        if (!scope.isDossier() && !scope.certifyingUnitCode().equals(caller.unitCode())) {
            throw DomainException.invalid("certifying_unit_code", "not the caller's unit");
        }
    }

    @Override
    public void checkRead(Caller caller, StoredDocument document) {
        if (!caller.subject().equals(document.createdBySubject())
                && caller.unit().isEmpty()) {
            throw DomainException.notFound("document " + document.id());
        }
    }
}
