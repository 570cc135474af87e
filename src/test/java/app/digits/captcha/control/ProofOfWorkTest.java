package app.digits.captcha.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.digits.captcha.entity.Puzzle;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProofOfWorkTest {

    /** What the browser does: try 0, 1, 2, ... up to the maximum. */
    static long solve(Puzzle puzzle) {
        for (long n = 0; n <= puzzle.maxNumber(); n++) {
            if (ProofOfWork.digest(puzzle.salt(), n).equals(puzzle.target())) {
                return n;
            }
        }
        throw new AssertionError("no solution up to " + puzzle.maxNumber());
    }

    @Test
    void theDigestIsTheHexSha256OfTheSaltFollowedByTheNumber() {
        // python3 -c "import hashlib; print(hashlib.sha256(b'0a1b2c42').hexdigest())"
        assertEquals("4df818cf286f9ba29fad4902006bf691e82ba167425d5c65195ddd1f146bae5f", ProofOfWork.digest("0a1b2c", 42));
    }

    @Test
    void anIssuedPuzzleHasASolutionWithinItsMaximumThatTheServerAccepts() {
        var random = new Random(7);
        for (int i = 0; i < 20; i++) {
            var puzzle = ProofOfWork.issue(random, 2_000);
            assertEquals("SHA-256", puzzle.algorithm());
            assertEquals(24, puzzle.salt().length());
            long number = solve(puzzle);
            assertTrue(number <= 2_000);
            assertTrue(ProofOfWork.solves(puzzle, number));
        }
    }

    @Test
    void aMissingWrongOrOutOfRangeNumberIsRefused() {
        var puzzle = ProofOfWork.issue(new Random(8), 1_000);
        long number = solve(puzzle);
        assertFalse(ProofOfWork.solves(puzzle, null));
        assertFalse(ProofOfWork.solves(puzzle, number + 1));
        assertFalse(ProofOfWork.solves(puzzle, -1L));
        var outOfRange = new Puzzle("SHA-256", "s", ProofOfWork.digest("s", 5_000), 1_000);
        assertFalse(ProofOfWork.solves(outOfRange, 5_000L), "a number beyond the maximum is refused even when it matches");
    }

    @Test
    void eachPuzzleHasItsOwnSaltAndTarget() {
        var random = new Random(9);
        var first = ProofOfWork.issue(random, 1_000_000);
        var second = ProofOfWork.issue(random, 1_000_000);
        assertNotEquals(first.salt(), second.salt());
        assertNotEquals(first.target(), second.target());
    }
}
