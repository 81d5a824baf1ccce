package org.sanshe.bot.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation ({@code -prof org.sanshe.bot.bench.ProcessCpuProfiler}), in µs/op:
 *
 * <ul>
 *   <li>{@code cpu.worker.norm}: CPU time of JMH's benchmark threads (named {@code …-jmh-worker-N}) only: the code
 *       under test, without GC and JIT threads;
 *   <li>{@code cpu.process.norm}: CPU time of the whole JVM, which adds GC and any JIT compilation still going on.
 * </ul>
 *
 * Unlike ops/s these hardly move when other processes compete for the cores, because time spent waiting for a core is
 * not CPU time: they are the figures to compare on a busy machine. Both are divided by all the operations of the
 * iteration, as JMH's GC profiler does.
 */
public final class ProcessCpuProfiler implements InternalProfiler {
    private static final String WORKER = "-jmh-worker-";

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long processStart;
    private long workersStart;

    @Override
    public String getDescription() {
        return "CPU time per operation: benchmark threads alone, and the whole JVM (with GC and JIT)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        processStart = os.getProcessCpuTime();
        workersStart = workersCpu();
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        long process = os.getProcessCpuTime() - processStart;
        long workers = workersCpu() - workersStart;
        long ops = result.getMetadata().getAllOps();
        if (processStart < 0 || process < 0 || workers < 0 || ops <= 0) {
            return List.of();
        }
        return List.of(
                new ScalarResult("cpu.worker.norm", workers / 1_000.0 / ops, "us/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.process.norm", process / 1_000.0 / ops, "us/op", AggregationPolicy.AVG));
    }

    /** CPU nanoseconds of the live benchmark threads (they live as long as the trial). */
    private long workersCpu() {
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            if (info != null && info.getThreadName().contains(WORKER)) {
                long cpu = threads.getThreadCpuTime(id);
                if (cpu > 0) {
                    sum += cpu;
                }
            }
        }
        return sum;
    }
}
