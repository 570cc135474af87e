package app.digits.training.control;

import app.digits.registry.entity.DigitClassifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Several CNNs served as one model: each reads the whole batch in its own pass and the answer is the mean of
 * their probabilities, so the digits one member misreads with little confidence are outvoted by the others.
 * Serving it costs the sum of its members' passes (two members: about 0.9 ms for one image instead of 0.4);
 * each member loads its weights on first use, as a single {@link CnnClassifier} does. A number's candidate pieces
 * are weighed by its first member alone ({@link #pieceWeigher}): the search reads hundreds of pieces a number, and
 * the whole ensemble took 40 % longer a number than one member for the same numbers read, within one in 150.
 */
public final class CnnEnsemble implements DigitClassifier {

    private static final long serialVersionUID = 1L;

    private final CnnClassifier[] members;

    CnnEnsemble(CnnClassifier[] members) {
        if (members.length == 0) {
            throw new IllegalArgumentException("An ensemble needs at least one member");
        }
        this.members = members.clone();
    }

    @Override
    public double[] probabilities(byte[] pixels) {
        return probabilities(List.of(pixels)).getFirst();
    }

    @Override
    public DigitClassifier pieceWeigher() {
        return members[0];
    }

    @Override
    public List<double[]> probabilities(List<byte[]> images) {
        var answers = Arrays.stream(members).map(member -> member.probabilities(images)).toList();
        var means = new ArrayList<double[]>(images.size());
        for (int i = 0; i < images.size(); i++) {
            var mean = new double[answers.getFirst().get(i).length];
            for (var memberAnswers : answers) {
                var probabilities = memberAnswers.get(i);
                for (int digit = 0; digit < mean.length; digit++) {
                    mean[digit] += probabilities[digit] / members.length;
                }
            }
            means.add(mean);
        }
        return means;
    }
}
