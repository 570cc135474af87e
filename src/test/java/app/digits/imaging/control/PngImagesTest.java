package app.digits.imaging.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngImagesTest {

    private static BufferedImage bar(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_4BYTE_ABGR);
        var graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(Color.BLACK);
        graphics.fillRect(width / 2 - width / 50, height / 5, width / 25, height * 3 / 5);
        graphics.dispose();
        return image;
    }

    private static BufferedImage read(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void greyLevelsAreWrittenAsAPngThatReadsBackToTheSameLevels() throws IOException {
        var pixels = new byte[28 * 28];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 7);
        }
        var image = read(PngImages.greyLevels(pixels, 28));

        assertEquals(28, image.getWidth());
        assertEquals(28, image.getHeight());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, image.getType());
        var back = new byte[pixels.length];
        image.getRaster().getDataElements(0, 0, 28, 28, back);
        assertArrayEquals(pixels, back);
    }

    @Test
    void aLargeUploadIsScaledDownToTheMaximumSideKeepingItsShapeAndItsStrokes() throws IOException {
        var scaled = read(PngImages.within(bar(2000, 1000), 560));

        assertEquals(560, scaled.getWidth());
        assertEquals(280, scaled.getHeight());
        assertEquals(0, scaled.getRGB(280, 140) & 0xFF, "the stroke is still black in the middle");
        assertEquals(255, scaled.getRGB(50, 140) & 0xFF, "the background is still white");
    }

    @Test
    void aDrawingThatFitsIsKeptAtItsSize() throws IOException {
        var kept = read(PngImages.within(bar(280, 200), 560));

        assertEquals(280, kept.getWidth());
        assertEquals(200, kept.getHeight());
        assertTrue((kept.getRGB(140, 100) & 0xFF) < 10);
    }

    @Test
    void aPngUploadThatFitsIsKeptAsItsOwnBytes() {
        var upload = PngImages.encode(bar(280, 200));

        assertSame(upload, PngImages.original(upload, bar(280, 200), 560));
    }

    @Test
    void aPngUploadTooLargeIsStoredScaledDown() throws IOException {
        var upload = PngImages.encode(bar(2000, 1000));

        var stored = PngImages.original(upload, bar(2000, 1000), 560);

        assertEquals(560, read(stored).getWidth());
    }

    @Test
    void aJpegUploadThatFitsIsStoredAsAPng() throws IOException {
        var jpeg = new ByteArrayOutputStream();
        var rgb = new BufferedImage(280, 200, BufferedImage.TYPE_INT_RGB);
        rgb.createGraphics().drawImage(bar(280, 200), 0, 0, null);
        ImageIO.write(rgb, "jpeg", jpeg);

        var stored = PngImages.original(jpeg.toByteArray(), rgb, 560);

        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(stored, 4));
        assertEquals(280, read(stored).getWidth());
    }

    @Test
    void greyLevelsBecomeTheOpacityOfDarkInkOnATransparentGround() throws IOException {
        var pixels = new byte[28 * 28];
        pixels[0] = (byte) 255;
        pixels[29] = (byte) 128;

        var image = read(PngImages.ink(pixels, 28));

        assertEquals(0xFF111111, image.getRGB(0, 0), "full ink is opaque");
        assertEquals(128, image.getRGB(1, 1) >>> 24, "grey is half-transparent ink");
        assertEquals(0, image.getRGB(5, 5) >>> 24, "the background is transparent");
    }
}
