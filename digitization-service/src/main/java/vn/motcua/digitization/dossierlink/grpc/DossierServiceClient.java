package vn.motcua.digitization.dossierlink.grpc;

import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.micronaut.context.annotation.Value;
import io.micronaut.grpc.annotation.GrpcChannel;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.digitization.dossierlink.domain.ComponentSpec;
import vn.motcua.digitization.dossierlink.domain.DossierChannel;
import vn.motcua.digitization.dossierlink.domain.DossierStatus;
import vn.motcua.digitization.dossierlink.domain.LinkedDossier;
import vn.motcua.digitization.dossierlink.service.DossierDirectory;
import vn.motcua.platform.auth.ForwardingClientInterceptor;
import vn.motcua.platform.error.DomainException;
import vn.motcua.platform.error.ErrorKind;
import vn.motcua.platform.error.ErrorReason;
import vn.motcua.proto.dossier.v1.CatalogServiceGrpc;
import vn.motcua.proto.dossier.v1.Component;
import vn.motcua.proto.dossier.v1.Dossier;
import vn.motcua.proto.dossier.v1.DossierServiceGrpc;
import vn.motcua.proto.dossier.v1.GetDossierRequest;
import vn.motcua.proto.dossier.v1.GetProcedureRequest;
import vn.motcua.proto.dossier.v1.ProcedureVersion;

/**
 * dossier-service's DossierService/GetDossier and CatalogService/GetProcedure over {@code grpc.channels.dossier},
 * with the caller's own token, request id and traceparent (platform forwarding interceptor, no fallback token: a
 * dossier is only ever read on a person's behalf) and a deadline ({@code motcua.digitization.dossier-link.call-timeout}).
 *
 * <p>dossier-service hiding the dossier (NOT_FOUND, PERMISSION_DENIED, a code it does not accept) is NOT_FOUND here:
 * a dossier the caller may not see does not exist for them. Not reachable in time (or failing inside) is
 * UNAVAILABLE / DOWNSTREAM_UNAVAILABLE with metadata {@code service = dossier-service}; nothing was changed, so the
 * client may retry.
 */
@Singleton
public class DossierServiceClient implements DossierDirectory {

    public static final String SERVICE = "dossier-service";

    private static final Logger LOG = LoggerFactory.getLogger(DossierServiceClient.class);

    private final DossierServiceGrpc.DossierServiceBlockingStub dossiers;
    private final CatalogServiceGrpc.CatalogServiceBlockingStub catalog;
    private final Duration timeout;
    private final Clock clock;

    public DossierServiceClient(
            @GrpcChannel("dossier") ManagedChannel channel,
            @Value("${motcua.digitization.dossier-link.call-timeout:5s}") Duration timeout,
            Clock clock) {
        Channel forwarding = ClientInterceptors.intercept(channel, new ForwardingClientInterceptor(null));
        this.dossiers = DossierServiceGrpc.newBlockingStub(forwarding);
        this.catalog = CatalogServiceGrpc.newBlockingStub(forwarding);
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public LinkedDossier dossier(String code) {
        Dossier d;
        try {
            d = dossiers.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .getDossier(GetDossierRequest.newBuilder().setCode(code).build())
                    .getDossier();
        } catch (StatusRuntimeException e) {
            throw failure("dossier " + code, e, true);
        }
        return linked(d, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    @Override
    public List<ComponentSpec> components(String procedureCode, int procedureVersion) {
        ProcedureVersion version;
        try {
            version = catalog.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .getProcedure(GetProcedureRequest.newBuilder()
                            .setCode(procedureCode)
                            .setVersion(procedureVersion)
                            .build())
                    .getVersion();
        } catch (StatusRuntimeException e) {
            throw failure("procedure " + procedureCode + " version " + procedureVersion, e, false);
        }
        return specs(version);
    }

    static LinkedDossier linked(Dossier d, java.time.Instant now) {
        String applicant = d.getApplicant().getCitizenId();
        return new LinkedDossier(
                LinkedDossier.keyOf(d.getCode(), d.getSubmissionReference()),
                d.getCode(),
                d.getReceivingUnitCode(),
                d.getCompetentUnitCode().isEmpty() ? d.getReceivingUnitCode() : d.getCompetentUnitCode(),
                d.getProcedureCode(),
                d.getProcedureVersion(),
                applicant.isBlank() ? null : applicant,
                channel(d.getChannel()),
                status(d.getStatus()),
                now);
    }

    static List<ComponentSpec> specs(ProcedureVersion version) {
        List<ComponentSpec> specs = new ArrayList<>();
        int number = 1;
        for (Component c : version.getProcedure().getComponentsList()) {
            specs.add(new ComponentSpec(number++, c.getName(), c.getPresentOnly()));
        }
        return specs;
    }

    public static DossierStatus status(vn.motcua.proto.dossier.v1.DossierStatus status) {
        return switch (status) {
            case DOSSIER_STATUS_SUBMITTED -> DossierStatus.SUBMITTED;
            case DOSSIER_STATUS_PRE_SUPPLEMENT -> DossierStatus.PRE_SUPPLEMENT;
            case DOSSIER_STATUS_RECEIVED -> DossierStatus.RECEIVED;
            case DOSSIER_STATUS_IN_PROCESS -> DossierStatus.IN_PROCESS;
            case DOSSIER_STATUS_SUPPLEMENT_REQUESTED -> DossierStatus.SUPPLEMENT_REQUESTED;
            case DOSSIER_STATUS_AWAITING_PAYMENT -> DossierStatus.AWAITING_PAYMENT;
            case DOSSIER_STATUS_REFUSED -> DossierStatus.REFUSED;
            case DOSSIER_STATUS_REJECTED -> DossierStatus.REJECTED;
            case DOSSIER_STATUS_STOPPED -> DossierStatus.STOPPED;
            case DOSSIER_STATUS_WITHDRAWN -> DossierStatus.WITHDRAWN;
            case DOSSIER_STATUS_RESULT_READY -> DossierStatus.RESULT_READY;
            case DOSSIER_STATUS_RETURNED -> DossierStatus.RETURNED;
            case DOSSIER_STATUS_UNSPECIFIED, UNRECOGNIZED -> DossierStatus.UNKNOWN;
        };
    }

    public static DossierChannel channel(vn.motcua.proto.dossier.v1.Channel channel) {
        return switch (channel) {
            case CHANNEL_COUNTER -> DossierChannel.COUNTER;
            case CHANNEL_ONLINE -> DossierChannel.ONLINE;
            case CHANNEL_POSTAL -> DossierChannel.POSTAL;
            case CHANNEL_UNSPECIFIED, UNRECOGNIZED -> DossierChannel.UNKNOWN;
        };
    }

    /** dossier-service's answer as one of this service's errors (see the class comment). */
    static DomainException failure(String what, StatusRuntimeException e, boolean dossier) {
        Status.Code code = e.getStatus().getCode();
        if (code == Status.Code.NOT_FOUND
                || code == Status.Code.PERMISSION_DENIED
                || code == Status.Code.INVALID_ARGUMENT) {
            if (dossier) {
                return DomainException.notFound(what);
            }
            return new DomainException(
                    ErrorKind.FAILED_PRECONDITION,
                    ErrorReason.RULE_VIOLATED,
                    "dossier-service's catalogue has no " + what + ": its component list is unknown",
                    Map.of("rule", "PROCEDURE_VERSION_KNOWN", "service", SERVICE, "status", code.name()),
                    List.of());
        }
        LOG.warn("dossier-service did not answer about {}: {}", what, code);
        return new DomainException(
                ErrorKind.UNAVAILABLE,
                ErrorReason.DOWNSTREAM_UNAVAILABLE,
                "dossier-service is unavailable (" + code + "): nothing changed; try again",
                Map.of("service", SERVICE, "status", code.name()),
                List.of());
    }
}
