package io.sparktrain.pipeline.check;

import static io.sparktrain.pipeline.column.Columns.col;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.sparktrain.pipeline.column.Columns;
import io.sparktrain.pipeline.source.DataSourceException;
import io.sparktrain.pipeline.table.ClassCounts;
import io.sparktrain.pipeline.table.NumericColumns;
import io.sparktrain.pipeline.table.TableReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * Checks every row of a table read by {@code TableReader} on the driver's command before anything
 * trains on or scores it, and reports all problems at once: per column and kind how many, one
 * example with its file, row and value, and the fix. Table-wide problems (no rows, a feature that
 * is missing everywhere, a training label with one class) always fail; bad rows fail, are
 * rejected, or have their bad feature values made missing, as the {@link BadRowPolicy} says.
 *
 * <p>Cost: the checked table is persisted (memory and disk) and stays so when the check passes,
 * because the counts, the examples and the rows returned share one read of the input; a few small
 * aggregations run over it. A failed check releases it.
 */
public final class TableCheck {
    private static final String PROBLEM = "_problem_";
    private static final String BAD = "_bad";
    private static final String REJECTED = "_rejected";

    private final CheckSpec spec;

    public TableCheck(CheckSpec spec) {
        this.spec = spec;
    }

    /**
     * @param read rows as {@code TableReader} returns them
     * @param uri  the table's URI, for messages
     * @throws DataSourceException with one message listing every problem, when the table cannot be used
     *                             or has bad rows under policy error
     */
    public CheckedTable check(Dataset<Row> read, String uri) {
        NumericColumns.requirePresent(read, spec.features(), uri, CheckKeys.FEATURES);
        NumericColumns.requirePresent(read, spec.labels().stream().map(CheckSpec.Label::column).toList(), uri,
                CheckKeys.LABEL);
        List<String> columns = List.of(read.columns());
        List<ProblemSlot> slots = ProblemSlot.of(spec, columns);
        Dataset<Row> tagged = RowOrigin.tag(read);
        List<Column> withProblems = new ArrayList<>(Arrays.stream(tagged.columns()).map(Columns::col).toList());
        for (int i = 0; i < slots.size(); i++) {
            withProblems.add(slots.get(i).problem().as(PROBLEM + i));
        }
        Column rejected = spec.policy() == BadRowPolicy.KEEP ? anyProblem(slots, s -> !s.keepable())
                : anyProblem(slots, s -> true);
        Dataset<Row> checked = tagged.select(withProblems.toArray(Column[]::new))
                .withColumn(BAD, anyProblem(slots, s -> true)).withColumn(REJECTED, rejected)
                .persist(StorageLevel.MEMORY_AND_DISK());

        try {
            return check(checked, columns, slots, uri);
        } catch (RuntimeException e) {
            checked.unpersist();
            throw e;
        }
    }

    private CheckedTable check(Dataset<Row> checked, List<String> columns, List<ProblemSlot> slots, String uri) {
        Totals totals = firstPass(checked, slots, uri);
        if (totals.rows() == 0) {
            throw new DataSourceException(CheckMessage.failure(uri, spec.policy(), 0, 0, List.of(CheckMessage.noRows(uri))));
        }
        Dataset<Row> badRows = totals.bad() == 0
                ? checked.filter(lit(false)).withColumn(RowOrigin.ROW, lit(null).cast(DataTypes.LongType))
                : RowOrigin.withRowNumbers(checked, checked.filter(col(BAD)));
        List<ProblemCount> problems = totals.bad() == 0 ? List.of() : problemCounts(slots, totals, badRows);
        Map<String, Map<String, Long>> classes = classCounts(checked, slots);
        failOnProblems(uri, slots, totals, problems, classes);

        Dataset<Row> kept = checked.filter(not(col(REJECTED))).select(keptColumns(columns, slots));
        Dataset<Row> rejects = badRows.filter(col(REJECTED)).select(rejectColumns(columns, slots));
        long keptRows = kept.count();
        long rejectedRows = rejects.count();
        if (keptRows + rejectedRows != totals.rows()) {
            throw new IllegalStateException(String.format("%s: %,d rows read but %,d kept and %,d rejected; the input"
                    + " changed while it was checked, or the check lost rows", uri, totals.rows(), keptRows, rejectedRows));
        }
        return new CheckedTable(uri, spec.policy(), kept, rejects, totals.rows(), keptRows, rejectedRows,
                totals.bad() - totals.rejected(), problems, classes.values().stream().findFirst().orElse(Map.of()));
    }

    /** The first job that reads the input: what Spark finds wrong only while reading is named with the table here. */
    private Totals firstPass(Dataset<Row> checked, List<ProblemSlot> slots, String uri) {
        try {
            return Totals.of(checked, slots, spec.policy());
        } catch (Exception e) {
            // Spark throws its checked SparkException from Scala code, so catch everything here.
            throw new DataSourceException("cannot read table " + uri + ": " + TableReader.rootMessage(e), e);
        }
    }

    /** The counts of one pass over the checked rows. */
    private record Totals(long rows, long bad, long rejected, List<Long> kindCounts, List<Long> presentFeatures) {
        /** Under policy error every row counts for the features' present values, else only the rows kept. */
        static Totals of(Dataset<Row> checked, List<ProblemSlot> slots, BadRowPolicy policy) {
            Column counted = policy == BadRowPolicy.ERROR ? lit(true) : not(col(REJECTED));
            List<Column> aggregates = new ArrayList<>(List.of(count(lit(1)), count(when(col(BAD), 1)),
                    count(when(col(REJECTED), 1))));
            for (int i = 0; i < slots.size(); i++) {
                for (ProblemKind kind : slots.get(i).kinds()) {
                    aggregates.add(count(when(col(PROBLEM + i).equalTo(kind.name()), 1)));
                }
            }
            slots.stream().filter(ProblemSlot::keepable)
                    .forEach(s -> aggregates.add(count(when(counted, s.typed()))));
            Row row = aggregate(checked, aggregates);
            int kinds = aggregates.size() - 3 - (int) slots.stream().filter(ProblemSlot::keepable).count();
            List<Long> values = new ArrayList<>();
            for (int i = 0; i < aggregates.size(); i++) {
                values.add(row.getLong(i));
            }
            return new Totals(values.get(0), values.get(1), values.get(2), values.subList(3, 3 + kinds),
                    values.subList(3 + kinds, values.size()));
        }
    }

    private void failOnProblems(String uri, List<ProblemSlot> slots, Totals totals, List<ProblemCount> problems,
            Map<String, Map<String, Long>> classes) {
        List<String> found = new ArrayList<>();
        long usable = totals.rows() - totals.rejected();
        if (usable == 0 && spec.policy() != BadRowPolicy.ERROR) {
            found.add(CheckMessage.noneKept(totals.rows(), spec.policy()));
        }
        if (spec.training() && usable > 0) {
            List<ProblemSlot> features = slots.stream().filter(ProblemSlot::keepable).toList();
            for (int i = 0; i < features.size(); i++) {
                if (totals.presentFeatures().get(i) == 0) {
                    found.add(CheckMessage.allMissing(features.get(i).column(), usable));
                }
            }
            // Which classes a training table has is known once its bad rows are fixed or left out.
            boolean rowsSettled = spec.policy() != BadRowPolicy.ERROR || totals.bad() == 0;
            if (rowsSettled) {
                classes.forEach((label, counts) -> {
                    if (counts.values().stream().filter(n -> n > 0).count() == 1) {
                        found.add(CheckMessage.oneClass(label, counts));
                    }
                });
            }
        }
        if (found.isEmpty() && (spec.policy() != BadRowPolicy.ERROR || totals.bad() == 0)) {
            return;
        }
        problems.forEach(p -> found.add(CheckMessage.problem(p, spec.classesOf(p.column()))));
        throw new DataSourceException(CheckMessage.failure(uri, spec.policy(), totals.rows(), totals.bad(), found));
    }

    /** Per slot and kind with any rows, the count and the first example by file and row: one aggregation over the bad rows. */
    private static List<ProblemCount> problemCounts(List<ProblemSlot> slots, Totals totals, Dataset<Row> badRows) {
        List<ProblemSlot> slotOf = new ArrayList<>();
        List<ProblemKind> kindOf = new ArrayList<>();
        List<Long> countOf = new ArrayList<>();
        List<Column> examples = new ArrayList<>();
        int k = 0;
        for (int i = 0; i < slots.size(); i++) {
            for (ProblemKind kind : slots.get(i).kinds()) {
                long n = totals.kindCounts().get(k++);
                if (n > 0) {
                    slotOf.add(slots.get(i));
                    kindOf.add(kind);
                    countOf.add(n);
                    examples.add(min(when(col(PROBLEM + i).equalTo(kind.name()),
                            struct(col(RowOrigin.FILE), col(RowOrigin.ROW), slots.get(i).value()))));
                }
            }
        }
        Row first = aggregate(badRows, examples);
        List<ProblemCount> counts = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            Row example = first.getStruct(i);
            counts.add(new ProblemCount(slotOf.get(i).column(), slotOf.get(i).label(), kindOf.get(i), countOf.get(i),
                    new ProblemCount.Example(example.getString(0), example.getLong(1), example.getString(2))));
        }
        return counts;
    }

    /**
     * For each label column that holds classes, in the spec's order, the kept rows per class in the
     * order of the classes (0 for a class without rows).
     */
    private Map<String, Map<String, Long>> classCounts(Dataset<Row> checked, List<ProblemSlot> slots) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (CheckSpec.Label label : spec.labels()) {
            if (!label.regression()) {
                ProblemSlot slot = slots.stream().filter(s -> s.label() && s.column().equals(label.column()))
                        .findFirst().orElseThrow();
                counts.put(label.column(), ClassCounts.of(checked.filter(not(col(REJECTED))), slot.typed(),
                        label.classes()));
            }
        }
        return counts;
    }

    private Column[] keptColumns(List<String> columns, List<ProblemSlot> slots) {
        return columns.stream().filter(c -> !c.equals(TableReader.CORRUPT_RECORD)).map(c -> slots.stream()
                .filter(s -> c.equals(s.column())).findFirst().map(s -> s.typed().as(c)).orElse(col(c)))
                .toArray(Column[]::new);
    }

    private static Column[] rejectColumns(List<String> columns, List<ProblemSlot> slots) {
        List<Column> out = new ArrayList<>();
        columns.stream().filter(c -> !c.equals(TableReader.CORRUPT_RECORD))
                .forEach(c -> out.add(col(c).cast(DataTypes.StringType).as(c)));
        if (columns.contains(TableReader.CORRUPT_RECORD)) {
            out.add(col(TableReader.CORRUPT_RECORD).as(RejectsWriter.RAW_RECORD));
        }
        out.add(col(RowOrigin.FILE).as(RejectsWriter.SOURCE_FILE));
        out.add(col(RowOrigin.ROW).as(RejectsWriter.SOURCE_ROW));
        List<Column> reasons = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            ProblemSlot slot = slots.get(i);
            Column kind = col(PROBLEM + i);
            Column value = slot.column() == null ? lit("") : coalesce(concat(lit(" '"), slot.value(), lit("'")), lit(""));
            reasons.add(when(kind.isNotNull(), concat(lit(slot.column() == null ? "" : slot.column() + ": "),
                    brief(kind), value)));
        }
        out.add(concat_ws("; ", reasons.toArray(Column[]::new)).as(RejectsWriter.REASON));
        return out.toArray(Column[]::new);
    }

    private static Column brief(Column kind) {
        Column text = lit(null);
        for (ProblemKind k : ProblemKind.values()) {
            text = when(kind.equalTo(k.name()), k.brief()).otherwise(text);
        }
        return text;
    }

    private static Column anyProblem(List<ProblemSlot> slots, Predicate<ProblemSlot> which) {
        Column any = lit(false);
        for (int i = 0; i < slots.size(); i++) {
            if (which.test(slots.get(i))) {
                any = any.or(col(PROBLEM + i).isNotNull());
            }
        }
        return any;
    }

    private static Row aggregate(Dataset<Row> rows, List<Column> aggregates) {
        return rows.agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new)).first();
    }
}
