package io.sparktrain.pipeline.batch;

import java.io.Serializable;
import java.util.List;

/**
 * What the features are, so one batcher feeds both dense networks and embedding + recurrent
 * networks: the shape DL4J wants differs ({@code [batch, width]} against
 * {@code [batch, 1, T]} with a {@code [batch, T]} mask) and is decided here, once.
 *
 * @param column     a vector (or numeric array) column
 * @param kind       how the column becomes the features array
 * @param maskColumn for {@link Kind#SEQUENCE}: 1/0 per position, same length as the sequence;
 *                   null for {@link Kind#VECTOR}
 */
public record FeatureSpec(String column, Kind kind, String maskColumn) implements Serializable {

    public enum Kind {
        /** One vector per example: features {@code [batch, width]}, no mask. */
        VECTOR,
        /**
         * One sequence of token indices per example (e.g. {@code TextSequencer}'s output): features
         * {@code [batch, 1, T]}, the input an {@code EmbeddingSequenceLayer} takes, and a features
         * mask {@code [batch, T]}. Give the network {@code InputType.recurrent(indexCount)} or no
         * input type: DL4J M2 overwrites the embedding's nIn with the input type's size, so
         * {@code recurrent(1)} leaves an embedding that accepts only index 0.
         */
        SEQUENCE
    }

    public FeatureSpec {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("the features column needs a name");
        }
        if (kind == null) {
            throw new IllegalArgumentException("features column '" + column + "' needs a kind: VECTOR or SEQUENCE");
        }
        if (kind == Kind.SEQUENCE && (maskColumn == null || maskColumn.isBlank())) {
            throw new IllegalArgumentException("sequence features '" + column + "' need a mask column (1 = token, 0 = padding)");
        }
        if (kind == Kind.VECTOR && maskColumn != null) {
            throw new IllegalArgumentException("vector features '" + column + "' take no mask column, got '" + maskColumn + "'");
        }
    }

    public static FeatureSpec vector(String column) {
        return new FeatureSpec(column, Kind.VECTOR, null);
    }

    public static FeatureSpec sequence(String column, String maskColumn) {
        return new FeatureSpec(column, Kind.SEQUENCE, maskColumn);
    }

    /** The columns the features are read from, in the order the batcher selects them. */
    public List<String> columns() {
        return kind == Kind.SEQUENCE ? List.of(column, maskColumn) : List.of(column);
    }
}
