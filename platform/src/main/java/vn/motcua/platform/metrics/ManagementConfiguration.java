package vn.motcua.platform.metrics;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * The management port of a gRPC service ({@code motcua.management.*}), where Prometheus scrapes {@code /prometheus}.
 * <ul>
 *   <li>{@code port}: the HTTP port; without it no management server starts (each service's application.yml sets
 *       one, 9091 to 9094; {@code 0} picks a free port, which the tests use; Kubernetes sets 9090)</li>
 *   <li>{@code host}: the address it listens on, default {@code 127.0.0.1} like the gRPC server: the metrics name
 *       every method and its traffic, so only the pod's network (a NetworkPolicy admitting the monitoring
 *       namespace) should reach it; {@code 0.0.0.0} in Kubernetes</li>
 * </ul>
 */
@ConfigurationProperties("motcua.management")
public class ManagementConfiguration {

    private Integer port;
    private String host = "127.0.0.1";

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        if (port != null && (port < 0 || port > 65535)) {
            throw new IllegalArgumentException("motcua.management.port must be 0..65535, was " + port);
        }
        this.port = port;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("motcua.management.host must not be empty");
        }
        this.host = host;
    }
}
