package app.digits.training.control;

import java.nio.file.Path;

/**
 * Points DJL at the application's own folders before its engine loads, and keeps it offline: PyTorch's CPU
 * natives come from the Maven Central jar in the WAR and are unpacked once into {@code <dir>/engines}; DJL
 * never downloads anything and never writes to the user's home. The folder is set from configuration at
 * start-up ({@code digits.djl.dir}); tests and tools that never set it use {@code data/djl}.
 */
public final class DjlRuntime {

    private static Path directory = Path.of("data", "djl");
    private static boolean prepared;

    private DjlRuntime() {
    }

    public static synchronized void useDirectory(Path dir) {
        if (!prepared) {
            directory = dir.toAbsolutePath();
        }
    }

    static synchronized void prepare() {
        if (prepared) {
            return;
        }
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("DJL_CACHE_DIR", directory.toAbsolutePath().toString());
        System.setProperty("ENGINE_CACHE_DIR", directory.resolve("engines").toAbsolutePath().toString());
        prepared = true;
    }
}
