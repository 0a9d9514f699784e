package vn.motcua.digitization.access;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import vn.motcua.digitization.component.repository.ComponentRepository;
import vn.motcua.digitization.component.service.DigitizationRoles;
import vn.motcua.digitization.document.domain.StoredDocument;
import vn.motcua.digitization.document.domain.UploadScope;
import vn.motcua.digitization.document.service.DocumentAccess;
import vn.motcua.digitization.dossierlink.domain.LinkedDossier;
import vn.motcua.digitization.dossierlink.service.DossierDirectory;
import vn.motcua.digitization.warehouse.repository.WarehouseRepository;
import vn.motcua.platform.auth.Caller;
import vn.motcua.platform.auth.Roles;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;

/**
 * Who may upload into a scope and read a document ({@link DocumentAccess}).
 *
 * <ul>
 *   <li>A dossier's files: a citizen, reception officer or specialist uploads for a dossier dossier-service shows
 *       them (its applicant only while an online dossier is theirs to complete); the applicant and the officers
 *       who see the dossier (reception officer, specialist, unit leader, clerk) read them.</li>
 *   <li>An original presented at a unit's desk: its reception officers upload, the unit's officers read.</li>
 *   <li>Besides: a citizen reads what they uploaded themselves and any document held by an item of their own
 *       warehouse; an officer reads a document of another dossier or unit (a reused warehouse document) only when a
 *       component of a dossier they see references it.</li>
 * </ul>
 * Anything else is NOT_FOUND: a document outside the caller's scope does not exist for them. Every dossier check
 * asks dossier-service with the caller's own token.
 */
@Singleton
public class DossierDocumentAccess implements DocumentAccess {

    /** Upload originals presented at the desk, to be certified. */
    static final Set<String> DESK_UPLOADERS = Set.of(Roles.RECEPTION_OFFICER);

    private final DossierDirectory dossiers;
    private final ComponentRepository components;
    private final WarehouseRepository warehouse;
    private final TransactionOperations<Connection> tx;

    public DossierDocumentAccess(
            DossierDirectory dossiers,
            ComponentRepository components,
            WarehouseRepository warehouse,
            TransactionOperations<Connection> tx) {
        this.dossiers = dossiers;
        this.components = components;
        this.warehouse = warehouse;
        this.tx = tx;
    }

    @Override
    public void checkUpload(Caller caller, UploadScope scope) {
        if (scope.isDossier()) {
            DigitizationRoles.require(caller, DigitizationRoles.UPLOADERS, "upload a dossier's files");
            LinkedDossier d = dossiers.dossier(scope.dossierCode());
            DigitizationRoles.requireActor(caller, d, DigitizationRoles.DIGITIZERS, true);
            return;
        }
        if (!caller.hasAnyRole(DESK_UPLOADERS)) {
            throw DomainException.permissionDenied("only a reception officer uploads an original to certify");
        }
        String unit = caller.unit()
                .orElseThrow(() -> DomainException.of(
                        ErrorKind.PERMISSION_DENIED, ErrorReason.SCOPE_MISSING, "the token carries no unit_code"));
        if (!unit.equals(scope.certifyingUnitCode())) {
            throw DomainException.invalid("certifying_unit_code", "must be the caller's own unit " + unit);
        }
    }

    @Override
    public void checkRead(Caller caller, StoredDocument document) {
        if (mayRead(caller, document)) {
            return;
        }
        throw DomainException.notFound("document " + document.id());
    }

    private boolean mayRead(Caller caller, StoredDocument document) {
        if (caller.hasRole(Roles.CITIZEN) && citizenOwns(caller, document)) {
            return true;
        }
        UploadScope scope = document.scope();
        if (scope.isDossier()) {
            if (caller.hasAnyRole(DigitizationRoles.READERS) && sees(caller, scope.dossierCode())) {
                return true;
            }
        } else if (caller.hasAnyRole(Roles.OFFICERS)
                && caller.unit().map(u -> u.equals(scope.certifyingUnitCode())).orElse(false)) {
            return true;
        }
        return officerSeesAReferencingDossier(caller, document);
    }

    /** The citizen uploaded it, or an item of their own warehouse holds it. */
    private boolean citizenOwns(Caller caller, StoredDocument document) {
        if (caller.subject() != null && caller.subject().equals(document.createdBySubject())) {
            return true;
        }
        return caller.citizen()
                .map(id -> tx.executeRead(status -> warehouse.ownerHoldsDocument(id, document.id())))
                .orElse(false);
    }

    /** An officer sees a dossier whose component points at the document (a reused warehouse document). */
    private boolean officerSeesAReferencingDossier(Caller caller, StoredDocument document) {
        if (!caller.hasAnyRole(DigitizationRoles.READERS) || caller.hasRole(Roles.CITIZEN)) {
            return false;
        }
        List<String> keys = tx.executeRead(status -> components.dossiersReferencing(document.id()));
        for (String key : keys) {
            if (sees(caller, key)) {
                return true;
            }
        }
        return false;
    }

    /** dossier-service shows the caller the dossier (asked with their own token). */
    private boolean sees(Caller caller, String dossierCode) {
        try {
            LinkedDossier d = dossiers.dossier(dossierCode);
            return !caller.hasRole(Roles.CITIZEN) || caller.hasAnyRole(Roles.OFFICERS) || d.isApplicant(caller);
        } catch (DomainException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }
}
