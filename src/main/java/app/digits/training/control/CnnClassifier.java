package app.digits.training.control;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import app.digits.registry.entity.DigitClassifier;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one adapter between DJL and serving. It holds the network's shape and its trained weights as bytes, so
 * it serializes like every other model; the PyTorch network is rebuilt from them on first use (after loading
 * from disk) and answers one image at a time in inference mode (batch normalization on running statistics,
 * no dropout). PyTorch inference is thread-safe, so one instance serves concurrent requests.
 */
public final class CnnClassifier implements DigitClassifier {

    private static final long serialVersionUID = 1L;

    private final CnnNetwork network;
    private final byte[] weights;
    private transient volatile Loaded loaded;

    private record Loaded(NDManager manager, Block block) {
    }

    CnnClassifier(CnnNetwork network, byte[] weights) {
        this.network = network;
        this.weights = weights.clone();
    }

    @Override
    public double[] probabilities(byte[] pixels) {
        var net = loaded();
        try (var manager = net.manager().newSubManager()) {
            var image = manager.create(CnnInputs.scaled(pixels), CnnNetwork.IMAGE);
            var logits = net.block().forward(new ParameterStore(manager, false), new NDList(image), false).singletonOrThrow();
            var softmax = logits.softmax(-1).toFloatArray();
            var probabilities = new double[softmax.length];
            for (int i = 0; i < softmax.length; i++) {
                probabilities[i] = softmax[i];
            }
            return probabilities;
        }
    }

    private Loaded loaded() {
        var net = loaded;
        if (net == null) {
            synchronized (this) {
                net = loaded;
                if (net == null) {
                    net = load();
                    loaded = net;
                }
            }
        }
        return net;
    }

    private Loaded load() {
        DjlRuntime.prepare();
        var manager = NDManager.newBaseManager("PyTorch");
        var block = network.build();
        block.initialize(manager, DataType.FLOAT32, CnnNetwork.IMAGE);
        try (var in = new DataInputStream(new ByteArrayInputStream(weights))) {
            block.loadParameters(manager, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MalformedModelException e) {
            throw new IllegalStateException("The CNN's weights do not fit its network: " + e.getMessage(), e);
        }
        return new Loaded(manager, block);
    }
}
