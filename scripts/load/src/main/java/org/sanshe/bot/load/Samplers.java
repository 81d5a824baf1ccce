package org.sanshe.bot.load;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/** What the machine does meanwhile: the service's heap (from its actuator) and CPU (from /proc). */
final class Samplers {
    private Samplers() {}

    /** Polls a Micrometer value, e.g. /actuator/metrics/jvm.memory.used?tag=area:heap, every half second. */
    static final class Heap implements AutoCloseable {
        private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.Ee+-]+)");
        private final AtomicLong max = new AtomicLong(-1);
        private final AtomicLong samples = new AtomicLong();
        private final Thread thread;
        private volatile boolean stop;

        Heap(String url) {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            HttpRequest req = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            thread = new Thread(
                    () -> {
                        while (!stop) {
                            try {
                                var res = http.send(req, HttpResponse.BodyHandlers.ofString());
                                var m = VALUE.matcher(res.body());
                                if (res.statusCode() == 200 && m.find()) {
                                    long v = (long) Double.parseDouble(m.group(1));
                                    max.accumulateAndGet(v, Math::max);
                                    samples.incrementAndGet();
                                }
                                Thread.sleep(500);
                            } catch (InterruptedException e) {
                                return;
                            } catch (Exception e) {
                                // the service is busy or gone: try again
                            }
                        }
                    },
                    "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        /** Highest value seen since the last reset, -1 if none. */
        long takeMax() {
            return max.getAndSet(-1);
        }

        long samples() {
            return samples.get();
        }

        @Override
        public void close() {
            stop = true;
            thread.interrupt();
        }
    }

    /** CPU seconds of a process (utime + stime from /proc/<pid>/stat), NaN if unreadable. */
    static double processCpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the name: state is field 3, utime 14 and stime 15 (1-based over the whole line)
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0; // USER_HZ is 100 on Linux
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    static double ownCpuSeconds() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /** Busy and total jiffies of the whole machine (/proc/stat), or null. */
    static long[] machineJiffies() {
        try {
            String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = line.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] {total - idle, total};
        } catch (Exception e) {
            return null;
        }
    }
}
