package app.digits.training.control;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Points DJL at the application's own folders before its engine loads, and keeps it offline: PyTorch's CPU
 * natives come from the Maven Central jar in the WAR and are unpacked once into {@code <dir>/engines}; DJL
 * never downloads anything and never writes to the user's home. The folder is set from configuration at
 * start-up ({@code digits.djl.dir}); tests and tools that never set it use {@code data/djl}.
 * PyTorch runs its kernels on the calling thread alone unless a trainer asks for more
 * ({@link #withKernelThreads}): serving reads small batches on one thread beside the request threads, and a
 * second OpenMP thread there only spun waiting for work (a third of the server's CPU under load). OpenMP's
 * threads also spin for a shorter while before they sleep ({@code GOMP_SPINCOUNT=10000} instead of libgomp's
 * 300,000, set in the process's environment before the natives load, since OpenMP reads it only then): beside a
 * second PyTorch process an MLP epoch took 30-39 s instead of about 2, its threads spinning on cores the other one
 * needed, and 10 s with the shorter spin; alone, the shorter spin costs nothing (the ten epochs in 20.9 s against
 * 22), where sleeping at once ({@code OMP_WAIT_POLICY=PASSIVE}) took 34-36 s (README, bench).
 */
public final class DjlRuntime {

    private static final Logger LOG = Logger.getLogger(DjlRuntime.class.getName());

    private static Path directory = Path.of("data", "djl");
    private static boolean prepared;

    private DjlRuntime() {
    }

    public static synchronized void useDirectory(Path dir) {
        if (!prepared) {
            directory = dir.toAbsolutePath();
        }
    }

    /**
     * Points DJL at the application's folders and loads PyTorch's natives, once (unpacking them on a first start:
     * about 3 s). Serving and training call it before they use DJL; the start-up sequence calls it beside the
     * MNIST import when there is no model yet, so the first training need not wait for the natives.
     */
    public static synchronized void prepare() {
        if (prepared) {
            return;
        }
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("DJL_CACHE_DIR", directory.toAbsolutePath().toString());
        System.setProperty("ENGINE_CACHE_DIR", directory.resolve("engines").toAbsolutePath().toString());
        System.setProperty("ai.djl.pytorch.num_threads", "1");
        spinBriefly();
        // Loaded here, under this class's lock: DJL's provider does not check again inside its own lock, so two
        // threads asking for the engine at once (the first start's early load and a training) would build it twice.
        Engine.getEngine("PyTorch");
        prepared = true;
    }

    /**
     * Sets {@code GOMP_SPINCOUNT=10000} in the process's environment through the C library's {@code setenv}
     * (Java has no setter for its own environment), unless the environment already says otherwise. A restricted
     * call: every JVM the repository launches (README, cluster, service, tests) passes
     * {@code --enable-native-access=ALL-UNNAMED}, without which Java 25 warns and a later Java refuses.
     */
    private static void spinBriefly() {
        try {
            var linker = Linker.nativeLinker();
            var setenv = linker.downcallHandle(linker.defaultLookup().find("setenv").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
            try (var arena = Arena.ofConfined()) {
                int failed = (int) setenv.invokeExact(arena.allocateFrom("GOMP_SPINCOUNT"), arena.allocateFrom("10000"), 0);
                if (failed != 0) {
                    LOG.warning("OpenMP's threads keep their default spin count: setenv failed");
                }
            }
        } catch (Throwable e) {
            LOG.warning(() -> "OpenMP's threads keep their default spin count: " + e);
        }
    }

    /**
     * Does the work with PyTorch's kernels spread over {@code threads} threads on the calling thread, then
     * back to one. PyTorch keeps the count per thread (OpenMP's own setting, taken from the last count set when
     * a thread first runs a kernel), so the serving thread, which ran before, keeps its single thread.
     */
    static <T> T withKernelThreads(int threads, Supplier<T> work) {
        prepare();
        JniUtils.setNumThreads(threads);
        try {
            return work.get();
        } finally {
            JniUtils.setNumThreads(1);
        }
    }
}
