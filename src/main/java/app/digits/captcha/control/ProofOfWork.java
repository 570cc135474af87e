package app.digits.captcha.control;

import app.digits.captcha.entity.Puzzle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * Sets and checks the proof-of-work that gates every answer, in the manner of ALTCHA: the server picks a
 * secret number up to a configured maximum and publishes only the SHA-256 of a random salt followed by it;
 * the client tries numbers until it finds the same digest (on average half the maximum digests, well under
 * a second in a browser by default), the server checks with one digest. It does not tell people from
 * programs; it makes every attempt cost work, so bulk guessing is slow and expensive.
 */
public final class ProofOfWork {

    public static final String ALGORITHM = "SHA-256";

    private ProofOfWork() {
    }

    public static Puzzle issue(RandomGenerator random, long maxNumber) {
        var salt = new byte[12];
        random.nextBytes(salt);
        var saltText = HexFormat.of().formatHex(salt);
        return new Puzzle(ALGORITHM, saltText, digest(saltText, random.nextLong(maxNumber + 1)), maxNumber);
    }

    /** Whether {@code number} solves the puzzle; a missing or out-of-range number does not. */
    public static boolean solves(Puzzle puzzle, Long number) {
        return number != null && number >= 0 && number <= puzzle.maxNumber()
                && MessageDigest.isEqual(digest(puzzle.salt(), number).getBytes(StandardCharsets.US_ASCII),
                puzzle.target().getBytes(StandardCharsets.US_ASCII));
    }

    /** The lowercase hex SHA-256 of the salt followed by the number in decimal, as the browser computes it. */
    public static String digest(String salt, long number) {
        try {
            var sha = MessageDigest.getInstance(ALGORITHM);
            return HexFormat.of().formatHex(sha.digest((salt + number).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
