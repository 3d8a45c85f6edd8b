package io.sparktrain.trainer.doctor;

import io.sparktrain.config.DataInputs;
import io.sparktrain.config.DataSection;
import io.sparktrain.config.Strategy;
import io.sparktrain.config.TrainJobConfig;
import io.sparktrain.config.TrainSection;
import io.sparktrain.trainer.engine.AeronSettings;
import io.sparktrain.trainer.engine.ThreadPlan;
import io.sparktrain.trainer.runtime.SparkSessions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The checks for one train job as configured, in the order the table shows them: this JVM, then
 * per-executor resources, serialization, inputs and output, gradient sharing's network, and last
 * the executors themselves. Which checks apply follows the config (sharing checks only for
 * {@code sharing}, s3a checks only for s3a URIs).
 */
public final class DoctorChecks {
    /** How long the executors may take to answer; on a cluster they may still be starting. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);

    private final TrainJobConfig config;
    private final SparkConf sparkConf;
    private final boolean overwrite;
    private final boolean resume;
    private final int machineCores = Runtime.getRuntime().availableProcessors();

    /**
     * @param sparkConf the final conf the job runs with ({@link SparkSessions#forTrainJob})
     * @param overwrite as given to train: an existing bundle may be replaced
     * @param resume    as given to train: an interrupted run is continued
     */
    public DoctorChecks(TrainJobConfig config, SparkConf sparkConf, boolean overwrite, boolean resume) {
        this.config = config;
        this.sparkConf = sparkConf;
        this.overwrite = overwrite;
        this.resume = resume;
    }

    /** Every check, the executor probe last; {@code spark} starts Spark (or returns it) when the probe runs. */
    public List<Check> all(Supplier<JavaSparkContext> spark) {
        TrainSection train = config.train();
        List<Check> checks = new ArrayList<>(driverSide());
        checks.add(new ExecutorsCheck(spark, threadsPerTask(), tasksPerExecutor(),
                isSharing() ? train.sharing().port() : 0, PROBE_TIMEOUT));
        return checks;
    }

    /** The checks that need no running Spark. */
    public List<Check> driverSide() {
        TrainSection train = config.train();
        Configuration hadoop = SparkSessions.hadoopConf(sparkConf);
        OffHeapEstimate estimate = OffHeapEstimate.of(config.model(), train.batchSize(), train.averaging().prefetch(),
                tasksPerExecutor());
        List<Check> checks = new ArrayList<>();
        checks.add(new JavaVersionCheck(Runtime.version(), System.getProperty("java.vendor")));
        checks.add(new ModuleOpensCheck());
        checks.add(new NativeBackendCheck());
        checks.add(new ThreadPlanCheck(train.threadsPerTask(), threadsPerTask(), tasksPerExecutor(), sparkConf, machineCores));
        checks.add(new OmpWaitPolicyCheck(sparkConf, System.getenv()));
        checks.add(new MemoryOverheadCheck(estimate, sparkConf));
        checks.add(new JavaCppLimitCheck(estimate, sparkConf, JavaCppLimitCheck.Limits.thisJvm()));
        checks.add(new SerializerCheck(sparkConf));
        if (train.strategy() == Strategy.AVERAGING || train.strategy() == Strategy.ALLREDUCE) {
            checks.add(new KryoBufferCheck(estimate, sparkConf));
        }
        DataSection data = config.data();
        if (data.inputs() instanceof DataInputs.Table table) {
            checks.add(new PathInputCheck("train", "data.table.train", table.train(), data, hadoop));
            table.test().ifPresent(test -> checks.add(new PathInputCheck("test", "data.table.test", test, data, hadoop)));
        } else if (data.inputs() instanceof DataInputs.Text text) {
            checks.add(new PathInputCheck("train", "data.text.train", text.train(), data, hadoop));
            text.test().ifPresent(test -> checks.add(new PathInputCheck("test", "data.text.test", test, data, hadoop)));
        } else {
            checks.add(new IdxInputCheck("train", data, config.model().inputSize(), hadoop));
            checks.add(new IdxInputCheck("test", data, config.model().inputSize(), hadoop));
        }
        List<String> s3a = s3aUris();
        if (!s3a.isEmpty()) {
            checks.add(new HadoopAwsCheck(s3a));
            checks.add(new S3aCredentialsCheck(s3a, hadoop, System.getenv()));
        }
        checks.add(new OutputBundleCheck(config.output().bundle(), hadoop, overwrite, resume));
        checks.add(new WritableLocationCheck("output writable", config.output().bundle(),
                "output.bundle (or --output URI)", hadoop));
        if (exportsMinibatches()) {
            checks.add(new WritableLocationCheck("work dir writable", train.averaging().workDir(),
                    "train.averaging.work-dir", hadoop));
        }
        if (config.train().strategy() == Strategy.ALLREDUCE) {
            checks.add(new AllreduceRendezvousCheck(sparkConf));
        }
        if (isSharing()) {
            checks.add(new AeronPortCheck(train.sharing().port()));
            checks.add(new ControllerAddressCheck(train.sharing(), sparkConf));
            // Only the driver runs Aeron on this machine, unless the executors live in it too (local mode).
            checks.add(new SharedMemoryCheck(AeronSettings.sharedMemoryDir(), 1));
            checks.add(new AeronSettingsCheck(System.getProperties(), sparkConf));
        }
        return checks;
    }

    private boolean isSharing() {
        return config.train().strategy() == Strategy.SHARING;
    }

    private boolean exportsMinibatches() {
        TrainSection train = config.train();
        return train.strategy().exportsMinibatches(train.averaging().approach());
    }

    private int threadsPerTask() {
        TrainSection train = config.train();
        return ThreadPlan.threadsPerTask(train.threadsPerTask(), train.strategy(), sparkConf, machineCores);
    }

    /** The local strategy trains one replica in the driver; Spark strategies one per task slot. */
    private int tasksPerExecutor() {
        return config.train().strategy() == Strategy.LOCAL ? 1 : ThreadPlan.tasksPerExecutor(sparkConf, machineCores);
    }

    private List<String> s3aUris() {
        DataSection data = config.data();
        return Stream.concat(data.inputs().files().stream(),
                        Stream.of(config.output().bundle(), config.train().averaging().workDir()))
                .filter(uri -> "s3a".equals(new Path(uri).toUri().getScheme())).distinct().toList();
    }
}
