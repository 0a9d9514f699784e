package vn.motcua.report.projection.service;

/**
 * A rebuild is emptying the projection: nothing may be applied until it is done. A feed's run rolls back and is
 * retried by the subscriber; an import batch fails and can be sent again.
 */
public class ProjectionResettingException extends IllegalStateException {

    public ProjectionResettingException(long generation) {
        super("the projection is being reset for rebuild " + generation + "; nothing is applied until that is done");
    }
}
