package app.digits.training.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.pytorch.jni.JniUtils;
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
}
