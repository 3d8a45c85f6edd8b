package io.sparktrain.trainer.doctor;

import io.sparktrain.trainer.bundle.BundleDirectory;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * The bundle directory is free, or the run was told what to do with what is there: a complete
 * bundle is never replaced without {@code --overwrite}, an interrupted run needs {@code --resume}
 * or {@code --overwrite}. Same rules as the train job, reported before Spark starts.
 */
final class OutputBundleCheck implements Check {
    private final String uri;
    private final Configuration hadoop;
    private final boolean overwrite;
    private final boolean resume;

    OutputBundleCheck(String uri, Configuration hadoop, boolean overwrite, boolean resume) {
        this.uri = uri;
        this.hadoop = hadoop;
        this.overwrite = overwrite;
        this.resume = resume;
    }

    @Override
    public String name() {
        return "output bundle";
    }

    @Override
    public CheckResult run() {
        BundleDirectory bundle;
        BundleDirectory.State state;
        Optional<BundleDirectory.Refusal> refusal;
        try {
            bundle = new BundleDirectory(uri, hadoop);
            state = bundle.state();
            refusal = bundle.refusal(overwrite, resume);
        } catch (UncheckedIOException e) {
            return CheckResult.fail(e.getMessage(), "fix output.bundle (or --output URI)");
        }
        if (refusal.isPresent()) {
            return CheckResult.fail(refusal.get().problem(), refusal.get().fix());
        }
        return CheckResult.ok(bundle.path() + switch (state) {
            case ABSENT -> " is free";
            case COMPLETE -> " holds a bundle that --overwrite replaces";
            case INTERRUPTED -> resume ? " holds an interrupted run that --resume continues"
                    : " holds an interrupted run that --overwrite replaces";
        });
    }
}
