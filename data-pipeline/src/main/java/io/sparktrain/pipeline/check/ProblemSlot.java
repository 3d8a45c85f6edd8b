package io.sparktrain.pipeline.check;

import static io.sparktrain.pipeline.column.Columns.col;
import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.sparktrain.pipeline.table.TableReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * One place a row can go wrong (a numeric column, the label, another column of a declared type, or
 * the record as a whole) as Spark
 * expressions evaluated per row on the executors: which {@link ProblemKind} it has (null when
 * none), the bad value as written, and the typed value a kept row carries on.
 *
 * @param column  the column, or null for the whole record
 * @param label   whether this is the label column
 * @param kinds   the kinds {@code problem} can take
 * @param problem the kind's name, or null for a good value
 * @param value   the value as written, to quote
 * @param typed   the value for training: a double (null where a bad value was made missing), the label's
 *                text, or a declared column's value of its type
 */
record ProblemSlot(String column, boolean label, List<ProblemKind> kinds, Column problem, Column value, Column typed) {
    /**
     * The slots of a table with these columns: the record (when Spark marked malformed ones), the
     * features, the other declared columns that are not text, each label read.
     */
    static List<ProblemSlot> of(CheckSpec spec, List<String> columns) {
        List<ProblemSlot> slots = new ArrayList<>();
        Column intact = lit(true);
        if (columns.contains(TableReader.CORRUPT_RECORD)) {
            Column record = col(TableReader.CORRUPT_RECORD);
            intact = record.isNull();
            slots.add(new ProblemSlot(null, false, List.of(ProblemKind.MALFORMED_ROW),
                    when(record.isNotNull(), ProblemKind.MALFORMED_ROW.name()), record, lit(null)));
        }
        for (String feature : spec.features()) {
            slots.add(numeric(feature, false, intact));
        }
        if (spec.declared().isPresent()) {
            for (StructField field : spec.declared().get().fields()) {
                boolean checkedElsewhere = spec.features().contains(field.name()) || spec.isLabel(field.name());
                if (!checkedElsewhere && columns.contains(field.name()) && !field.dataType().equals(DataTypes.StringType)) {
                    slots.add(declared(field.name(), field.dataType(), intact));
                }
            }
        }
        for (CheckSpec.Label label : spec.labels()) {
            slots.add(label.regression() ? numeric(label.column(), true, intact)
                    : classLabel(label.column(), label.classes(), intact));
        }
        return slots;
    }

    /** Whether policy keep can treat this slot's bad values as missing: only a feature's, whose kinds all allow it. */
    boolean keepable() {
        return kinds.stream().allMatch(ProblemKind::keepable);
    }

    private static ProblemSlot numeric(String name, boolean label, Column intact) {
        Column raw = col(name);
        Column number = raw.cast(DataTypes.DoubleType);
        Column notFinite = isnan(number).or(abs(number).equalTo(Double.POSITIVE_INFINITY));
        Column problem = when(intact.and(raw.isNotNull()).and(number.isNull()), ProblemKind.NOT_A_NUMBER.name())
                .when(intact.and(notFinite), ProblemKind.NOT_FINITE.name());
        List<ProblemKind> kinds = new ArrayList<>(List.of(ProblemKind.NOT_A_NUMBER, ProblemKind.NOT_FINITE));
        if (label) {
            problem = when(intact.and(raw.isNull()), ProblemKind.MISSING_LABEL.name()).otherwise(problem);
            kinds.add(0, ProblemKind.MISSING_LABEL);
        }
        return new ProblemSlot(name, label, kinds, problem, raw.cast(DataTypes.StringType),
                when(problem.isNull(), number));
    }

    /** A value that does not cast to its declared type; cast, not parsed twice, so it agrees with the typed value. */
    private static ProblemSlot declared(String name, DataType type, Column intact) {
        Column raw = col(name);
        Column typed = raw.cast(type);
        Column problem = when(intact.and(raw.isNotNull()).and(typed.isNull()), ProblemKind.NOT_DECLARED_TYPE.name());
        return new ProblemSlot(name, false, List.of(ProblemKind.NOT_DECLARED_TYPE), problem,
                raw.cast(DataTypes.StringType), typed);
    }

    private static ProblemSlot classLabel(String label, List<String> classes, Column intact) {
        Column text = trim(col(label).cast(DataTypes.StringType));
        Column problem = when(intact.and(text.isNull().or(text.equalTo(""))), ProblemKind.MISSING_LABEL.name())
                .when(intact.and(not(text.isin(classes.toArray()))), ProblemKind.UNKNOWN_LABEL.name());
        return new ProblemSlot(label, true, List.of(ProblemKind.MISSING_LABEL, ProblemKind.UNKNOWN_LABEL), problem,
                text, text);
    }
}
