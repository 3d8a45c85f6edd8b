package io.sparktrain.pipeline.text;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one text into a fixed-length row of token indices. Shipped to the executors in the
 * transform's closure, so it holds only the tokenizer and a plain map.
 *
 * <p>Long texts keep their <em>first</em> {@code length} tokens: in an e-mail body (headers
 * stripped) the opening lines carry the message, while the tail is where signatures, quoted
 * replies, disclaimers and encoded attachments pile up. Short texts are padded at the end, so
 * the masked positions come after the real ones, as DL4J's masked RNN layers expect.
 */
final class TokenIndexer implements Serializable {
    private static final long serialVersionUID = 1L;

    private final TextTokenizer tokenizer;
    private final Map<String, Integer> indexOf;
    private final int length;

    TokenIndexer(TextTokenizer tokenizer, List<String> vocabulary, int length) {
        this.tokenizer = tokenizer;
        this.indexOf = new HashMap<>(vocabulary.size() * 2);
        for (int i = 0; i < vocabulary.size(); i++) {
            indexOf.put(vocabulary.get(i), TextSequencerParams.FIRST_TOKEN + i);
        }
        this.length = length;
    }

    double[] indices(String text) {
        double[] out = new double[length];
        List<String> tokens = tokenizer.tokens(text);
        int kept = Math.min(tokens.size(), length);
        for (int i = 0; i < kept; i++) {
            out[i] = indexOf.getOrDefault(tokens.get(i), TextSequencerParams.OUT_OF_VOCABULARY);
        }
        return out;
    }

    /** 1 where a token is, 0 where padding is; padding is the only index 0. */
    static double[] mask(double[] indices) {
        double[] mask = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            mask[i] = indices[i] == TextSequencerParams.PADDING ? 0 : 1;
        }
        return mask;
    }
}
