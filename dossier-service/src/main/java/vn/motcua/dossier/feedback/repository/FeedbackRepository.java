package vn.motcua.dossier.feedback.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import vn.motcua.dossier.feedback.domain.Feedback;
import vn.motcua.dossier.feedback.domain.FeedbackClass;
import vn.motcua.dossier.feedback.domain.FeedbackState;
import vn.motcua.dossier.feedback.domain.Intake;
import vn.motcua.dossier.feedback.domain.Reaction;
import vn.motcua.dossier.feedback.domain.Sender;
import vn.motcua.dossier.feedback.domain.Timeliness;
import vn.motcua.platform.db.UtcTimestamps;

/**
 * Feedback rows and reactions. Commands read their feedback with {@link #lock} inside the business transaction, so
 * steps on one feedback (and reactions to it) are serialised and counters never lose an update. Every instant is
 * bound through {@link UtcTimestamps}.
 */
@Singleton
public class FeedbackRepository {

    /** Sort key of handled feedback (no step owed): after every open one. */
    public static final Instant NO_DUE_KEY = Instant.parse("9999-12-31T00:00:00Z");

    private static final String DUE_KEY = "COALESCE(step_due_at, TIMESTAMP '9999-12-31 00:00:00')";

    private final JdbcOperations jdbc;

    public FeedbackRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Feedback f, String submittedBySubject) {
        jdbc.prepareStatement(
                "INSERT INTO feedback (id, unit_code, title, content, sender_name, sender_address,"
                        + " sender_contact, sender_citizen_id, intake, submitted_by_subject, dossier_code, state, received_at,"
                        + " step_due_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, f.id());
                    ps.setString(2, f.unitCode());
                    ps.setString(3, f.title());
                    ps.setString(4, f.content());
                    ps.setString(5, f.sender().name());
                    ps.setString(6, f.sender().address());
                    ps.setString(7, f.sender().contact());
                    ps.setString(8, f.sender().citizenId());
                    ps.setString(9, f.intake().name());
                    ps.setString(10, submittedBySubject);
                    ps.setString(11, f.dossierCode());
                    ps.setString(12, f.state().name());
                    UtcTimestamps.bind(ps, 13, f.receivedAt());
                    UtcTimestamps.bind(ps, 14, f.stepDueAt());
                    return ps.executeUpdate();
                });
    }

    public Optional<Feedback> find(String id) {
        return one("SELECT * FROM feedback WHERE id = ?", id);
    }

    /** The feedback, row-locked until the surrounding transaction ends. */
    public Optional<Feedback> lock(String id) {
        return one("SELECT * FROM feedback WHERE id = ? FOR UPDATE", id);
    }

    /** Writes every field a step or a reaction changes; the row must be locked by {@link #lock}. */
    public void update(Feedback f) {
        jdbc.prepareStatement(
                "UPDATE feedback SET state = ?, classification = ?, classification_note = ?,"
                        + " forwarded_to = ?, forward_note = ?, answer = ?, classified_at = ?, forwarded_at = ?,"
                        + " answered_at = ?, published_at = ?, step_due_at = ?, classified_in_time = ?,"
                        + " forwarded_in_time = ?, answered_in_time = ?, published_in_time = ?, likes = ?, dislikes = ?,"
                        + " row_version = row_version + 1 WHERE id = ?",
                ps -> {
                    ps.setString(1, f.state().name());
                    ps.setString(
                            2,
                            f.classification() == null
                                    ? null
                                    : f.classification().name());
                    ps.setString(3, f.classificationNote());
                    ps.setString(4, f.forwardedTo());
                    ps.setString(5, f.forwardNote());
                    ps.setString(6, f.answer());
                    UtcTimestamps.bind(ps, 7, f.classifiedAt());
                    UtcTimestamps.bind(ps, 8, f.forwardedAt());
                    UtcTimestamps.bind(ps, 9, f.answeredAt());
                    UtcTimestamps.bind(ps, 10, f.publishedAt());
                    UtcTimestamps.bind(ps, 11, f.stepDueAt());
                    flag(ps, 12, f.timeliness().classifiedInTime());
                    flag(ps, 13, f.timeliness().forwardedInTime());
                    flag(ps, 14, f.timeliness().answeredInTime());
                    flag(ps, 15, f.timeliness().publishedInTime());
                    ps.setInt(16, f.likes());
                    ps.setInt(17, f.dislikes());
                    ps.setString(18, f.id());
                    if (ps.executeUpdate() != 1) {
                        throw new IllegalStateException("feedback " + f.id() + " vanished while locked");
                    }
                    return 1;
                });
    }

    /** The citizen's current reaction, row-locked; call after {@link #lock} of the feedback. */
    public Optional<Reaction> reactionOf(String feedbackId, String citizenId) {
        return jdbc.prepareStatement(
                "SELECT reaction FROM feedback_reaction WHERE feedback_id = ? AND citizen_id = ?" + " FOR UPDATE",
                ps -> {
                    ps.setString(1, feedbackId);
                    ps.setString(2, citizenId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? Optional.of(Reaction.valueOf(rs.getString(1))) : Optional.empty();
                    }
                });
    }

    /** Records a first reaction, or replaces the earlier one. */
    public void saveReaction(String feedbackId, String citizenId, Reaction reaction, boolean replacing, Instant now) {
        String sql = replacing
                ? "UPDATE feedback_reaction SET reaction = ?, reacted_at = ? WHERE feedback_id = ? AND citizen_id = ?"
                : "INSERT INTO feedback_reaction (reaction, reacted_at, feedback_id, citizen_id) VALUES (?, ?, ?, ?)";
        jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, reaction.name());
            UtcTimestamps.bind(ps, 2, now);
            ps.setString(3, feedbackId);
            ps.setString(4, citizenId);
            return ps.executeUpdate();
        });
    }

    /**
     * Feedback of {@code unitCodes}, the most urgent step first (step due, then id; handled ones last), after the
     * keyset position.
     *
     * @param afterDue null for the first page; {@link #NO_DUE_KEY} for positions among handled feedback
     */
    public List<Feedback> byStepDue(Collection<String> unitCodes, Instant afterDue, String afterId, int limit) {
        if (unitCodes.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(unitCodes);
        String keyset = "";
        if (afterDue != null) {
            keyset = " AND (" + DUE_KEY + " > ? OR (" + DUE_KEY + " = ? AND id > ?))";
            params.addAll(List.of(afterDue, afterDue, afterId));
        }
        params.add(limit);
        return select(
                "SELECT * FROM feedback WHERE unit_code IN " + placeholders(unitCodes.size()) + keyset + " ORDER BY "
                        + DUE_KEY + ", id LIMIT ?",
                params);
    }

    /** Published feedback, of {@code unitCodes} when not null, newest publication first, after the keyset position. */
    public List<Feedback> published(Collection<String> unitCodes, Instant afterPublished, String afterId, int limit) {
        if (unitCodes != null && unitCodes.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(unitCodes == null ? List.of() : unitCodes);
        String units = unitCodes == null ? "" : " AND unit_code IN " + placeholders(unitCodes.size());
        String keyset = "";
        if (afterPublished != null) {
            keyset = " AND (published_at < ? OR (published_at = ? AND id < ?))";
            params.addAll(List.of(afterPublished, afterPublished, afterId));
        }
        params.add(limit);
        return select(
                "SELECT * FROM feedback WHERE state = 'PUBLISHED'" + units + keyset
                        + " ORDER BY published_at DESC, id DESC LIMIT ?",
                params);
    }

    /**
     * Feedback a citizen sent online (by the citizen id kept with it), newest reception first, after the keyset
     * position (ix_feedback_sender).
     */
    public List<Feedback> bySender(String citizenId, Instant afterReceived, String afterId, int limit) {
        List<Object> params = new ArrayList<>(List.of(citizenId));
        String keyset = "";
        if (afterReceived != null) {
            keyset = " AND (received_at < ? OR (received_at = ? AND id < ?))";
            params.addAll(List.of(afterReceived, afterReceived, afterId));
        }
        params.add(limit);
        return select(
                "SELECT * FROM feedback WHERE sender_citizen_id = ?" + keyset
                        + " ORDER BY received_at DESC, id DESC LIMIT ?",
                params);
    }

    private Optional<Feedback> one(String sql, String id) {
        return select(sql, List.of(id)).stream().findFirst();
    }

    /** Runs a query whose parameters are strings, instants (bound through UtcTimestamps) or ints. */
    private List<Feedback> select(String sql, List<Object> params) {
        return jdbc.prepareStatement(sql, ps -> {
            int index = 1;
            for (Object param : params) {
                if (param instanceof Instant instant) {
                    UtcTimestamps.bind(ps, index, instant);
                } else if (param instanceof Integer number) {
                    ps.setInt(index, number);
                } else {
                    ps.setString(index, (String) param);
                }
                index++;
            }
            List<Feedback> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(map(rs));
                }
            }
            return result;
        });
    }

    static Feedback map(ResultSet rs) throws SQLException {
        String classification = rs.getString("classification");
        return new Feedback(
                rs.getString("id"),
                rs.getString("unit_code"),
                rs.getString("title"),
                rs.getString("content"),
                new Sender(
                        rs.getString("sender_name"),
                        rs.getString("sender_address"),
                        rs.getString("sender_contact"),
                        rs.getString("sender_citizen_id")),
                Intake.valueOf(rs.getString("intake")),
                rs.getString("dossier_code"),
                FeedbackState.valueOf(rs.getString("state")),
                classification == null ? null : FeedbackClass.valueOf(classification),
                rs.getString("classification_note"),
                rs.getString("forwarded_to"),
                rs.getString("forward_note"),
                rs.getString("answer"),
                UtcTimestamps.read(rs, "received_at"),
                UtcTimestamps.read(rs, "classified_at"),
                UtcTimestamps.read(rs, "forwarded_at"),
                UtcTimestamps.read(rs, "answered_at"),
                UtcTimestamps.read(rs, "published_at"),
                UtcTimestamps.read(rs, "step_due_at"),
                new Timeliness(
                        flag(rs, "classified_in_time"),
                        flag(rs, "forwarded_in_time"),
                        flag(rs, "answered_in_time"),
                        flag(rs, "published_in_time")),
                rs.getInt("likes"),
                rs.getInt("dislikes"));
    }

    private static Boolean flag(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    private static void flag(PreparedStatement ps, int index, Boolean value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BOOLEAN);
        } else {
            ps.setBoolean(index, value);
        }
    }

    private static String placeholders(int n) {
        return "(" + String.join(", ", Collections.nCopies(n, "?")) + ")";
    }
}
