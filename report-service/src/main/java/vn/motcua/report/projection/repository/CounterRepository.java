package vn.motcua.report.projection.repository;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.motcua.report.projection.domain.CounterDeltas;
import vn.motcua.report.projection.domain.I766Counter;
import vn.motcua.report.projection.domain.StatCounter;

/**
 * Applies {@link CounterDeltas} to stat_day, stat_month and i766_month: one batched upsert per table (rows in key
 * order), then a batched delete of the rows a decrease may have emptied, so that the tables hold exactly the rows
 * some dossier contributes to (and a rebuild, whatever its batches, ends with the same rows).
 */
@Singleton
@Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
public class CounterRepository {

    private static final List<String> STAT =
            Arrays.stream(StatCounter.values()).map(StatCounter::column).toList();
    private static final List<String> I766 =
            Arrays.stream(I766Counter.values()).map(I766Counter::column).toList();

    private final JdbcOperations jdbc;

    public CounterRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public void apply(CounterDeltas deltas) {
        write("stat_day", "unit_code, field_code, day", STAT, deltas.dayDeltas(), (ps, k) -> {
            ps.setString(1, k.unitCode());
            ps.setString(2, k.fieldCode());
            ps.setObject(3, k.day());
        });
        write("stat_month", "unit_code, field_code, month", STAT, deltas.monthDeltas(), (ps, k) -> {
            ps.setString(1, k.unitCode());
            ps.setString(2, k.fieldCode());
            ps.setInt(3, k.month());
        });
        write("i766_month", "unit_code, procedure_code, month", I766, deltas.i766Deltas(), (ps, k) -> {
            ps.setString(1, k.unitCode());
            ps.setString(2, k.procedureCode());
            ps.setInt(3, k.month());
        });
    }

    private interface KeyBinder<K> {
        void bind(PreparedStatement ps, K key) throws SQLException;
    }

    private <K> void write(
            String table,
            String keyColumns,
            List<String> counters,
            List<CounterDeltas.Delta<K>> deltas,
            KeyBinder<K> keys) {
        if (deltas.isEmpty()) {
            return;
        }
        String upsert = "INSERT INTO " + table + " (" + keyColumns + ", " + String.join(", ", counters) + ") VALUES ("
                + InLists.marks(3 + counters.size()) + ") ON DUPLICATE KEY UPDATE "
                + join(counters, c -> c + " = " + c + " + VALUES(" + c + ")");
        String[] keyNames = keyColumns.split(",\\s*");
        String deleteEmpty = "DELETE FROM " + table + " WHERE " + keyNames[0] + " = ? AND " + keyNames[1] + " = ? AND "
                + keyNames[2] + " = ? AND " + join(counters, c -> c + " = 0", " AND ");
        try (PreparedStatement ps = jdbc.getConnection().prepareStatement(upsert)) {
            for (CounterDeltas.Delta<K> d : deltas) {
                keys.bind(ps, d.key());
                for (int i = 0; i < d.values().length; i++) {
                    ps.setLong(4 + i, d.values()[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update " + table, e);
        }
        if (deltas.stream().anyMatch(CounterDeltas.Delta::decreased)) {
            try (PreparedStatement ps = jdbc.getConnection().prepareStatement(deleteEmpty)) {
                for (CounterDeltas.Delta<K> d : deltas) {
                    if (d.decreased()) {
                        keys.bind(ps, d.key());
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("could not clean " + table, e);
            }
        }
    }

    private static String join(List<String> columns, Function<String, String> f) {
        return join(columns, f, ", ");
    }

    private static String join(List<String> columns, Function<String, String> f, String separator) {
        return columns.stream().map(f).collect(Collectors.joining(separator));
    }
}
