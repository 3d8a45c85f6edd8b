package io.sparktrain.pipeline.testing;

import java.util.List;

/**
 * Column names as real exports write them, which Spark reads as expressions unless they are
 * quoted: what the tests of every column role (feature, categorical, label, id, unused) use.
 */
public final class AwkwardNames {
    /**
     * A dot (read as a struct field), a dot inside a number, a space, a dash, brackets, a backtick
     * (a syntax error unquoted) and non-ASCII letters.
     */
    public static final List<String> ALL = List.of("a.b", "x_0.25", "my col", "c-d", "e[0]", "f`g", "größe", "名前");

    /** One name holding every kind of character of {@link #ALL}: for roles that take a single column, such as the label. */
    public static final String MIXED = "y.class [`1`]-größe";

    private AwkwardNames() {
    }
}
