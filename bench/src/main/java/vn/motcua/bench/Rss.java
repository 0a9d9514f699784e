package vn.motcua.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resident memory of each process the launcher started, from /proc/PID/status (VmRSS). The pids come from the
 * launcher's pid files, read again on every sample (a restarted service has a new pid).
 */
final class Rss {

    static final List<String> PROCESSES = List.of(
            "dossier-service", "payment-service", "digitization-service", "report-service", "gateway", "keycloak");

    private final Path runDir;
    private final Path keycloakDir;
    private final Map<String, Long> peakUnderLoad = new ConcurrentHashMap<>();
    private volatile boolean sampling;
    private Thread sampler;

    Rss(Path varDir, Path keycloakDir) {
        this.runDir = varDir.resolve("run");
        this.keycloakDir = keycloakDir;
    }

    /** VmRSS in KiB of every process that is running now (with its child processes). */
    Map<String, Long> now() {
        Map<String, Long> out = perProcess(Rss::vmRss);
        out.values().removeIf(kib -> kib <= 0);
        return out;
    }

    /**
     * CPU time (user + system, in clock ticks of 10 ms) used so far by each process and its descendants, and by the
     * database server ("mariadb"): the difference over a measured window, divided by its requests, is what one
     * request costs each process, a figure other load on a shared machine disturbs far less than a rate.
     */
    Map<String, Long> cpuTicks() {
        Map<String, Long> out = perProcess(Rss::ticks);
        ProcessHandle.allProcesses()
                .filter(h -> h.info()
                        .command()
                        .map(c -> c.endsWith("/mariadbd") || c.endsWith("/mysqld"))
                        .orElse(false))
                .findFirst()
                .ifPresent(h -> out.put("mariadb", ticks(h.pid())));
        return out;
    }

    /** {@code measure} of every launched process that is running, summed over its descendants. */
    private Map<String, Long> perProcess(java.util.function.LongUnaryOperator measure) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String name : PROCESSES) {
            Path pidFile =
                    name.equals("keycloak") ? keycloakDir.resolve("keycloak.pid") : runDir.resolve(name + ".pid");
            try {
                long pid = Long.parseLong(Files.readString(pidFile).trim());
                // the pid file may name a wrapper (Keycloak's kc.sh under setsid): count its descendants too
                long total = measure.applyAsLong(pid);
                for (ProcessHandle child :
                        ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(List.of())) {
                    total += measure.applyAsLong(child.pid());
                }
                out.put(name, total);
            } catch (IOException | RuntimeException e) {
                // not running (or not started by this launcher): no figure
            }
        }
        return out;
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name, which is in parentheses and may hold spaces
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long vmRss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return 0;
    }

    /** Starts sampling every 250 ms, keeping each process's peak, until {@link #stop()}. */
    synchronized void start() {
        if (sampling) {
            return;
        }
        sampling = true;
        sampler = new Thread(
                () -> {
                    while (sampling) {
                        now().forEach((k, v) -> peakUnderLoad.merge(k, v, Math::max));
                        try {
                            Thread.sleep(250);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "bench-rss");
        sampler.setDaemon(true);
        sampler.start();
    }

    synchronized void stop() throws InterruptedException {
        sampling = false;
        if (sampler != null) {
            sampler.join(2000);
        }
    }

    Map<String, Long> peaks() {
        return peakUnderLoad;
    }
}
