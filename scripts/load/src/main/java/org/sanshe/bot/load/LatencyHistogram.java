package org.sanshe.bot.load;

/**
 * Latencies in microseconds in log-linear buckets, like HdrHistogram with two significant digits: values under 128 µs
 * are exact, larger ones fall into one of 64 buckets per power of two, so a reported percentile is at most 1/64
 * (1.6%) above the true value, never below it. Fixed memory whatever the count; the maximum is kept exactly.
 * Thread-safe (recording is synchronized; it is uncontended next to a network round trip).
 */
public final class LatencyHistogram {
    private static final int SUB = 64;
    private static final int EXACT = 2 * SUB; // 0..127 µs have a bucket each
    private static final int BUCKETS = EXACT + SUB * 57; // up to 2^63 µs

    private final long[] counts = new long[BUCKETS];
    private long total;
    private long max = -1;
    private long sum;

    /** Records one latency in nanoseconds; negative values count as 0. */
    public void recordNanos(long nanos) {
        recordMicros(Math.max(0, nanos) / 1000);
    }

    public synchronized void recordMicros(long micros) {
        long v = Math.max(0, micros);
        counts[index(v)]++;
        total++;
        sum += v;
        if (v > max) {
            max = v;
        }
    }

    public synchronized void add(LatencyHistogram other) {
        synchronized (other) {
            for (int i = 0; i < BUCKETS; i++) {
                counts[i] += other.counts[i];
            }
            total += other.total;
            sum += other.sum;
            max = Math.max(max, other.max);
        }
    }

    public synchronized long count() {
        return total;
    }

    /** Exact maximum in microseconds, -1 when empty. */
    public synchronized long maxMicros() {
        return max;
    }

    public synchronized double meanMicros() {
        return total == 0 ? Double.NaN : (double) sum / total;
    }

    /**
     * The nearest-rank percentile (the smallest recorded value such that p% of the values are at or below it), as the
     * upper edge of its bucket but never above the exact maximum; -1 when empty.
     */
    public synchronized long percentileMicros(double p) {
        if (total == 0) {
            return -1;
        }
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + p);
        }
        long rank = (long) Math.ceil(p / 100.0 * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(upperEdge(i), max);
            }
        }
        return max;
    }

    static int index(long v) {
        if (v < EXACT) {
            return (int) v;
        }
        int shift = 63 - Long.numberOfLeadingZeros(v) - 6; // v >> shift is in [64, 128)
        return EXACT + (shift - 1) * SUB + (int) ((v >> shift) - SUB);
    }

    /** The largest value that falls into bucket i. */
    static long upperEdge(int i) {
        if (i < EXACT) {
            return i;
        }
        int shift = (i - EXACT) / SUB + 1;
        long mantissa = SUB + (i - EXACT) % SUB;
        return ((mantissa + 1) << shift) - 1;
    }
}
