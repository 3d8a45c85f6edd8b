package io.sparktrain.trainer.score;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;

/** The account of a scoring run: printed, and stored as {@value #FILE} in the predictions folder. */
final class ScoreSummary {
    static final String FILE = "_sparktrain_score.json";

    private ScoreSummary() {
    }

    static String line(ScoreJob.Result r) {
        return String.format("rows in %,d = scored %,d + rejected %,d; predictions in %s%s", r.rowsIn(), r.scored(),
                r.rejected(), r.output(), r.rejects() == null ? "" : ", rejects in " + r.rejects());
    }

    static void write(OutputTarget output, ScoreJob.Result result) {
        try {
            output.writeFile(FILE, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(result));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
