package org.sanshe.bot.load;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * One measured (or warm-up) phase: sends its plan open-loop at a target rate (latency from the intended send time, so
 * a slow answer delays no measurement: no coordinated omission) or flat out (latency from the actual send), waits for
 * the answers and then for the replies at the fake WeCom, and keeps the figures.
 */
public final class Phase implements Sender.Listener {
    final String name;
    final boolean ceiling;
    final double rate; // 0 = flat out
    final List<Traffic.Send> plan;
    final long hardStopNanos; // relative to the start: sends not started by then are counted as unsent

    final LatencyHistogram ack = new LatencyHistogram();
    final LatencyHistogram e2e = new LatencyHistogram();
    final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    final AtomicLong lastAckNanos = new AtomicLong();
    final LongAdder ok = new LongAdder();
    long startNanos;
    long firstSendNanos;
    long lastSendNanos;
    int sent;
    int unsent;
    long[] intendedById; // first send's intended time per message id
    java.util.concurrent.atomic.AtomicIntegerArray acceptedById; // 1 once any send of the message was answered 200

    // after the replies are in
    int expected;
    int missing;
    int neverAccepted; // of the missing: every send was refused (503 …), so WeCom would deliver again
    int doubled;
    Map<String, Long> fakeRequests = Map.of(); // what the fake WeCom was asked during the phase, by path
    long drainNanos = -1; // last send → last expected reply; -1 if incomplete
    double cpuService = Double.NaN;
    double cpuGenerator = Double.NaN;
    double cpuMachine = Double.NaN;
    double serviceCpuPerCallbackMicros = Double.NaN; // the service's CPU from the start to the last reply, per 200
    long maxHeapBytes = -1;

    Phase(String name, boolean ceiling, double rate, List<Traffic.Send> plan, long hardStopNanos) {
        this.name = name;
        this.ceiling = ceiling;
        this.rate = rate;
        this.plan = plan;
        this.hardStopNanos = hardStopNanos;
    }

    @Override
    public void done(Traffic.Send send, long intendedNanos, int status, long nowNanos) {
        ack.recordNanos(nowNanos - intendedNanos);
        statuses.computeIfAbsent(status < 0 ? "connection lost" : Integer.toString(status), k -> new LongAdder())
                .increment();
        if (status == 200) {
            ok.increment();
            acceptedById.set(send.message().id(), 1);
        }
        lastAckNanos.accumulateAndGet(nowNanos, Math::max);
    }

    void run(Sender sender) throws InterruptedException {
        int maxId = 0;
        for (Traffic.Send s : plan) {
            maxId = Math.max(maxId, s.message().id());
        }
        intendedById = new long[maxId + 1];
        acceptedById = new java.util.concurrent.atomic.AtomicIntegerArray(maxId + 1);
        double interval = rate > 0 ? 1e9 / rate : 0;
        startNanos = System.nanoTime();
        firstSendNanos = -1;
        int i = 0;
        for (; i < plan.size(); i++) {
            Traffic.Send s = plan.get(i);
            long intended = rate > 0 ? startNanos + (long) (i * interval) : 0;
            if (rate > 0) {
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
            Sender.Slot slot = null;
            while (slot == null) {
                long left = startNanos + hardStopNanos - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                slot = sender.take(s.target(), Math.min(left, 100_000_000L));
            }
            if (slot == null) {
                break; // hard stop
            }
            long now = System.nanoTime();
            if (rate <= 0) {
                intended = now;
            }
            if (firstSendNanos < 0) {
                firstSendNanos = now;
            }
            lastSendNanos = now;
            if (!s.duplicate()) {
                intendedById[s.message().id()] = intended;
            }
            slot.fire(s, intended, path(s.message()), this);
            sent++;
        }
        long stop = System.nanoTime();
        // flat out, the plan is only an upper bound and the phase ends with its time; at a rate, what was never sent
        // still waited: its latency is at least the time until the stop (a lower bound)
        unsent = rate > 0 ? plan.size() - i : 0;
        for (int k = plan.size() - unsent; k < plan.size(); k++) {
            long intended = rate > 0 ? startNanos + (long) (k * interval) : stop;
            ack.recordNanos(stop - intended);
        }
        // the answers
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (sender.inflight() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        if (sender.inflight() > 0) {
            statuses.computeIfAbsent("no answer in 30 s", k -> new LongAdder()).add(sender.inflight());
        }
    }

    private String path(Traffic.Message m) {
        if (ceiling) {
            return m.app() ? "/load/ceiling/app" : "/load/ceiling/aibot";
        }
        return m.app() ? "/wecom/app/callback" : "/wecom/aibot/callback";
    }

    /** Waits up to graceNanos after the last send for the due replies, then settles briefly for doubled ones. */
    void awaitReplies(FakeWeCom fake, long graceNanos, long settleNanos) throws InterruptedException {
        var due = new java.util.ArrayList<Traffic.Message>();
        for (int k = 0; k < sent; k++) {
            Traffic.Send s = plan.get(k);
            if (!s.duplicate() && s.message().replyKey() != null && !ceiling) {
                due.add(s.message());
            }
        }
        expected = due.size();
        long deadline = lastSendNanos + graceNanos;
        int got = 0;
        int from = 0;
        while (true) {
            while (from < due.size() && fake.arrival(due.get(from).replyKey()) != null) {
                from++; // replies come roughly in order: resume where the last scan stopped
            }
            if (from == due.size() || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(50);
        }
        long lastReply = 0;
        for (Traffic.Message m : due) {
            var a = fake.arrival(m.replyKey());
            if (a == null) {
                if (acceptedById.get(m.id()) == 0) {
                    neverAccepted++;
                }
                continue;
            }
            got++;
            lastReply = Math.max(lastReply, a.firstNanos());
            e2e.recordNanos(a.firstNanos() - intendedById[m.id()]);
        }
        missing = expected - got;
        if (missing == 0 && expected > 0) {
            drainNanos = Math.max(0, lastReply - lastSendNanos);
            Thread.sleep(settleNanos / 1_000_000);
        }
        for (Traffic.Message m : due) {
            var a = fake.arrival(m.replyKey());
            if (a != null && a.count() > 1) {
                doubled++;
            }
        }
    }

    /** Replies missing for messages the service had accepted (answered 200): lost. */
    int lost() {
        return missing - neverAccepted;
    }

    int sends() {
        return sent;
    }

    long count(String status) {
        LongAdder a = statuses.get(status);
        return a == null ? 0 : a.sum();
    }

    long non200() {
        long n = 0;
        for (var e : statuses.entrySet()) {
            if (!"200".equals(e.getKey())) {
                n += e.getValue().sum();
            }
        }
        return n;
    }

    long serverErrors() {
        long n = 0;
        for (var e : statuses.entrySet()) {
            if (e.getKey().startsWith("5")) {
                n += e.getValue().sum();
            }
        }
        return n;
    }

    Map<String, Long> non200ByStatus() {
        var out = new TreeMap<String, Long>();
        statuses.forEach((k, v) -> {
            if (!"200".equals(k)) {
                out.put(k, v.sum());
            }
        });
        return out;
    }

    /** 200 answers per second from the first send to the last answer. */
    double throughput() {
        long span = lastAckNanos.get() - firstSendNanos;
        return span <= 0 ? 0 : ok.sum() * 1e9 / span;
    }

    /** Sends per second from the first to the last. */
    double sendRate() {
        long span = lastSendNanos - firstSendNanos;
        return span <= 0 || sent < 2 ? 0 : (sent - 1) * 1e9 / span;
    }

    int duplicatesSent() {
        int n = 0;
        for (int k = 0; k < sent; k++) {
            if (plan.get(k).duplicate()) {
                n++;
            }
        }
        return n;
    }
}
