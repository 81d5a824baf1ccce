package org.sanshe.bot.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    @Test
    void emptyHasNoPercentiles() {
        var h = new LatencyHistogram();
        assertThat(h.count()).isZero();
        assertThat(h.percentileMicros(50)).isEqualTo(-1);
        assertThat(h.maxMicros()).isEqualTo(-1);
    }

    @Test
    void smallValuesAreExact() {
        var h = new LatencyHistogram();
        for (int v = 1; v <= 100; v++) {
            h.recordMicros(v);
        }
        assertThat(h.percentileMicros(50)).isEqualTo(50);
        assertThat(h.percentileMicros(95)).isEqualTo(95);
        assertThat(h.percentileMicros(99)).isEqualTo(99);
        assertThat(h.percentileMicros(100)).isEqualTo(100);
        assertThat(h.maxMicros()).isEqualTo(100);
        assertThat(h.meanMicros()).isEqualTo(50.5);
    }

    @Test
    void percentilesOfOneToTenSecondsAreWithinTheBucketWidthAndNeverBelow() {
        var h = new LatencyHistogram();
        for (long ms = 1; ms <= 10_000; ms++) {
            h.recordNanos(ms * 1_000_000);
        }
        // nearest rank: p50 is the 5000th value (5 s), p99 the 9900th (9.9 s)
        assertThat(h.percentileMicros(50)).isBetween(5_000_000L, (long) (5_000_000 * (1 + 1 / 64.0)));
        assertThat(h.percentileMicros(99)).isBetween(9_900_000L, (long) (9_900_000 * (1 + 1 / 64.0)));
        assertThat(h.percentileMicros(100)).isEqualTo(10_000_000L);
        assertThat(h.maxMicros()).isEqualTo(10_000_000L);
    }

    @Test
    void agreesWithSortingOnRandomData() {
        var rnd = new SplittableRandom(7);
        var h = new LatencyHistogram();
        long[] all = new long[50_000];
        for (int i = 0; i < all.length; i++) {
            // a long tail: mostly milliseconds, some seconds
            all[i] = rnd.nextInt(10) == 0 ? rnd.nextLong(1_000_000, 5_000_000) : rnd.nextLong(200, 20_000);
            h.recordMicros(all[i]);
        }
        Arrays.sort(all);
        for (double p : new double[] {50, 90, 95, 99, 99.9}) {
            long exact = all[(int) Math.ceil(p / 100 * all.length) - 1];
            assertThat(h.percentileMicros(p)).as("p%s", p).isBetween(exact, exact + exact / 64 + 1);
        }
    }

    @Test
    void mergesAndRefusesNonsense() {
        var a = new LatencyHistogram();
        var b = new LatencyHistogram();
        a.recordMicros(10);
        b.recordMicros(1_000);
        b.recordNanos(-5); // a clock step: counted as 0
        a.add(b);
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.maxMicros()).isEqualTo(1_000);
        assertThat(a.percentileMicros(1)).isZero();
        assertThatThrownBy(() -> a.percentileMicros(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> a.percentileMicros(101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bucketsAreContiguous() {
        // every value maps to a bucket whose upper edge is at or above it, and the previous bucket's is below it
        for (long v = 0; v < 1 << 20; v += 7) {
            int i = LatencyHistogram.index(v);
            assertThat(LatencyHistogram.upperEdge(i)).isGreaterThanOrEqualTo(v);
            if (i > 0) {
                assertThat(LatencyHistogram.upperEdge(i - 1)).isLessThan(v);
            }
        }
    }
}
