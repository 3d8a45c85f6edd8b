package io.sparktrain.pipeline.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TextTokenizerTest {
    private static TextTokenizer tokenizer(boolean lowercase, String pattern, boolean skipHeaders) {
        return new TextTokenizer("text", lowercase, Pattern.compile(pattern), skipHeaders);
    }

    @Test
    void defaultPatternKeepsLettersAndDigitsAndFoldsCase() {
        TextTokenizer t = tokenizer(true, TextSequencerParams.DEFAULT_TOKEN_PATTERN, false);
        assertEquals(List.of("win", "1000", "now", "café", "über"), t.tokens("WIN $1000 now!!! Café, Über"));
    }

    @Test
    void caseIsKeptWhenAskedAndThePatternDecidesWhatAToken() {
        TextTokenizer t = tokenizer(false, "[A-Za-z]+|[$!]", false);
        assertEquals(List.of("WIN", "$", "now", "!", "!"), t.tokens("WIN $1000 now!!"));
    }

    @Test
    void headersEndAtTheFirstEmptyLineWithEitherLineEnding() {
        assertEquals("body\nmore", TextTokenizer.body("From: a@b\nSubject: hi\n\nbody\nmore"));
        assertEquals("body\r\n\r\nmore", TextTokenizer.body("From: a@b\r\nSubject: hi\r\n\r\nbody\r\n\r\nmore"));
        assertEquals("no headers", TextTokenizer.body("\nno headers"));
        assertEquals("", TextTokenizer.body("From: a@b\nSubject: only headers"), "RFC 822: no empty line, no body");
        assertEquals("", TextTokenizer.body("Subject: ends with the separator\n\n"));
    }

    @Test
    void skipHeadersDropsTheSubjectAndEnvelopeTokens() {
        TextTokenizer t = tokenizer(true, TextSequencerParams.DEFAULT_TOKEN_PATTERN, true);
        assertEquals(List.of("hello", "there"), t.tokens("From spam@x Mon\r\nSubject: Cheap\r\n\r\nHello there"));
    }

    @Test
    void nullTextNamesTheColumnAndTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tokenizer(true, "\\w+", false).tokens(null));
        assertTrue(e.getMessage().contains("column 'text' has a null text"), e.getMessage());
    }
}
