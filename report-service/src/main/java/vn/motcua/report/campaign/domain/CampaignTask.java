package vn.motcua.report.campaign.domain;

import vn.motcua.report.task.domain.CampaignTemplate;

/**
 * What campaign reports need of a task_item row.
 *
 * @param template null for a task that is not a campaign
 */
public record CampaignTask(String taskId, String issuingUnit, String kind, String title, CampaignTemplate template) {

    public static final String CAMPAIGN = "CAMPAIGN";

    public boolean isCampaign() {
        return CAMPAIGN.equals(kind) && template != null;
    }
}
