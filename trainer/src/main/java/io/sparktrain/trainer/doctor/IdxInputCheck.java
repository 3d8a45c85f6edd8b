package io.sparktrain.trainer.doctor;

import io.sparktrain.config.DataSection;
import io.sparktrain.config.IdxPair;
import io.sparktrain.pipeline.fs.HadoopConf;
import io.sparktrain.pipeline.source.DataSourceException;
import io.sparktrain.pipeline.source.IdxHeader;
import io.sparktrain.pipeline.source.IdxImageSource;
import io.sparktrain.trainer.runtime.DatasetFetcher;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;

/**
 * A pair of IDX input files (images and labels) exists, is readable with the job's Hadoop
 * settings, has valid headers that belong together, and matches {@code model.input.size}. Only
 * headers are read, so this takes milliseconds even on S3.
 */
final class IdxInputCheck implements Check {
    private final String split;
    private final DataSection data;
    private final int inputSize;
    private final Configuration hadoop;

    /** @param split {@code train} or {@code test}: which pair of {@code data} to check */
    IdxInputCheck(String split, DataSection data, int inputSize, Configuration hadoop) {
        this.split = split;
        this.data = data;
        this.inputSize = inputSize;
        this.hadoop = hadoop;
    }

    @Override
    public String name() {
        return split + " data";
    }

    @Override
    public CheckResult run() {
        IdxPair pair = split.equals("train") ? data.train() : data.test();
        String keys = "data." + split + ".images and data." + split + ".labels";
        if (DatasetFetcher.missingLocally(data)) {
            return MissingDataset.warning(data);
        }
        HadoopConf conf = new HadoopConf(hadoop);
        try {
            IdxHeader images = IdxImageSource.readHeader(pair.images(), conf);
            IdxHeader labels = IdxImageSource.readHeader(pair.labels(), conf);
            IdxImageSource.checkPair(images, labels);
            if (images.itemSize() != inputSize) {
                return CheckResult.fail(pair.images() + " holds " + images.itemSize() + " values per example but"
                                + " model.input.size is " + inputSize,
                        "set model.input.size = " + images.itemSize() + ", or point " + keys + " at the right files");
            }
            String shape = Arrays.stream(images.itemShape()).mapToObj(Integer::toString).collect(Collectors.joining("x"));
            return CheckResult.ok(String.format("%s: %,d examples of %s, with as many labels", pair.images(),
                    images.itemCount(), shape));
        } catch (DataSourceException e) {
            return CheckResult.fail(e.getMessage(), "fix " + keys + " in the config (or --set data." + split
                    + ".images=URI)");
        }
    }
}
