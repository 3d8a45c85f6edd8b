package io.sparktrain.trainer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparktrain.cli.SparktrainCli;
import io.sparktrain.pipeline.testing.SlowTest;
import io.sparktrain.trainer.TestTraining;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real XOR train run writes a report whose charts decode and whose page points only inside the bundle. */
@SlowTest
class BundleReportTest {
    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"]*)\"");

    @Test
    void trainWritesChartsAndAPageThatStaysInsideTheBundle(@TempDir Path dir) throws IOException {
        Path bundle = TestTraining.train("xor.conf", dir, "train.validation-fraction=0.2");

        Path report = bundle.resolve(BundleReport.DIR);
        for (String chart : List.of("loss.png", "accuracy.png", "examples-per-second.png", "confusion-matrix.png",
                "roc.png", "precision-recall.png", "class-balance.png")) {
            BufferedImage image = ImageIO.read(report.resolve(chart).toFile());
            assertTrue(image != null && image.getWidth() >= 400 && image.getHeight() >= 300, chart + " decodes");
            assertTrue(Files.size(report.resolve(chart)) > 5_000, chart + " is more than an empty frame");
        }
        String html = Files.readString(report.resolve("index.html"));
        List<String> references = new ArrayList<>();
        Matcher m = REFERENCE.matcher(html);
        while (m.find()) {
            references.add(m.group(1));
        }
        assertEquals(7, references.size(), references.toString());
        for (String reference : references) {
            assertFalse(reference.contains("/") || reference.contains(":"), "a file beside the page: " + reference);
            assertTrue(Files.exists(report.resolve(reference)), reference + " exists");
        }
        assertTrue(html.contains("Per class"), "per-class metrics from evaluation.json");

        FileUtils.deleteDirectory(report.toFile());
        assertEquals(0, SparktrainCli.execute("report", "--bundle", bundle.toString()));
        assertTrue(Files.exists(report.resolve("index.html")), "sparktrain report rebuilds it");
    }
}
