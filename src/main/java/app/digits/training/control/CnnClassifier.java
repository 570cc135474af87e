package app.digits.training.control;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import app.digits.registry.entity.DigitClassifier;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one adapter between DJL and serving, for the CNN and the MLP alike (it keeps the name it had when it
 * served only the CNN, because saved models name their class). It holds the network's shape and its trained
 * weights as bytes, so it serializes like every other model; the PyTorch network is rebuilt from them on first
 * use (after loading from disk) and answers in inference mode (batch normalization on running statistics, no
 * dropout), one image or a batch of images in one forward pass: the fixed cost of a pass (native calls, the
 * graph's layers) is paid once per batch, which is what makes serving many concurrent requests cheap. PyTorch
 * inference is thread-safe, so one instance serves concurrent requests.
 */
public final class CnnClassifier implements DigitClassifier {

    private static final long serialVersionUID = 1L;

    private final DjlNetwork network;
    private final byte[] weights;
    private transient volatile Loaded loaded;

    private record Loaded(NDManager manager, Block block) {
    }

    CnnClassifier(DjlNetwork network, byte[] weights) {
        this.network = network;
        this.weights = weights.clone();
    }

    @Override
    public double[] probabilities(byte[] pixels) {
        return probabilities(List.of(pixels)).getFirst();
    }

    @Override
    public List<double[]> probabilities(List<byte[]> images) {
        int count = images.size();
        if (count == 0) {
            return List.of();
        }
        int side = CnnInputs.SIDE * CnnInputs.SIDE;
        var input = new float[count * side];
        for (int i = 0; i < count; i++) {
            CnnInputs.shifted(images.get(i), 0, 0, input, i * side);
        }
        var net = loaded();
        try (var manager = net.manager().newSubManager()) {
            var batch = manager.create(input, new Shape(count, 1, CnnInputs.SIDE, CnnInputs.SIDE));
            var logits = net.block().forward(new ParameterStore(manager, false), new NDList(batch), false).singletonOrThrow();
            var softmax = logits.softmax(-1).toFloatArray();
            int classes = softmax.length / count;
            var answers = new ArrayList<double[]>(count);
            for (int i = 0; i < count; i++) {
                var probabilities = new double[classes];
                for (int digit = 0; digit < classes; digit++) {
                    probabilities[digit] = softmax[i * classes + digit];
                }
                answers.add(probabilities);
            }
            return answers;
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
        block.initialize(manager, DataType.FLOAT32, DjlNetwork.IMAGE);
        try (var in = new DataInputStream(new ByteArrayInputStream(weights))) {
            block.loadParameters(manager, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MalformedModelException e) {
            throw new IllegalStateException("The " + network.kind() + "'s weights do not fit its network: " + e.getMessage(), e);
        }
        return new Loaded(manager, block);
    }
}
