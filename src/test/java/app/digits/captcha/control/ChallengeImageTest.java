package app.digits.captcha.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ChallengeImageTest {

    private static BufferedImage read(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void aSeedAlwaysGivesTheSamePicture() {
        assertArrayEquals(ChallengeImage.png(4, 123), ChallengeImage.png(4, 123));
    }

    @Test
    void anotherSeedOrDigitGivesAnotherPicture() {
        assertFalse(Arrays.equals(ChallengeImage.png(4, 123), ChallengeImage.png(4, 124)));
        assertFalse(Arrays.equals(ChallengeImage.png(4, 123), ChallengeImage.png(5, 123)));
    }

    @Test
    void thePictureIsAPngOfTheAnnouncedSizeWithADarkGlyphAmongManyColours() throws IOException {
        for (int digit = 0; digit < 10; digit++) {
            var image = read(ChallengeImage.png(digit, 1000 + digit));
            assertEquals(ChallengeImage.WIDTH, image.getWidth());
            assertEquals(ChallengeImage.HEIGHT, image.getHeight());
            int dark = 0;
            var colours = new HashSet<Integer>();
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    int rgb = image.getRGB(x, y) & 0xFFFFFF;
                    colours.add(rgb);
                    if (((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF) < 3 * 100) {
                        dark++;
                    }
                }
            }
            assertTrue(dark > 300, "digit " + digit + ": the glyph is drawn (" + dark + " dark pixels)");
            assertTrue(colours.size() > 200, "digit " + digit + ": noise and clutter, not a flat picture (" + colours.size() + " colours)");
        }
    }
}
