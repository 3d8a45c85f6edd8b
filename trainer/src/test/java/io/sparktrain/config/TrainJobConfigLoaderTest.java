package io.sparktrain.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.sparktrain.trainer.model.Activation;
import io.sparktrain.trainer.model.DenseLayerSpec;
import io.sparktrain.trainer.model.Loss;
import io.sparktrain.trainer.model.WeightInit;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainJobConfigLoaderTest {
    /** A complete, valid job config; each test breaks one thing in it. */
    private static final String VALID = """
            job.name = test
            data {
              train { images = "a/train-images", labels = "a/train-labels" }
              test { images = "a/test-images", labels = "a/test-labels" }
              labels = ["a", "b", "c"]
            }
            model {
              input { size = 4 }
              layers = [
                { type = dense, units = 8, activation = relu }
                { type = output, units = 3, activation = softmax, loss = cross-entropy }
              ]
            }
            """;

    private static TrainJobConfig load(String hocon, String... overrides) {
        Config file = ConfigFactory.parseString(hocon);
        return TrainJobConfigLoader.load("test.conf", file, List.of(overrides));
    }

    private static ConfigException problems(String hocon, String... overrides) {
        return assertThrows(ConfigException.class, () -> load(hocon, overrides));
    }

    private static void assertMentions(ConfigException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "expected '" + part + "' in:\n" + e.getMessage());
        }
    }

    @Test
    void validConfigGetsDefaultsForWhatItLeavesOut() {
        TrainJobConfig config = load(VALID);
        assertEquals("test", config.job().name());
        assertEquals(42, config.job().seed());
        assertEquals(Strategy.AVERAGING, config.train().strategy());
        assertEquals(128, config.train().batchSize());
        assertEquals(10, config.train().averaging().frequency());
        assertEquals("local[*]", config.spark().master());
        assertEquals("work/bundles/test", config.output().bundle(), "the default bundle path follows job.name");
        assertEquals(3, config.data().numClasses());
        assertEquals(new DenseLayerSpec(8, Activation.RELU, 0, WeightInit.RELU), config.model().topology().layers().get(0));
        assertEquals(Loss.CROSS_ENTROPY, config.model().outputLayer().loss());
    }

    @Test
    void shippedMnistConfigIsValid() {
        File conf = new File(System.getProperty("sparktrain.project.dir"), "conf/mnist-mlp.conf");
        TrainJobConfig config = TrainJobConfigLoader.load(conf, List.of());
        assertEquals(784, config.model().inputSize());
        assertEquals(10, config.data().numClasses());
        assertEquals("data/mnist/train-images-idx3-ubyte", config.data().train().images());
    }

    @Test
    void setOverridesWinAndSubstitutionsFollowThem() {
        TrainJobConfig config = load(VALID, "train.epochs=3", "job.name=other", "spark.master=local[2]",
                "output.bundle=hdfs://nn:8020/models/x");
        assertEquals(3, config.train().epochs());
        assertEquals("local[2]", config.spark().master());
        assertEquals("hdfs://nn:8020/models/x", config.output().bundle());
        assertEquals("other", config.job().name());
    }

    @Test
    void sparkPropertiesWithDotsPassThroughUnchecked() {
        TrainJobConfig config = load(VALID + "\nspark.conf { \"spark.executor.memory\" = 4g, \"spark.task.cpus\" = 2 }");
        assertEquals("4g", config.spark().conf().get("spark.executor.memory"));
        assertEquals("2", config.spark().conf().get("spark.task.cpus"));
    }

    @Test
    void sharingPortMustLeaveEveryExecutorTheSparkPropertiesAllowAPortUpTo65535() {
        String cluster = VALID + "\nspark.master = \"spark://127.0.0.1:7077\"\ntrain { strategy = sharing, sharing.port = 65000 }";
        ConfigException e = problems(cluster + "\nspark.conf { \"spark.executor.instances\" = 600 }");
        assertMentions(e, "train.sharing.port: is 65000, but executor N listens on port + 1 + N and"
                + " spark.executor.instances = 600 allows executor ids up to 600, which would listen on 65601, past 65535;"
                + " allowed: from 1024 to 64934");
        e = problems(cluster + "\nspark.conf { \"spark.dynamicAllocation.enabled\" = true,"
                + " \"spark.dynamicAllocation.maxExecutors\" = 1000 }");
        assertMentions(e, "spark.dynamicAllocation.maxExecutors = 1000 allows executor ids up to 1000");
        assertEquals(65000, load(cluster + "\nspark.conf { \"spark.executor.instances\" = 534 }").train().sharing().port());
        assertEquals(65000, load(cluster.replace("spark://127.0.0.1:7077", "local[2]")
                + "\nspark.conf { \"spark.executor.instances\" = 600 }").train().sharing().port(),
                "local mode runs every task on the driver's port");
    }

    @Test
    void unknownKeyIsNamedWithTheClosestKnownKey() {
        ConfigException e = problems(VALID + "\ntrain.epoch = 3");
        assertMentions(e, "train.epoch: unknown key", "did you mean 'train.epochs'?");
    }

    @Test
    void unknownKeyInsideALayerIsNamedWithItsIndex() {
        ConfigException e = problems(VALID.replace("units = 8, activation = relu", "units = 8, activation = relu, unit = 3"));
        assertMentions(e, "model.layers[0].unit: unknown key", "did you mean 'model.layers[0].units'?");
    }

    @Test
    void unknownTopLevelSectionIsNamed() {
        ConfigException e = problems(VALID + "\ntrainer { epochs = 3 }");
        assertMentions(e, "trainer.epochs: unknown key");
    }

    @Test
    void valueOutOfRangeIsNamedWithWhatIsAllowed() {
        ConfigException e = problems(VALID, "train.epochs=0");
        assertMentions(e, "train.epochs: is 0; allowed: from 1 to 100000");
    }

    @Test
    void valueNotAmongTheChoicesListsTheChoices() {
        ConfigException e = problems(VALID, "train.strategy=gossip");
        assertMentions(e, "train.strategy: is 'gossip'; allowed: averaging, sharing, allreduce, local");
    }

    @Test
    void wrongTypeIsNamedWithTheValueGiven() {
        ConfigException e = problems(VALID, "train.batch-size=big");
        assertMentions(e, "train.batch-size: must be an integer from 1 to 1000000, got string \"big\"");
    }

    @Test
    void missingRequiredKeyIsNamed() {
        ConfigException e = problems(VALID.replace("images = \"a/train-images\", ", ""));
        assertMentions(e, "data.train.images: is required but missing");
    }

    @Test
    void missingNetworkIsNamed() {
        ConfigException e = problems("""
                data {
                  train { images = x, labels = y }
                  test { images = x, labels = y }
                  labels = [a, b]
                }
                """);
        assertMentions(e, "model.input.size: is required but missing", "model.layers: is required but missing");
    }

    @Test
    void lossThatDoesNotFitTheOutputActivationIsNamedWithTheFix() {
        ConfigException e = problems(VALID.replace("activation = softmax", "activation = sigmoid"));
        assertMentions(e, "model.layers[1].loss: 'cross-entropy' does not fit output activation 'sigmoid'",
                "use activation [softmax]");
    }

    @Test
    void outputUnitsMustMatchTheNumberOfClasses() {
        ConfigException e = problems(VALID.replace("units = 3", "units = 5"));
        assertMentions(e, "model.layers[1].units: is 5 but data.labels names 3 classes");
    }

    @Test
    void outputLayerMustComeLast() {
        ConfigException e = problems(VALID.replace("type = dense", "type = output, loss = mse"));
        assertMentions(e, "model.layers[0].type: is 'output' but only the last layer may be an output layer");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ConfigException e = problems(VALID + "\ntrain.epoch = 3", "train.strategy=gossip", "model.optimizer.type=lbfgs");
        assertEquals(3, e.problems().size(), e.getMessage());
        assertMentions(e, "test.conf has 3 problems");
    }

    @Test
    void malformedSetIsRejected() {
        ConfigException e = problems(VALID, "train.epochs");
        assertMentions(e, "--set 'train.epochs': expected key=value");
    }

    @Test
    void missingFileIsReported() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> TrainJobConfigLoader.load(new File("no/such.conf"), List.of()));
        assertMentions(e, "no/such.conf", "file not found");
    }

    @Test
    void invalidHoconIsReportedWithItsLine(@TempDir Path dir) throws IOException {
        File conf = dir.resolve("broken.conf").toFile();
        Files.writeString(conf.toPath(), "job {\n  name = test\n  seed = [1, \n");
        ConfigException e = assertThrows(ConfigException.class, () -> TrainJobConfigLoader.load(conf, List.of()));
        assertMentions(e, "broken.conf", "is not valid HOCON", "broken.conf: 4");
    }
}
