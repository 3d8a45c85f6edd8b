package io.sparktrain.config;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Where the examples come from: IDX image files, a table (csv, json, parquet) or text documents. */
public sealed interface DataInputs permits DataInputs.Idx, DataInputs.Table, DataInputs.Text {
    /** The input URIs, for fetching missing datasets and checking they exist. */
    List<String> files();

    /** Qualified copies (absolute URIs), so executors on other hosts read the same files. */
    DataInputs map(UnaryOperator<String> qualify);

    record Idx(IdxPair train, IdxPair test) implements DataInputs {
        @Override
        public List<String> files() {
            return List.of(train.images(), train.labels(), test.images(), test.labels());
        }

        @Override
        public Idx map(UnaryOperator<String> qualify) {
            return new Idx(new IdxPair(qualify.apply(train.images()), qualify.apply(train.labels())),
                    new IdxPair(qualify.apply(test.images()), qualify.apply(test.labels())));
        }
    }

    /**
     * @param train        training table URI
     * @param test         test table URI; when empty, {@code testFraction} of the training rows is held out as test data
     * @param testFraction share of the training rows held out (seeded) as test data when there is no test table
     * @param section      columns, reading options and preprocessing
     */
    record Table(String train, Optional<String> test, double testFraction, TableSection section) implements DataInputs {
        @Override
        public List<String> files() {
            return Stream.concat(Stream.of(train), test.stream()).toList();
        }

        @Override
        public Table map(UnaryOperator<String> qualify) {
            return new Table(qualify.apply(train), test.map(qualify), testFraction, section);
        }
    }

    /**
     * Documents, one per file, in one folder per class.
     *
     * @param train        folder of the training documents
     * @param test         folder of the test documents; when empty, {@code testFraction} of the training documents
     * @param testFraction share of the training documents held out (seeded) as test data when there is no test folder
     * @param section      how text becomes token sequences
     */
    record Text(String train, Optional<String> test, double testFraction, TextSection section) implements DataInputs {
        @Override
        public List<String> files() {
            return Stream.concat(Stream.of(train), test.stream()).toList();
        }

        @Override
        public Text map(UnaryOperator<String> qualify) {
            return new Text(qualify.apply(train), test.map(qualify), testFraction, section);
        }
    }
}
