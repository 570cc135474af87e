package app.digits.training.control;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Points DJL at the application's own folders before its engine loads, and keeps it offline: PyTorch's CPU
 * natives come from the Maven Central jar in the WAR and are unpacked once into {@code <dir>/engines}; DJL
 * never downloads anything and never writes to the user's home. The folder is set from configuration at
 * start-up ({@code digits.djl.dir}); tests and tools that never set it use {@code data/djl}.
 * PyTorch runs its kernels on the calling thread alone unless a trainer asks for more
 * ({@link #withKernelThreads}): serving reads small batches on one thread beside the request threads, and a
 * second OpenMP thread there only spun waiting for work (a third of the server's CPU under load).
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
        System.setProperty("ai.djl.pytorch.num_threads", "1");
        prepared = true;
    }

    /**
     * Does the work with PyTorch's kernels spread over {@code threads} threads on the calling thread, then
     * back to one. PyTorch keeps the count per thread (OpenMP's own setting, taken from the last count set when
     * a thread first runs a kernel), so the serving thread, which ran before, keeps its single thread.
     */
    static <T> T withKernelThreads(int threads, Supplier<T> work) {
        prepare();
        Engine.getEngine("PyTorch");
        JniUtils.setNumThreads(threads);
        try {
            return work.get();
        } finally {
            JniUtils.setNumThreads(1);
        }
    }
}
