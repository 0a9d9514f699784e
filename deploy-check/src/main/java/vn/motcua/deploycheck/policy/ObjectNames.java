package vn.motcua.deploycheck.policy;

import io.fabric8.kubernetes.api.model.HasMetadata;

/** How findings name an object: Kind/namespace/name, the way kubectl would. */
final class ObjectNames {

    private ObjectNames() {}

    static String name(HasMetadata object) {
        String namespace =
                object.getMetadata() == null ? null : object.getMetadata().getNamespace();
        String name = object.getMetadata() == null ? "?" : object.getMetadata().getName();
        return object.getKind() + "/" + (namespace == null || namespace.isEmpty() ? "" : namespace + "/") + name;
    }
}
