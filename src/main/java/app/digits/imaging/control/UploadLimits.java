package app.digits.imaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configured bounds of an uploaded image, in one place for everything that decodes what people send
 * (the recognizer, the captcha, the robustness benchmark): its size in bytes and its pixel count, checked
 * before any pixel is decoded.
 */
@ApplicationScoped
public class UploadLimits {

    @Inject
    @ConfigProperty(name = "digits.upload.max-bytes", defaultValue = "2000000")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "digits.upload.max-pixels", defaultValue = "4000000")
    long maxPixels;

    public ImageDecoder decoder() {
        return new ImageDecoder(maxBytes, maxPixels);
    }

    public long maxBytes() {
        return maxBytes;
    }

    public long maxPixels() {
        return maxPixels;
    }
}
