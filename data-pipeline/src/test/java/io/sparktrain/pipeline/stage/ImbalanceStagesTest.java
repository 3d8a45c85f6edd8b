package io.sparktrain.pipeline.stage;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.pipeline.testing.LocalSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Class weights, over- and undersampling and SMOTE on 8 majority rows (label 0) and 3 minority rows (label 1). */
@LocalSpark(threads = 2)
class ImbalanceStagesTest {
    private static SparkSession spark;

    /** Minority points (0,0), (1,0), (0,2): their segments are easy to check by hand. */
    static Dataset<Row> frame(SparkSession spark) {
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("x", DataTypes.DoubleType)
                .add("y", DataTypes.DoubleType).add("label", DataTypes.DoubleType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rows.add(RowFactory.create(i, 10.0 + i, 10.0, 0.0));
        }
        rows.add(RowFactory.create(8, 0.0, 0.0, 1.0));
        rows.add(RowFactory.create(9, 1.0, 0.0, 1.0));
        rows.add(RowFactory.create(10, 0.0, 2.0, 1.0));
        Dataset<Row> table = spark.createDataFrame(rows, schema);
        return new VectorAssembler().setInputCols(new String[] {"x", "y"}).setOutputCol("features").transform(table);
    }

    private static Map<Object, Long> counts(Dataset<Row> rows) {
        return ClassCounts.of(rows, "label").counts();
    }

    @Test
    void oversamplingRaisesTheMinorityToTheRatioAndKeepsEveryRealRow() {
        RandomOversamplerModel model = (RandomOversamplerModel) new RandomOversampler().setTargetRatio(0.75).setSeed(7)
                .fit(frame(spark));
        Dataset<Row> out = model.resample(frame(spark));
        assertEquals(Map.of(0.0, 8L, 1.0, 6L), counts(out));
        assertEquals(11, out.select("id").distinct().count());
        assertEquals(2, out.filter("id = 8").count());
    }

    @Test
    void undersamplingLowersTheMajorityToMinorityOverRatioWithDistinctRows() {
        RandomUndersamplerModel model = (RandomUndersamplerModel) new RandomUndersampler().setTargetRatio(0.5)
                .fit(frame(spark));
        Dataset<Row> out = model.resample(frame(spark));
        assertEquals(Map.of(0.0, 6L, 1.0, 3L), counts(out));
        assertEquals(9, out.select("id").distinct().count());
    }

    @Test
    void theSameSeedDrawsTheSameRowsAndAnotherSeedOthers() {
        List<Row> first = new RandomUndersampler().setTargetRatio(1).setSeed(1).fit(frame(spark)).resample(frame(spark))
                .orderBy("id").select("id").collectAsList();
        List<Row> again = new RandomUndersampler().setTargetRatio(1).setSeed(1).fit(frame(spark)).resample(frame(spark))
                .orderBy("id").select("id").collectAsList();
        assertEquals(first, again);
        boolean differs = false;
        for (long seed = 2; seed < 6 && !differs; seed++) {
            differs = !first.equals(new RandomUndersampler().setTargetRatio(1).setSeed(seed).fit(frame(spark))
                    .resample(frame(spark)).orderBy("id").select("id").collectAsList());
        }
        assertTrue(differs, "four other seeds all drew the same 3 of 8 majority rows");
    }

    @Test
    void classWeightsAreInverseFrequencyWithTheMajorityAtOne() {
        ClassWeightModel model = (ClassWeightModel) new ClassWeighter().fit(frame(spark));
        assertEquals(Map.of(0.0, 1.0, 1.0, 8.0 / 3), model.weights());
        Dataset<Row> out = model.resample(frame(spark));
        assertEquals(11, out.count());
        assertEquals(8.0 / 3, out.filter("id = 9").select("weight").first().getDouble(0), 1e-12);
        assertEquals(1.0, out.filter("id = 0").select("weight").first().getDouble(0), 1e-12);
    }

    @Test
    void smotePointsLieOnSegmentsBetweenAMinorityRowAndOneOfItsNeighbours() {
        SmoteModel model = (SmoteModel) new Smote().setK(2).setTargetRatio(1).setSeed(3).fit(frame(spark));
        Dataset<Row> out = model.resample(frame(spark));
        assertEquals(Map.of(0.0, 8L, 1.0, 8L), counts(out));
        List<Row> synthetic = out.filter(col("id").isNull()).select("features", "label").collectAsList();
        assertEquals(5, synthetic.size());
        double[][] minority = {{0, 0}, {1, 0}, {0, 2}};
        for (Row row : synthetic) {
            assertEquals(1.0, row.getDouble(1));
            double[] p = ((Vector) row.get(0)).toArray();
            assertTrue(onASegment(p, minority), "synthetic point " + p[0] + "," + p[1] + " is on no minority segment");
        }
    }

    @Test
    void withOneNeighbourEachPointGoesToItsNearest() {
        SmoteModel model = (SmoteModel) new Smote().setK(1).setTargetRatio(1).fit(frame(spark));
        List<Row> synthetic = model.resample(frame(spark)).filter(col("id").isNull()).select("features").collectAsList();
        for (Row row : synthetic) {
            double[] p = ((Vector) row.get(0)).toArray();
            // (0,0) and (1,0) are each other's nearest; (0,2)'s nearest is (0,0): nothing reaches x > 0 and y > 0
            assertTrue(p[1] == 0 || p[0] == 0, "point " + p[0] + "," + p[1] + " is off the nearest-neighbour segments");
        }
    }

    /** A fitted pipeline with a resampler applied to other rows returns them unchanged: scoring never resamples. */
    @Test
    void aFittedPipelineLeavesTestRowsAlone() {
        for (PipelineStage sampler : List.<PipelineStage>of(new RandomOversampler(), new RandomUndersampler(),
                new ClassWeighter(), new Smote().setK(2))) {
            PipelineModel fitted = new Pipeline().setStages(new PipelineStage[] {sampler}).fit(frame(spark));
            Dataset<Row> test = frame(spark).drop("label");
            Dataset<Row> out = fitted.transform(test);
            assertEquals(List.of(test.columns()), List.of(out.columns()), sampler.toString());
            assertEquals(test.orderBy("id").collectAsList(), out.orderBy("id").collectAsList(), sampler.toString());
        }
    }

    private static boolean onASegment(double[] p, double[][] points) {
        for (double[] a : points) {
            for (double[] b : points) {
                double cross = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]);
                double dot = (p[0] - a[0]) * (b[0] - a[0]) + (p[1] - a[1]) * (b[1] - a[1]);
                double length = (b[0] - a[0]) * (b[0] - a[0]) + (b[1] - a[1]) * (b[1] - a[1]);
                if (a != b && Math.abs(cross) < 1e-9 && dot >= -1e-9 && dot <= length + 1e-9) {
                    return true;
                }
            }
        }
        return false;
    }
}
