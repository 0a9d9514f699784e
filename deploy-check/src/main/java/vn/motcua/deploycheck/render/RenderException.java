package vn.motcua.deploycheck.render;

/** A kustomization that could not be rendered, with kubectl's own explanation. */
public final class RenderException extends RuntimeException {

    public RenderException(String message) {
        super(message);
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
