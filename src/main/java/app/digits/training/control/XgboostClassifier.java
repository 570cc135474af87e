package app.digits.training.control;

import app.digits.dataset.entity.LabelledImage;
import app.digits.registry.entity.DigitClassifier;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * The one adapter between XGBoost and serving. A booster is a native object, so the adapter holds the model
 * as XGBoost's own bytes (UBJSON) and serializes like every other model; the booster is rebuilt from them on
 * first use after loading from disk. Inputs are read as in training: grey levels scaled to [0, 1], a blank
 * pixel a missing value (so the trees' learned default direction decides it, and the histogram method skips
 * blank pixels when it trains). XGBoost's in-place prediction is thread-safe, so one instance serves concurrent
 * requests, and a batch of images is one native call.
 */
public final class XgboostClassifier implements DigitClassifier {

    private static final long serialVersionUID = 1L;
    static final float MISSING = 0f;

    private final byte[] model;
    private transient volatile Booster booster;

    XgboostClassifier(byte[] model) {
        this.model = model.clone();
    }

    @Override
    public double[] probabilities(byte[] pixels) {
        return probabilities(List.of(pixels)).getFirst();
    }

    @Override
    public List<double[]> probabilities(List<byte[]> images) {
        if (images.isEmpty()) {
            return List.of();
        }
        var input = new float[images.size() * LabelledImage.PIXELS];
        for (int i = 0; i < images.size(); i++) {
            scaled(images.get(i), input, i * LabelledImage.PIXELS);
        }
        try {
            var rows = booster().inplace_predict(input, images.size(), LabelledImage.PIXELS, MISSING);
            var answers = new ArrayList<double[]>(rows.length);
            for (var row : rows) {
                var probabilities = new double[row.length];
                for (int digit = 0; digit < row.length; digit++) {
                    probabilities[digit] = row[digit];
                }
                answers.add(probabilities);
            }
            return answers;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not classify the images: " + e.getMessage(), e);
        }
    }

    /** Grey levels 0-255 as XGBoost reads them, written into {@code target} from {@code offset}. */
    static void scaled(byte[] pixels, float[] target, int offset) {
        for (int i = 0; i < pixels.length; i++) {
            target[offset + i] = (pixels[i] & 0xFF) / 255f;
        }
    }

    private Booster booster() throws XGBoostError {
        var loaded = booster;
        if (loaded == null) {
            synchronized (this) {
                loaded = booster;
                if (loaded == null) {
                    try {
                        loaded = XGBoost.loadModel(model);
                        // Requests come concurrently, one image or a small batch each: one thread a call, no
                        // thread team to wake per prediction.
                        loaded.setParam("nthread", "1");
                    } catch (IOException e) {
                        throw new XGBoostError("the stored model does not read back: " + e.getMessage(), e);
                    }
                    booster = loaded;
                }
            }
        }
        return loaded;
    }
}
