package io.sparktrain.trainer.doctor;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * DL4J ships networks and minibatches between driver and executors as INDArrays, whose data is
 * off-heap: Spark should use Kryo with ND4J's registrator. sparktrain sets both, but the user's
 * {@code spark.conf} can override them, so the final conf is checked, and with it an INDArray is
 * sent through Kryo and back, as DL4J itself does before training (SparkUtils.checkKryoConfiguration).
 */
final class SerializerCheck implements Check {
    static final String KRYO = "org.apache.spark.serializer.KryoSerializer";
    static final String REGISTRATOR = "org.nd4j.kryo.Nd4jRegistrator";
    /** The name in old DL4J docs; in 1.0.0-M2 no such class exists. */
    static final String OLD_REGISTRATOR = "org.nd4j.Nd4jRegistrator";
    private static final String KEY = "spark.kryo.registrator";

    private final SparkConf conf;

    SerializerCheck(SparkConf conf) {
        this.conf = conf;
    }

    @Override
    public String name() {
        return "kryo serializer";
    }

    @Override
    public CheckResult run() {
        String serializer = conf.get("spark.serializer", "org.apache.spark.serializer.JavaSerializer");
        if (!serializer.equals(KRYO)) {
            // DL4J accepts Java serialization (INDArrays are Serializable), at the price of speed and size.
            return CheckResult.warn("spark.serializer is " + serializer + ": DL4J trains with it, but every network"
                            + " and minibatch travels Java-serialized, slower and bigger than with Kryo",
                    "remove spark.conf.\"spark.serializer\" from the config (sparktrain sets Kryo) or set it to " + KRYO);
        }
        String registrators = conf.get(KEY, "").trim();
        String fix = "remove spark.conf.\"" + KEY + "\" from the config (sparktrain sets it) or set it to " + REGISTRATOR
                + " (your own registrators may follow, comma-separated)";
        if (registrators.contains(OLD_REGISTRATOR)) {
            return CheckResult.fail(KEY + " is " + registrators + ": " + OLD_REGISTRATOR + " is the name in old DL4J"
                    + " docs; in 1.0.0-M2 the class is " + REGISTRATOR, fix);
        }
        String named = KEY + " is " + (registrators.isEmpty() ? "empty" : registrators);
        if (!ModuleOpens.missing().isEmpty()) {
            // Spark's Kryo setup itself reflects into java.nio; without the opens the round trip says nothing.
            return CheckResult.skip(named + "; an INDArray was not sent through Kryo: it needs the module opens",
                    "fix the FAIL of 'module opens' first");
        }
        Optional<String> problem = roundTripProblem();
        if (problem.isPresent()) {
            return CheckResult.fail(named + " and an INDArray does not survive Kryo: " + problem.get()
                    + " (DL4J refuses to train)", fix);
        }
        return CheckResult.ok("spark.serializer is Kryo, " + named + "; an INDArray survives it");
    }

    /** Why an INDArray does not come back from Kryo with this conf unchanged; empty when it does. */
    private Optional<String> roundTripProblem() {
        ClassTag<INDArray> tag = ClassTag$.MODULE$.apply(INDArray.class);
        try {
            SerializerInstance kryo = new KryoSerializer(conf).newInstance();
            INDArray sent = Nd4j.linspace(1, 5, 5);
            ByteBuffer bytes = kryo.serialize(sent, tag);
            INDArray received = kryo.deserialize(bytes, tag);
            return sent.equals(received) ? Optional.empty()
                    : Optional.of("it came back as " + received + " instead of " + sent);
        } catch (Exception e) {
            // Scala code throws checked exceptions undeclared, e.g. SparkException for a missing registrator.
            return Optional.of(Errors.rootCause(e));
        }
    }
}
