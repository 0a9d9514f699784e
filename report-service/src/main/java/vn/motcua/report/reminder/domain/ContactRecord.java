package vn.motcua.report.reminder.domain;

import java.time.Instant;
import java.util.List;

/** A unit's reminder addresses (task_contact). */
public record ContactRecord(
        String unitCode, List<String> assigneeEmails, List<String> leaderEmails, String updatedBy, Instant updatedAt) {

    public static ContactRecord none(String unitCode) {
        return new ContactRecord(unitCode, List.of(), List.of(), "", null);
    }
}
