package vn.motcua.report.campaign.service;

import com.google.protobuf.Message;
import jakarta.inject.Singleton;
import java.time.Instant;
import vn.motcua.platform.feed.OutboxEntry;
import vn.motcua.platform.feed.OutboxWriter;
import vn.motcua.report.campaign.domain.CampaignReport;
import vn.motcua.report.scope.service.UnitNode;

/**
 * Writes campaign report events to report-service's change feed (aggregate {@code campaign_report}, id = the report
 * id; campaign_report.submitted, .returned, .accepted, .consolidated) in the transaction of the change, payload
 * {@code motcua.report.v1.CampaignReportChanged} without rows. The gRPC adapter's {@link Encoder} builds it.
 */
@Singleton
public class CampaignFeed {

    public static final String AGGREGATE_TYPE = "campaign_report";
    public static final String SUBMITTED = "campaign_report.submitted";
    public static final String RETURNED = "campaign_report.returned";
    public static final String ACCEPTED = "campaign_report.accepted";
    public static final String CONSOLIDATED = "campaign_report.consolidated";

    private final OutboxWriter outbox;
    private final Encoder encoder;

    public CampaignFeed(OutboxWriter outbox, Encoder encoder) {
        this.outbox = outbox;
        this.encoder = encoder;
    }

    /** Builds the {@code CampaignReportChanged} message; implemented by the gRPC adapter. */
    public interface Encoder {
        Message changed(CampaignReport report, UnitNode unit);
    }

    /**
     * Appends one event inside the caller's transaction.
     *
     * @param actingUnit the unit that acted: the reporting unit for a submission, the receiving one otherwise
     */
    public void append(String eventType, CampaignReport report, UnitNode unit, String actingUnit, Instant now) {
        outbox.append(new OutboxEntry(
                AGGREGATE_TYPE,
                report.reportId(),
                eventType,
                actingUnit,
                now,
                encoder.changed(report.withoutRows(), unit)));
    }
}
