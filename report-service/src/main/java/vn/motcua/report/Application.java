package vn.motcua.report;

import io.micronaut.runtime.Micronaut;

/** report-service: statistics projected from the producing services' change feeds (architecture.md §6). */
public final class Application {

    private Application() {}

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
