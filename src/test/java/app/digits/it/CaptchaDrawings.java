package app.digits.it;

import app.digits.captcha.control.ProofOfWork;
import app.digits.captcha.control.SyntheticStrokes;
import app.digits.captcha.entity.Trajectory;
import app.digits.dataset.entity.LabelledImage;
import com.mongodb.client.MongoClients;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Map;

/**
 * What the captcha tests need to answer like a person: the digit a challenge expects, read from MongoDB
 * (the app never says it), the proof-of-work solved the way the browser solves it, and a hand-like drawing
 * of a digit: an MNIST test image traced row by row with strokes at a hand's varying speed, checked once to
 * be read confidently by the served model.
 */
final class CaptchaDrawings {

    /** A drawing as the canvas would send it: its strokes and the PNG they make. */
    record Drawing(Trajectory trajectory, byte[] png) {

        String dataUrl() {
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        }

        String strokesJson() {
            var json = new StringBuilder("[");
            for (var stroke : trajectory.strokes()) {
                json.append(json.length() > 1 ? "," : "").append("[");
                for (int i = 0; i < stroke.size(); i++) {
                    var point = stroke.get(i);
                    json.append(i > 0 ? "," : "").append("{\"x\":").append(point.x()).append(",\"y\":").append(point.y())
                            .append(",\"t\":").append(point.t()).append("}");
                }
                json.append("]");
            }
            return json.append("]").toString();
        }
    }

    private CaptchaDrawings() {
    }

    static int expectedDigit(String token) {
        try (var mongo = MongoClients.create("mongodb://127.0.0.1:" + System.getProperty("digits.it.mongo-port"))) {
            var challenge = mongo.getDatabase("digits").getCollection("captcha_challenges").find(new org.bson.Document("_id", token)).first();
            if (challenge == null) {
                throw new AssertionError("No challenge " + token + " in MongoDB");
            }
            return challenge.getInteger("digit");
        }
    }

    static long solve(Map<String, Object> pow) {
        var salt = (String) pow.get("salt");
        var target = (String) pow.get("target");
        long max = ((Number) pow.get("maxNumber")).longValue();
        for (long n = 0; n <= max; n++) {
            if (ProofOfWork.digest(salt, n).equals(target)) {
                return n;
            }
        }
        throw new AssertionError("The proof-of-work has no solution up to " + max);
    }

    /** The ink of an MNIST image traced row by row, every other row, one stroke per run of ink, in canvas pixels. */
    static Trajectory traced(LabelledImage image, long seed) {
        var runs = new ArrayList<double[][]>();
        for (int y = 1; y < 28; y += 2) {
            int x = 0;
            while (x < 28) {
                if (image.pixel(y * 28 + x) < 100) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < 28 && image.pixel(y * 28 + x) >= 100) {
                    x++;
                }
                runs.add(new double[][]{{start * 10 + 5, y * 10 + 5}, {Math.max(start * 10 + 15, x * 10 - 5), y * 10 + 5}});
            }
        }
        return SyntheticStrokes.humanLike(seed, runs.toArray(double[][][]::new));
    }

    /** A traced drawing of {@code digit} that the served model reads as that digit with confidence over 0.9. */
    static Drawing confidentDrawingOf(URI base, int digit) throws Exception {
        for (var sample : MnistSamples.testImages(300)) {
            if (sample.label() != digit) {
                continue;
            }
            var trajectory = traced(sample, digit);
            if (trajectory.strokes().size() > 30) {
                continue;
            }
            var drawing = new Drawing(trajectory, SyntheticStrokes.render(trajectory));
            var prediction = Server.json(Server.post(base.resolve("api/predictions"), "image/png", drawing.png()));
            if (prediction.get("digit") instanceof Number read && read.intValue() == digit
                    && ((Number) prediction.get("confidence")).doubleValue() > 0.9) {
                return drawing;
            }
        }
        throw new AssertionError("no traced " + digit + " among the first 300 test images is read confidently");
    }
}
