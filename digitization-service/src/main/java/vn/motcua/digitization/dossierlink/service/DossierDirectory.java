package vn.motcua.digitization.dossierlink.service;

import java.util.List;
import vn.motcua.digitization.dossierlink.domain.ComponentSpec;
import vn.motcua.digitization.dossierlink.domain.LinkedDossier;

/**
 * dossier-service, as seen from here: every call carries the current caller's own token, so what dossier-service
 * hides from that caller does not exist here either. Implemented by the gRPC client.
 */
public interface DossierDirectory {

    /**
     * GetDossier with the caller's token.
     *
     * @throws vn.motcua.platform.error.DomainException NOT_FOUND when dossier-service does not show the caller the
     *     dossier; UNAVAILABLE / DOWNSTREAM_UNAVAILABLE (metadata service=dossier-service) when it does not answer
     */
    LinkedDossier dossier(String code);

    /**
     * The component list of a procedure version (CatalogService.GetProcedure), numbered from 1.
     *
     * @throws vn.motcua.platform.error.DomainException FAILED_PRECONDITION when the catalogue does not know the
     *     version; UNAVAILABLE when dossier-service does not answer
     */
    List<ComponentSpec> components(String procedureCode, int procedureVersion);
}
