package io.sparktrain.trainer.engine;

import io.sparktrain.trainer.model.NetworkFactory;
import io.sparktrain.trainer.model.Specs;
import org.deeplearning4j.nn.layers.LayerHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.Nd4jCpu;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * A JVM of its own for {@link NativeBuildTest}: chooses the build as the CLI does, trains a small
 * CNN a few steps and prints what ran, one {@code key=value} per line.
 */
public final class NativeBuildProbe {
    private NativeBuildProbe() {
    }

    public static void main(String[] args) {
        NativeBuild.Level requested = NativeBuild.select();
        MultiLayerNetwork network = NetworkFactory.build(Specs.parse("""
                input { type = image, height = 12, width = 12, channels = 1 }
                layers = [
                  { type = conv2d, filters = 4, kernel = 3, activation = relu }
                  { type = max-pool, kernel = 2 }
                  { type = output, units = 2, activation = softmax, loss = cross-entropy }
                ]
                """), 1);
        INDArray features = Nd4j.rand(32, 144);
        INDArray labels = Nd4j.zeros(32, 2);
        for (int i = 0; i < 32; i++) {
            labels.putScalar(i, features.getDouble(i, 0) > 0.5 ? 1 : 0, 1.0);
        }
        DataSet data = new DataSet(features, labels);
        double before = network.score(data);
        for (int step = 0; step < 30; step++) {
            network.fit(data);
        }
        LayerHelper helper = network.getLayer(0).getHelper();
        System.out.println("requested=" + requested.name());
        System.out.println("binaryLevel=" + NativeOpsHolder.getInstance().getDeviceNativeOps().binaryLevel());
        System.out.println("oneDnn=" + Nd4jCpu.Environment.getInstance().isUseMKLDNN());
        System.out.println("convHelper=" + (helper == null ? "none" : helper.getClass().getSimpleName()));
        System.out.println("lossFell=" + (network.score(data) < before));
    }
}
