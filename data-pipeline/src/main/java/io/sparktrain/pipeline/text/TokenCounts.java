package io.sparktrain.pipeline.text;

import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * Counts tokens on the executors and brings back only the vocabulary: the reduce runs in Spark
 * and {@code takeOrdered} keeps a bounded top list per partition, so the driver never sees the
 * rows nor the full token table.
 */
final class TokenCounts {
    private TokenCounts() {
    }

    /**
     * The at most {@code vocabSize} tokens occurring at least {@code minCount} times, most frequent
     * first; equal counts are ordered by the token's natural string order so that the same data
     * always gives the same indices, whatever the partitioning.
     */
    static List<String> mostFrequent(JavaRDD<String> texts, TextTokenizer tokenizer, int minCount, int vocabSize) {
        JavaPairRDD<String, Long> counts = texts.flatMap(text -> tokenizer.tokens(text).iterator())
                .mapToPair(token -> new Tuple2<>(token, 1L))
                .reduceByKey(Long::sum)
                .filter(count -> count._2() >= minCount)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try {
            // takeOrdered allocates its bound up front in every task: never more than there are tokens.
            int kept = (int) Math.min(vocabSize, counts.count());
            return counts.takeOrdered(kept, new MostFrequentFirst()).stream().map(Tuple2::_1).toList();
        } finally {
            counts.unpersist(false);
        }
    }

    /** Higher count first, then the token in string order. */
    static final class MostFrequentFirst implements Comparator<Tuple2<String, Long>>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(Tuple2<String, Long> a, Tuple2<String, Long> b) {
            int byCount = Long.compare(b._2(), a._2());
            return byCount != 0 ? byCount : a._1().compareTo(b._1());
        }
    }
}
