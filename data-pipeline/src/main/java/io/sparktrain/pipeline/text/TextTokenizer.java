package io.sparktrain.pipeline.text;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits one text into tokens the same way when the vocabulary is counted and when texts are
 * encoded: a fitted sequencer is only right if both sides see identical tokens. It is shipped to
 * the executors inside Spark closures, hence serializable and free of any Spark state.
 */
final class TextTokenizer implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String column;
    private final boolean lowercase;
    private final Pattern token;
    private final boolean skipHeaders;

    /**
     * @param column      the text column, named in the error for a missing text
     * @param lowercase   fold case (Locale.ROOT, so the result does not depend on the machine)
     * @param token       a match of this pattern is one token; everything between matches is dropped
     * @param skipHeaders treat each text as an RFC 822 message and keep only its body
     */
    TextTokenizer(String column, boolean lowercase, Pattern token, boolean skipHeaders) {
        this.column = column;
        this.lowercase = lowercase;
        this.token = token;
        this.skipHeaders = skipHeaders;
    }

    static TextTokenizer of(TextSequencerParams params) {
        return new TextTokenizer(params.getInputCol(), params.getLowercase(),
                Pattern.compile(params.getTokenPattern()), params.getSkipHeaders());
    }

    List<String> tokens(String text) {
        if (text == null) {
            throw new IllegalArgumentException("column '" + column + "' has a null text; drop or fill the rows"
                    + " without text before the text sequencer (e.g. na().fill(\"\", ['" + column + "']))");
        }
        String kept = skipHeaders ? body(text) : text;
        if (lowercase) {
            kept = kept.toLowerCase(Locale.ROOT);
        }
        List<String> tokens = new ArrayList<>();
        Matcher matcher = token.matcher(kept);
        while (matcher.find()) {
            if (matcher.end() > matcher.start()) {
                tokens.add(matcher.group());
            }
        }
        return tokens;
    }

    /**
     * What follows the first empty line (LF or CRLF endings). A message without an empty line is
     * all headers and has an empty body, as RFC 822 defines it.
     */
    static String body(String message) {
        int lineStart = 0;
        while (lineStart <= message.length()) {
            int newline = message.indexOf('\n', lineStart);
            if (newline < 0) {
                return "";
            }
            int lineEnd = newline > lineStart && message.charAt(newline - 1) == '\r' ? newline - 1 : newline;
            if (lineEnd == lineStart) {
                return message.substring(newline + 1);
            }
            lineStart = newline + 1;
        }
        return "";
    }
}
