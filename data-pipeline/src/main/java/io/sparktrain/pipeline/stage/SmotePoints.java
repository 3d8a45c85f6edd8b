package io.sparktrain.pipeline.stage;

import static io.sparktrain.pipeline.column.Columns.col;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Makes SMOTE's synthetic rows for one class, entirely on Spark: the class's rows are numbered in
 * a seeded order, each row's {@code k} nearest neighbours within the class are found with a
 * self-join ranked by squared Euclidean distance, and each row then emits its share of the new
 * points, each at a uniform random position on the segment to a uniformly chosen neighbour.
 *
 * <p>The self-join compares every pair of the class's rows, n² distance computations: fine for a
 * minority class of tens of thousands of rows, which is what SMOTE is meant for; a larger class
 * needs no synthetic rows to be learnt. A class of a single row has no neighbour: its synthetic
 * rows are copies of it.
 */
record SmotePoints(String labelCol, String featuresCol, int k, long seed) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** {@code count} synthetic rows of class {@code label}, with only the label and features columns. */
    Dataset<Row> synthesise(Dataset<Row> rows, Object label, long count) {
        Dataset<Row> members = rows.filter(col(labelCol).equalTo(label)).select(col(featuresCol).as("f"));
        JavaRDD<Row> numbered = members.orderBy(ClassRanks.seededKey(members, seed)).javaRDD().zipWithIndex()
                .map(pair -> RowFactory.create(pair._2(), pair._1().get(0)));
        StructType numberedSchema = new StructType().add("id", DataTypes.LongType, false)
                .add("f", SQLDataTypes.VectorType(), false);
        Dataset<Row> points = rows.sparkSession().createDataFrame(numbered, numberedSchema).cache();
        long size = points.count();
        Dataset<Row> neighbours = nearest(points);
        Dataset<Row> withNeighbours = points.join(neighbours, col("id").equalTo(col("nid_of")), "left")
                .select(col("id"), col("f"), col("near"));
        StructType out = new StructType().add(rows.schema().apply(labelCol)).add(featuresCol, SQLDataTypes.VectorType());
        JavaRDD<Row> synthetic = withNeighbours.javaRDD().flatMap(row -> {
            long id = row.getLong(0);
            long share = ClassRanks.share(count, size, id);
            return interpolate(row.getAs(1), row.isNullAt(2) ? List.of() : row.getList(2), share, id).stream()
                    .map(point -> RowFactory.create(label, point)).iterator();
        });
        return rows.sparkSession().createDataFrame(synthetic, out);
    }

    /** Per row id ({@code nid_of}), the list {@code near} of (rank, features) of its k nearest other rows. */
    private Dataset<Row> nearest(Dataset<Row> points) {
        // Each side of the self-join gets names of its own, so no column needs a table qualifier.
        Dataset<Row> a = points.select(col("id").as("nid_of"), col("f").as("f_of"));
        Dataset<Row> b = points.select(col("id").as("nid"), col("f").as("nf"));
        UDF2<Vector, Vector, Double> sqdist = Vectors::sqdist;
        Dataset<Row> pairs = a.crossJoin(b).where(col("nid_of").notEqual(col("nid")))
                .select(col("nid_of"), col("nid"), col("nf"),
                        functions.udf(sqdist, DataTypes.DoubleType).apply(col("f_of"), col("nf")).as("d"));
        Dataset<Row> ranked = pairs.withColumn("rank", functions.row_number()
                .over(Window.partitionBy("nid_of").orderBy(col("d"), col("nid"))))
                .filter(col("rank").leq(k));
        return ranked.groupBy("nid_of").agg(functions.collect_list(functions.struct(col("rank"), col("nf"))).as("near"));
    }

    /** {@code share} points between {@code point} and its neighbours, from a random stream seeded by the row's id. */
    private List<Vector> interpolate(Vector point, List<Row> near, long share, long id) {
        List<Vector> neighbours = near.stream().sorted(Comparator.comparingInt(r -> r.getInt(0)))
                .map(r -> (Vector) r.get(1)).toList();
        SplittableRandom random = new SplittableRandom(seed ^ (id * 0x9E3779B97F4A7C15L));
        List<Vector> out = new ArrayList<>();
        for (long i = 0; i < share; i++) {
            if (neighbours.isEmpty()) {
                out.add(point);
                continue;
            }
            double[] x = point.toArray();
            double[] y = neighbours.get(random.nextInt(neighbours.size())).toArray();
            double gap = random.nextDouble();
            double[] z = new double[x.length];
            for (int j = 0; j < x.length; j++) {
                z[j] = x[j] + gap * (y[j] - x[j]);
            }
            out.add(Vectors.dense(z));
        }
        return out;
    }
}
