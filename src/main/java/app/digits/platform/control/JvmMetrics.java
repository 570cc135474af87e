package app.digits.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * The process's vital signs for {@code /metrics}: heap and non-heap memory, threads, garbage collections and
 * uptime, in base units (bytes, seconds), read from the JVM's management beans at each scrape.
 */
@ApplicationScoped
public class JvmMetrics implements MetricSource {

    @Override
    public void writeTo(Exposition out) {
        var memory = ManagementFactory.getMemoryMXBean();
        var heap = memory.getHeapMemoryUsage();
        var nonHeap = memory.getNonHeapMemoryUsage();
        out.family("jvm_memory_used_bytes", Exposition.Type.GAUGE, "Memory used by the JVM")
                .sample(Map.of("area", "heap"), heap.getUsed())
                .sample(Map.of("area", "nonheap"), nonHeap.getUsed());
        out.family("jvm_memory_committed_bytes", Exposition.Type.GAUGE, "Memory committed by the operating system to the JVM")
                .sample(Map.of("area", "heap"), heap.getCommitted())
                .sample(Map.of("area", "nonheap"), nonHeap.getCommitted());
        out.family("jvm_memory_max_bytes", Exposition.Type.GAUGE, "The most heap memory the JVM may use")
                .sample(Map.of("area", "heap"), heap.getMax());
        var threads = ManagementFactory.getThreadMXBean();
        out.family("jvm_threads_live", Exposition.Type.GAUGE, "Live threads, daemon or not")
                .sample(Map.of(), threads.getThreadCount());
        var collectors = ManagementFactory.getGarbageCollectorMXBeans();
        out.family("jvm_gc_collections_total", Exposition.Type.COUNTER, "Garbage collections since the start");
        collectors.forEach(gc -> out.sample(Map.of("gc", gc.getName()), Math.max(0, gc.getCollectionCount())));
        out.family("jvm_gc_collection_seconds_total", Exposition.Type.COUNTER, "Time spent in garbage collections since the start");
        collectors.forEach(gc -> out.sample(Map.of("gc", gc.getName()), Math.max(0, gc.getCollectionTime()) / 1000.0));
        out.family("process_uptime_seconds", Exposition.Type.GAUGE, "Time since the JVM started")
                .sample(Map.of(), ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
    }
}
