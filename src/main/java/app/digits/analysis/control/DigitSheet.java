package app.digits.analysis.control;

import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws 28x28 digits as a sheet of tiles, each with its title above (the label, or "true 4, read 9"), dark ink
 * on white as on paper and scaled up without smoothing so every pixel stays visible. Used for the exploration
 * figures, the galleries of the report and the slides; PNG because it is the image people can open anywhere.
 */
public final class DigitSheet {

    /** One digit and its title. Pixels are grey levels 0-255, ink high, row-major; or 784 doubles for means. */
    public record Tile(double[] pixels, String title) {

        public static Tile of(byte[] pixels, String title) {
            var values = new double[pixels.length];
            for (int i = 0; i < pixels.length; i++) {
                values[i] = pixels[i] & 0xFF;
            }
            return new Tile(values, title);
        }
    }

    static final int SIDE = 28;
    static final int TITLE = 18;
    static final int GAP = 8;

    private DigitSheet() {
    }

    /** The sheet: {@code columns} tiles a row, each digit drawn {@code scale} times its size. */
    public static BufferedImage draw(List<Tile> tiles, int columns, int scale) {
        if (tiles.isEmpty() || columns < 1 || scale < 1) {
            throw new IllegalArgumentException("A sheet needs tiles, columns and a scale");
        }
        int cols = Math.min(columns, tiles.size());
        int rows = (tiles.size() + cols - 1) / cols;
        int tile = SIDE * scale;
        int width = GAP + cols * (tile + GAP);
        int height = GAP + rows * (TITLE + tile + GAP);
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, height);
        graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int t = 0; t < tiles.size(); t++) {
            int x = GAP + (t % cols) * (tile + GAP);
            int y = GAP + (t / cols) * (TITLE + tile + GAP);
            var title = tiles.get(t).title();
            int textWidth = graphics.getFontMetrics().stringWidth(title);
            graphics.setColor(new Color(0x1d2433));
            graphics.drawString(title, x + Math.max(0, (tile - textWidth) / 2), y + TITLE - 5);
            var pixels = tiles.get(t).pixels();
            for (int p = 0; p < SIDE * SIDE; p++) {
                int grey = 255 - (int) Math.round(Math.clamp(pixels[p], 0, 255));
                graphics.setColor(new Color(grey, grey, grey));
                graphics.fillRect(x + (p % SIDE) * scale, y + TITLE + (p / SIDE) * scale, scale, scale);
            }
            graphics.setColor(new Color(0xdde2ea));
            graphics.drawRect(x - 1, y + TITLE - 1, tile + 1, tile + 1);
        }
        graphics.dispose();
        return image;
    }

    public static byte[] png(BufferedImage image) {
        var out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
