package io.sparktrain.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class BatchColumnsTest {
    private static final StructType SCHEMA = new StructType()
            .add("ids", SQLDataTypes.VectorType())
            .add("mask", DataTypes.StringType)
            .add("label", DataTypes.DoubleType)
            .add("targets", DataTypes.createArrayType(DataTypes.FloatType))
            .add("tags", SQLDataTypes.VectorType());

    @Test
    void readableColumnsPass() {
        assertDoesNotThrow(() -> BatchColumns.check(SCHEMA, FeatureSpec.vector("ids"),
                List.of(LabelSpec.classes("label", 2), LabelSpec.regression("targets", 3), LabelSpec.binary("tags", 4))));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BatchColumns.check(SCHEMA,
                FeatureSpec.sequence("ids", "mask"), List.of(LabelSpec.classes("tags", 2), LabelSpec.binary("spam", 1))));
        String message = e.getMessage();
        assertTrue(message.contains("features column 'mask' has type string"), message);
        assertTrue(message.contains("CLASSES label column 'tags' has type vector; expected a number (the class index)"),
                message);
        assertTrue(message.contains("BINARY label column 'spam' is missing"), message);
        assertTrue(message.contains("the columns are [ids, mask, label, targets, tags]"), message);
    }
}
