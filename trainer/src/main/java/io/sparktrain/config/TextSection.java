package io.sparktrain.config;

/**
 * How documents become fixed-length sequences of token indices (index 0 pads, 1 stands for a word
 * outside the vocabulary), fitted on the training documents.
 *
 * @param vocabSize      most frequent training words kept
 * @param minCount       fewest occurrences a kept word has
 * @param sequenceLength tokens per document: longer ones keep their first tokens, shorter ones are padded
 * @param lowercase      fold case before counting
 * @param skipHeaders    drop everything before the first empty line (e-mail headers)
 * @param column         CSV column holding the documents; empty when documents are files in one folder per class
 * @param label          CSV column holding the class names (with {@code column})
 */
public record TextSection(int vocabSize, int minCount, int sequenceLength, boolean lowercase, boolean skipHeaders,
        String column, String label) {
    /** Whether the documents are rows of a CSV table rather than files in class folders. */
    public boolean fromTable() {
        return !column.isEmpty();
    }

    /** Token indices the network's embedding must accept: the vocabulary plus padding and out-of-vocabulary. */
    public int indexCount() {
        return vocabSize + 2;
    }
}
