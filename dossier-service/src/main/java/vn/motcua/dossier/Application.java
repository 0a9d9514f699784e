package vn.motcua.dossier;

import io.micronaut.runtime.Micronaut;

/** dossier-service: administrative units, procedure catalogue, work calendar and dossiers. */
public final class Application {

    private Application() {}

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
