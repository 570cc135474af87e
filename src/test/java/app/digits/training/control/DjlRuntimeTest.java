package app.digits.training.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.pytorch.jni.JniUtils;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

class DjlRuntimeTest {

    @Test
    void kernelsRunOnTheCallingThreadAloneExceptWhileATrainerAsksForMore() throws InterruptedException {
        int during = DjlRuntime.withKernelThreads(3, JniUtils::getNumThreads);
        assertEquals(3, during, "the trainer's thread spreads its kernels over the threads it asked for");
        assertEquals(1, JniUtils.getNumThreads(), "and goes back to one afterwards");
        var serving = new int[1];
        var thread = Thread.ofPlatform().start(() -> serving[0] = JniUtils.getNumThreads());
        thread.join();
        assertEquals(1, serving[0], "a thread that serves predictions runs PyTorch's kernels alone");
    }

    @Test
    void openMpThreadsAreToldToSpinBrieflyBeforeTheNativesLoad() throws Throwable {
        assumeTrue(System.getenv("GOMP_SPINCOUNT") == null, "the environment chose a spin count of its own");
        DjlRuntime.prepare();

        var linker = Linker.nativeLinker();
        var getenv = linker.downcallHandle(linker.defaultLookup().find("getenv").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS));
        try (var arena = Arena.ofConfined()) {
            var value = (MemorySegment) getenv.invokeExact(arena.allocateFrom("GOMP_SPINCOUNT"));
            assertEquals("10000", value.reinterpret(16).getString(0), "what OpenMP reads when it loads");
        }
    }
}
