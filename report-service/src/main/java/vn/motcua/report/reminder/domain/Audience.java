package vn.motcua.report.reminder.domain;

/** Who in the unit a notification is for: its officers, or its leader only (stored by name). */
public enum Audience {
    ASSIGNEE,
    LEADER
}
