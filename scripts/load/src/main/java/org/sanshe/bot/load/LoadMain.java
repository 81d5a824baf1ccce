package org.sanshe.bot.load;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The load generator of issue 6 (docs/PERFORMANCE.md, "Load generator and ceiling"). Sends signed, encrypted WeCom
 * callbacks to one or several running instances, phase after phase, and serves the fake WeCom the instances reply
 * to. Credentials come from the same environment variables as the service's (BOT_WECOM_*). Prints per phase the
 * throughput, the acknowledgement and end-to-end latencies, non-200 answers, missing and doubled replies and the
 * drain time, then the targets and {@code RESULT load: PASS|FAIL} (PASS: no reply lost, none doubled, no 5xx).
 * Exit status 0 on PASS, 1 on FAIL, 2 on a usage or setup error.
 */
public final class LoadMain {
    static final String USAGE = """
            用法: java -jar bot-load.jar --targets http://127.0.0.1:8081[,http://127.0.0.1:8082] [选项]
              --phases LIST       依次运行的阶段，逗号分隔；每项是速率(每秒条数)或 max(全速)，前缀 ceiling: 表示打天花板端点
                                  （只验签解密的 /load/ceiling/*），默认 ceiling:max,max,1000,2000,5000
              --rate N|max        只跑一个阶段（等同 --phases N 或 --phases max）
              --duration S        每个阶段的发送时长（秒），默认 15；定速阶段发送 速率×S 条，最迟 2×S+5 秒后停止发送
              --count N           每个定速阶段改为固定发送 N 条（全速阶段仍按 --duration 计时）
              --warmup N          第一个真实阶段前的预热条数（全速），默认 15000；JIT 需要一万条以上
              --ceiling-warmup N  第一个天花板阶段前的预热条数，默认 10000
              --inflight N        同时在途的请求上限（即 keep-alive 连接数，平分给各目标），默认 128
              --mix SPEC          消息构成，百分比，默认 group=80,private=10,customer=5,card=5
                                  group: AI 机器人群聊 @三社助手 /命令；private: 应用私聊 /帮助；
                                  customer: 客户群成员变动事件；card: 模板卡片按钮点击事件
              --dup P             重复投递（同一 msgid 再发一次，模拟企业微信重试）所占百分比，默认 3
              --dup-other-target  重复投递发往另一个目标实例（多目标时）
              --chats N           群数，默认 500；--members N 成员数，默认 100000（每人每分钟限 20 条命令）
              --grace S           最后一次发送后等待回复的最长时间（秒），默认 30
              --fake-port P       内置假企业微信的端口（服务的 bot.wecom.api-base-url 须指向它），默认 0=随机
              --metrics URL       服务的堆内存指标（如 http://127.0.0.1:8081/actuator/metrics/jvm.memory.used?tag=area:heap）
              --service-pid PID   服务进程号，用于统计其 CPU
              --md-out FILE       把结果表写成 Markdown 片段
              --label TEXT        写在结果表上方的一行说明（机器、日期、提交）
              --hook CMD          每个阶段调用 CMD start|sent|done 阶段名（如开关剖析器）；sent 在发送结束时，done 在回复收齐后
            凭据取自环境变量 BOT_WECOM_CORP_ID、BOT_WECOM_AGENT_ID、BOT_WECOM_TOKEN、BOT_WECOM_AES_KEY、
            BOT_WECOM_AIBOT_TOKEN、BOT_WECOM_AIBOT_AES_KEY（与服务相同）。只连 127.0.0.1 这类地址由调用者决定。
            """;

    static final class Options {
        List<URI> targets = new ArrayList<>();
        List<String> phases = List.of("ceiling:max", "max", "1000", "2000", "5000");
        double duration = 15;
        int count = -1;
        int warmup = 15_000;
        int ceilingWarmup = 10_000;
        int inflight = 128;
        String mix = "group=80,private=10,customer=5,card=5";
        double dup = 3;
        boolean dupOtherTarget;
        int chats = 500;
        int members = 100_000;
        double grace = 30;
        int fakePort;
        String metrics;
        long servicePid = -1;
        Path mdOut;
        String label = "";
        String hook;

        static Options parse(String[] args) {
            var o = new Options();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--targets" -> {
                        for (String t : value(args, ++i, a).split(",")) {
                            o.targets.add(URI.create(t.trim().replaceAll("/+$", "")));
                        }
                    }
                    case "--phases" -> o.phases = List.of(value(args, ++i, a).split(","));
                    case "--rate" -> o.phases = List.of(value(args, ++i, a)); // one phase: N/s or max
                    case "--duration" -> o.duration = Double.parseDouble(value(args, ++i, a));
                    case "--count" -> o.count = Integer.parseInt(value(args, ++i, a));
                    case "--warmup" -> o.warmup = Integer.parseInt(value(args, ++i, a));
                    case "--ceiling-warmup" -> o.ceilingWarmup = Integer.parseInt(value(args, ++i, a));
                    case "--inflight" -> o.inflight = Integer.parseInt(value(args, ++i, a));
                    case "--mix" -> o.mix = value(args, ++i, a);
                    case "--dup" -> o.dup = Double.parseDouble(value(args, ++i, a));
                    case "--dup-other-target" -> o.dupOtherTarget = true;
                    case "--chats" -> o.chats = Integer.parseInt(value(args, ++i, a));
                    case "--members" -> o.members = Integer.parseInt(value(args, ++i, a));
                    case "--grace" -> o.grace = Double.parseDouble(value(args, ++i, a));
                    case "--fake-port" -> o.fakePort = Integer.parseInt(value(args, ++i, a));
                    case "--metrics" -> o.metrics = value(args, ++i, a);
                    case "--service-pid" -> o.servicePid = Long.parseLong(value(args, ++i, a));
                    case "--md-out" -> o.mdOut = Path.of(value(args, ++i, a));
                    case "--label" -> o.label = value(args, ++i, a);
                    case "--hook" -> o.hook = value(args, ++i, a);
                    case "-h", "--help" -> {
                        System.out.print(USAGE);
                        System.exit(0);
                    }
                    default -> throw new IllegalArgumentException("未知选项 " + a);
                }
            }
            if (o.targets.isEmpty()) {
                throw new IllegalArgumentException("缺少 --targets");
            }
            Traffic.parseMix(o.mix);
            if (o.inflight < o.targets.size()) {
                throw new IllegalArgumentException("--inflight 小于目标数");
            }
            return o;
        }

        private static String value(String[] args, int i, String name) {
            if (i >= args.length) {
                throw new IllegalArgumentException(name + " 缺少取值");
            }
            return args[i];
        }
    }

    public static void main(String[] args) throws Exception {
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bot-load: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        try {
            System.exit(run(o));
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println("bot-load: " + e.getMessage());
            System.exit(2);
        } catch (java.io.IOException e) {
            System.err.println("bot-load: 连接失败: " + e.getMessage());
            System.exit(2);
        }
    }

    static String env(String name) {
        String v = System.getenv(name);
        if (v == null || v.isEmpty()) {
            throw new IllegalStateException("环境变量 " + name + " 未设置");
        }
        return v;
    }

    static int run(Options o) throws Exception {
        String corpId = env("BOT_WECOM_CORP_ID");
        String agentId = System.getenv().getOrDefault("BOT_WECOM_AGENT_ID", "1000002");
        var app = new WeComCrypto(env("BOT_WECOM_TOKEN"), env("BOT_WECOM_AES_KEY"), corpId);
        var aibot = new WeComCrypto(env("BOT_WECOM_AIBOT_TOKEN"), env("BOT_WECOM_AIBOT_AES_KEY"), "");
        String run = HexFormat.of()
                .toHexDigits(ThreadLocalRandom.current().nextInt())
                .substring(2);
        var results = new ArrayList<Phase>();
        try (var fake = new FakeWeCom(o.fakePort, 1);
                var sender = new Sender(o.targets, o.inflight, 1, app, aibot);
                var heap = o.metrics == null ? null : new Samplers.Heap(o.metrics)) {
            var traffic = new Traffic(
                    app,
                    aibot,
                    corpId,
                    agentId,
                    fake.baseUrl(),
                    o.mix,
                    o.dup,
                    o.dupOtherTarget,
                    o.chats,
                    o.members,
                    run);
            System.out.printf(
                    Locale.ROOT,
                    "# 假企业微信 %s；目标 %s；在途上限 %d；构成 %s；运行标记 %s%n",
                    fake.baseUrl(),
                    o.targets,
                    o.inflight,
                    Traffic.describe(o.mix, o.dup, o.dupOtherTarget),
                    run);
            boolean ceilingWarm = false;
            boolean realWarm = false;
            int index = 0;
            for (String spec : o.phases) {
                spec = spec.trim();
                boolean ceiling = spec.startsWith("ceiling:");
                String r = ceiling ? spec.substring("ceiling:".length()) : spec;
                double rate = r.equals("max") ? 0 : Double.parseDouble(r);
                if (ceiling && !ceilingWarm && o.ceilingWarmup > 0) {
                    warm(o, traffic, sender, fake, true, o.ceilingWarmup, "ceiling-warmup", heap);
                    ceilingWarm = true;
                }
                if (!ceiling && !realWarm && o.warmup > 0) {
                    results.add(warm(o, traffic, sender, fake, false, o.warmup, "warmup", heap));
                    realWarm = true;
                }
                index++;
                String name = (ceiling ? "ceiling " : "") + (rate > 0 ? (long) rate + "/s" : "max");
                int n;
                long hardStop;
                if (rate > 0) {
                    n = o.count > 0 ? o.count : (int) Math.round(rate * o.duration);
                    hardStop = (long) ((2 * n / rate + 5) * 1e9);
                } else {
                    // flat out: time-bound; the plan is big enough for the rate the stack could reach
                    n = (int) Math.min(400_000, o.duration * (ceiling ? 12_000 : 8_000));
                    hardStop = (long) (o.duration * 1e9);
                }
                List<Traffic.Send> plan = traffic.plan("p" + index, n, sender.targets());
                var phase = new Phase(name, ceiling, rate, plan, hardStop);
                measure(phase, o, sender, fake, heap);
                results.add(phase);
                print(phase, o);
            }
        }
        return report(results, o);
    }

    private static Phase warm(
            Options o,
            Traffic traffic,
            Sender sender,
            FakeWeCom fake,
            boolean ceiling,
            int n,
            String name,
            Samplers.Heap heap)
            throws InterruptedException {
        System.out.printf("# %s: %d 条（全速）%n", ceiling ? "天花板预热" : "预热", n);
        var phase = new Phase(name, ceiling, 0, traffic.plan(name, n, sender.targets()), 600_000_000_000L);
        measure(phase, o, sender, fake, heap);
        System.out.printf(
                Locale.ROOT,
                "# 预热完成: %.0f 条/秒, ack p99 %s, 非 200 %d, 缺回复 %d, 重复回复 %d%n",
                phase.throughput(),
                ms(phase.ack.percentileMicros(99)),
                phase.non200(),
                phase.missing,
                phase.doubled);
        return phase;
    }

    private static void measure(Phase phase, Options o, Sender sender, FakeWeCom fake, Samplers.Heap heap)
            throws InterruptedException {
        if (heap != null) {
            heap.takeMax();
        }
        var before = fake.requestsByPath();
        double svc0 = o.servicePid > 0 ? Samplers.processCpuSeconds(o.servicePid) : Double.NaN;
        double own0 = Samplers.ownCpuSeconds();
        long[] m0 = Samplers.machineJiffies();
        hook(o, "start", phase.name);
        long t0 = System.nanoTime();
        phase.run(sender);
        long t1 = System.nanoTime();
        double svc1 = o.servicePid > 0 ? Samplers.processCpuSeconds(o.servicePid) : Double.NaN;
        double own1 = Samplers.ownCpuSeconds();
        long[] m1 = Samplers.machineJiffies();
        hook(o, "sent", phase.name);
        double wall = (t1 - t0) / 1e9;
        phase.cpuService = (svc1 - svc0) / wall * 100;
        phase.cpuGenerator = (own1 - own0) / wall * 100;
        phase.cpuMachine = m0 == null || m1 == null ? Double.NaN : 100.0 * (m1[0] - m0[0]) / (m1[1] - m0[1]);
        phase.awaitReplies(fake, (long) (o.grace * 1e9), 1_000_000_000L);
        // the whole work of the phase: ingest, then dispatch and delivery until the last reply (or the grace period)
        double svc2 = o.servicePid > 0 ? Samplers.processCpuSeconds(o.servicePid) : Double.NaN;
        phase.serviceCpuPerCallbackMicros = (svc2 - svc0) / Math.max(1, phase.ok.sum()) * 1e6;
        hook(o, "done", phase.name);
        var after = fake.requestsByPath();
        var delta = new LinkedHashMap<String, Long>();
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d > 0) {
                delta.put(k, d);
            }
        });
        phase.fakeRequests = delta;
        if (heap != null) {
            phase.maxHeapBytes = heap.takeMax();
        }
    }

    private static void hook(Options o, String event, String phase) {
        if (o.hook == null) {
            return;
        }
        try {
            new ProcessBuilder(o.hook, event, phase.replaceAll("[^A-Za-z0-9]+", "-"))
                    .inheritIO()
                    .start()
                    .waitFor();
        } catch (IOException e) {
            System.err.println("# --hook 失败: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String ms(long micros) {
        if (micros < 0) {
            return "-";
        }
        double m = micros / 1000.0;
        if (m >= 1000) {
            return String.format(Locale.ROOT, "%.2f s", m / 1000);
        }
        return String.format(Locale.ROOT, m >= 100 ? "%.0f ms" : m >= 10 ? "%.1f ms" : "%.2f ms", m);
    }

    private static void print(Phase p, Options o) {
        System.out.printf("== 阶段 %s%n", p.name);
        var rows = new LinkedHashMap<String, String>();
        rows.put(
                "发送",
                String.format(
                        Locale.ROOT,
                        "%d 条（其中重复投递 %d），实际发送 %.0f 条/秒%s",
                        p.sends(),
                        p.duplicatesSent(),
                        p.sendRate(),
                        p.unsent > 0 ? "，因服务跟不上未发出 " + p.unsent + " 条（其等待时间按下限计入 ack 延迟）" : ""));
        rows.put("吞吐（200 应答/秒）", String.format(Locale.ROOT, "%.0f", p.throughput()));
        rows.put(
                "ack 延迟 p50/p95/p99/max",
                ms(p.ack.percentileMicros(50)) + " / " + ms(p.ack.percentileMicros(95)) + " / "
                        + ms(p.ack.percentileMicros(99)) + " / " + ms(p.ack.maxMicros()));
        rows.put("非 200", p.non200() == 0 ? "0" : p.non200() + " " + p.non200ByStatus());
        if (!p.ceiling) {
            rows.put(
                    "端到端 p50/p95/p99/max",
                    ms(p.e2e.percentileMicros(50)) + " / " + ms(p.e2e.percentileMicros(95)) + " / "
                            + ms(p.e2e.percentileMicros(99)) + " / " + ms(p.e2e.maxMicros()));
            rows.put(
                    "应有回复 / 缺失 / 重复",
                    p.expected + " / " + p.missing
                            + (p.neverAccepted > 0 ? "（其中 " + p.neverAccepted + " 条每次投递都被拒绝，企业微信会重投）" : "")
                            + " / " + p.doubled);
            rows.put(
                    "积压排空（最后发送→最后回复）",
                    p.drainNanos >= 0 ? ms(p.drainNanos / 1000) : "未排空（等了 " + (long) o.grace + " 秒）");
            rows.put("假企业微信收到", p.fakeRequests.toString());
        }
        rows.put(
                "CPU（服务/生成器/整机）",
                String.format(
                        Locale.ROOT,
                        "%.0f%% / %.0f%% / %.0f%%（2 核=200%%/200%%/100%%）",
                        p.cpuService,
                        p.cpuGenerator,
                        p.cpuMachine));
        rows.put("服务 CPU/条（至回复收齐）", String.format(Locale.ROOT, "%.0f µs", p.serviceCpuPerCallbackMicros));
        if (p.maxHeapBytes >= 0) {
            rows.put("服务堆内存最高", mib(p.maxHeapBytes));
        }
        rows.forEach((k, v) -> System.out.printf("  %-24s %s%n", k, v));
    }

    static String mib(long bytes) {
        return bytes < 0 ? "-" : String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }

    static int report(List<Phase> all, Options o) throws IOException {
        var md = new StringBuilder();
        if (!o.label.isEmpty()) {
            md.append(o.label).append("\n\n");
        }
        md.append("| 阶段 | 发送（重复） | 200 应答/秒 | ack p50 | ack p95 | ack p99 | ack max | 端到端 p50 | 端到端 p95 | 端到端 p99 |"
                + " 端到端 max | 排空 | 非 200 | 缺失 | 重复回复 | CPU 服务/生成器/整机 | 服务 CPU/条 | 堆最高 |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Phase p : all) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %d (%d)%s | %.0f | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %.0f%%/%.0f%%/%.0f%% | %.0f µs | %s |\n",
                    p.name,
                    p.sends(),
                    p.duplicatesSent(),
                    p.unsent > 0 ? "，未发 " + p.unsent : "",
                    p.throughput(),
                    ms(p.ack.percentileMicros(50)),
                    ms(p.ack.percentileMicros(95)),
                    ms(p.ack.percentileMicros(99)),
                    ms(p.ack.maxMicros()),
                    p.ceiling ? "—" : ms(p.e2e.percentileMicros(50)),
                    p.ceiling ? "—" : ms(p.e2e.percentileMicros(95)),
                    p.ceiling ? "—" : ms(p.e2e.percentileMicros(99)),
                    p.ceiling ? "—" : ms(p.e2e.maxMicros()),
                    p.ceiling ? "—" : p.drainNanos >= 0 ? ms(p.drainNanos / 1000) : "未排空",
                    p.non200() == 0 ? "0" : p.non200() + " " + p.non200ByStatus(),
                    p.ceiling ? "—" : p.missing + (p.neverAccepted > 0 ? "（拒收 " + p.neverAccepted + "）" : ""),
                    p.ceiling ? "—" : Integer.toString(p.doubled),
                    p.cpuService,
                    p.cpuGenerator,
                    p.cpuMachine,
                    p.serviceCpuPerCallbackMicros,
                    mib(p.maxHeapBytes)));
        }
        var targets = Targets.evaluate(all);
        md.append('\n');
        for (String line : targets.lines()) {
            md.append("    ").append(line).append('\n');
        }
        System.out.println();
        System.out.print(md.toString().replace("\n    ", "\n"));
        if (o.mdOut != null) {
            Files.writeString(o.mdOut, md.toString(), StandardCharsets.UTF_8);
        }
        return targets.pass() ? 0 : 1;
    }
}
