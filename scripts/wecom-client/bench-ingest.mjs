// Ingest benchmark: fires encrypted AI-bot group text callbacks at the bot at
// a fixed target rate and measures how fast they are acknowledged and how
// fast the replies reach the (fake) response_url.
//
//   node scripts/wecom-client/bench-ingest.mjs --jar PATH [--profile prod] [--xmx 512m]
//        spawns the jar (env from the caller, e.g. bench-ingest.sh) and a fake
//   node scripts/wecom-client/bench-ingest.mjs --base-url URL --fake-port P
//        app already running (credentials from BOT_WECOM_* env, its
//        --bot.wecom.api-base-url pointing at http://127.0.0.1:P)
//
// Options: --count 10000 --rate 1000 --concurrency 64 --warmup 10000
//          --chats 200 --drain-timeout 60 --keep-logs
//
// Payloads are encrypted before the timed run; only the SHA1 signature is
// computed at send time so the timestamp is always fresh (the app rejects
// timestamps more than 300 s old, and slow runs could exceed that).
//
// The fake runs in this process, so its receive timestamps share the clock
// of the send timestamps (performance.now()).

import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startFake } from './fake-wecom.mjs';
import { sign } from './wecom-crypto.mjs';
import {
  credsFromEnv, launchApp, stopApp, waitHealthy, tailFile, request, makeCallbacks, botText,
  randomHex, randomNonce, nowTs, sleep, percentile,
} from './harness.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');

function parseArgs(argv) {
  const o = {
    jar: path.join(REPO, 'bot-app/target/bot-app.jar'), profile: null, xmx: '512m',
    baseUrl: null, fakePort: 0, count: 10_000, rate: 1000, concurrency: 64, warmup: 10000,
    chats: 200, drainTimeout: 60, keepLogs: false,
  };
  const num = (v, name) => { const n = Number(v); if (!Number.isFinite(n) || n < 0) throw new Error(`bad ${name}: ${v}`); return n; };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case '--jar': o.jar = argv[++i]; break;
      case '--profile': o.profile = argv[++i]; break;
      case '--xmx': o.xmx = argv[++i]; break;
      case '--base-url': o.baseUrl = argv[++i].replace(/\/$/, ''); break;
      case '--fake-port': o.fakePort = num(argv[++i], a); break;
      case '--count': o.count = num(argv[++i], a); break;
      case '--rate': o.rate = num(argv[++i], a); break;
      case '--concurrency': o.concurrency = Math.max(1, num(argv[++i], a)); break;
      case '--warmup': o.warmup = num(argv[++i], a); break;
      case '--chats': o.chats = Math.max(1, num(argv[++i], a)); break;
      case '--drain-timeout': o.drainTimeout = num(argv[++i], a); break;
      case '--keep-logs': o.keepLogs = true; break;
      case '-h': case '--help':
        console.log('see the header of bench-ingest.mjs for options'); process.exit(0);
      // eslint-disable-next-line no-fallthrough
      default: throw new Error(`unknown option ${a}`);
    }
  }
  return o;
}

/** Pre-encrypts n group text callbacks; signing happens at send time. */
function buildPayloads({ cb, creds, fake, n, chats, tag }) {
  const out = new Array(n);
  const run = randomHex(4);
  for (let i = 0; i < n; i++) {
    const code = `bench_${tag}_${run}_${i}`;
    const msg = botText({
      msgid: `bench-${tag}-${run}-${i}`,
      chatid: `wrbench${i % chats}`,
      from: `benchu${i % 997}`,
      content: '@三社助手 /帮助',
      responseUrl: `${fake.baseUrl}/cgi-bin/aibot/response?response_code=${code}`,
    });
    const encrypt = cb.botCrypto.encrypt(null, JSON.stringify(msg), '');
    out[i] = { code, encrypt, body: JSON.stringify({ encrypt }) };
  }
  return out;
}

/**
 * Sends payloads at `rate`/s with at most `concurrency` in flight. Returns
 * per-request send/ack times and statuses. If the app cannot keep up, the
 * in-flight cap throttles us and the achieved rate drops below the target.
 */
function fire({ baseUrl, creds, payloads, rate, concurrency, agent }) {
  const n = payloads.length;
  const sendAt = new Float64Array(n);
  const ackAt = new Float64Array(n);
  const status = new Array(n);
  const interval = rate > 0 ? 1000 / rate : 0;
  return new Promise((resolve) => {
    let next = 0; let inflight = 0; let done = 0; let timer = null;
    const t0 = performance.now();

    function one(i) {
      const p = payloads[i];
      const ts = nowTs();
      const nonce = randomNonce();
      const q = new URLSearchParams({ msg_signature: sign(creds.aibotToken, ts, nonce, p.encrypt), timestamp: ts, nonce });
      inflight++;
      sendAt[i] = performance.now();
      request({
        method: 'POST', url: `${baseUrl}/wecom/aibot/callback?${q}`, agent, timeoutMs: 30_000,
        headers: { 'content-type': 'application/json' }, body: p.body,
      }).then((r) => { status[i] = r.status; }, (e) => { status[i] = `ERR ${e.code || e.message}`; })
        .finally(() => {
          ackAt[i] = performance.now();
          inflight--; done++;
          if (done === n) { clearTimeout(timer); resolve({ sendAt, ackAt, status, t0 }); } else pump();
        });
    }

    function pump() {
      const now = performance.now();
      while (next < n && inflight < concurrency && (interval === 0 || now >= t0 + next * interval)) one(next++);
      if (next < n && inflight < concurrency && !timer) {
        const wait = Math.max(0, t0 + next * interval - performance.now());
        timer = setTimeout(() => { timer = null; pump(); }, wait);
      }
    }
    if (n === 0) resolve({ sendAt, ackAt, status, t0 }); else pump();
  });
}

/** Runs one phase and waits for its replies; returns a stats object. */
async function phase({ label, n, opts, baseUrl, creds, cb, fake, agent }) {
  const payloads = buildPayloads({ cb, creds, fake, n, chats: opts.chats, tag: label });
  const index = new Map(payloads.map((p, i) => [p.code, i]));
  const { sendAt, ackAt, status } = await fire({ baseUrl, creds, payloads, rate: opts.rate, concurrency: opts.concurrency, agent });

  const lastSend = Math.max(...sendAt);
  const firstSend = Math.min(...sendAt);
  const lastAck = Math.max(...ackAt);

  // Wait for the replies (the fake records arrival time per response_code).
  const deadline = lastSend + opts.drainTimeout * 1000;
  const received = () => payloads.reduce((k, p) => k + (fake.aibotByCode.has(p.code) ? 1 : 0), 0);
  let got = received();
  while (got < n && performance.now() < deadline) { await sleep(100); got = received(); }

  const e2e = [];
  let lastReply = -Infinity;
  for (const p of payloads) {
    const rec = fake.aibotByCode.get(p.code);
    if (!rec) continue;
    e2e.push(rec.t - sendAt[index.get(p.code)]);
    lastReply = Math.max(lastReply, rec.t);
  }
  e2e.sort((a, b) => a - b);
  const acks = Array.from(ackAt, (a, i) => a - sendAt[i]).sort((a, b) => a - b);
  const non200 = {};
  for (const s of status) if (s !== 200) non200[s] = (non200[s] || 0) + 1;
  const codes = new Set(payloads.map((p) => p.code));
  const dups = fake.records.duplicates.filter((d) => codes.has(d.responseCode)).length;

  return {
    label, n,
    sendRate: n > 1 ? (n - 1) / ((lastSend - firstSend) / 1000) : NaN,
    ackRate: n / ((lastAck - firstSend) / 1000),
    ack: { p50: percentile(acks, 50), p95: percentile(acks, 95), p99: percentile(acks, 99), max: acks.at(-1) },
    non200: Object.values(non200).reduce((a, b) => a + b, 0),
    non200By: non200,
    replies: e2e.length,
    e2e: { p50: percentile(e2e, 50), p99: percentile(e2e, 99), max: e2e.at(-1) },
    drainMs: e2e.length === n ? lastReply - lastSend : NaN,
    missing: n - e2e.length,
    dups,
  };
}

function printTable(s, opts) {
  const ms = (v) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : '-');
  const rows = [
    ['phase', s.label],
    ['callbacks', `${s.n} (target ${opts.rate}/s, concurrency ${opts.concurrency}, ${opts.chats} chats)`],
    ['achieved send rate', `${s.sendRate.toFixed(1)} /s`],
    ['achieved ack rate', `${s.ackRate.toFixed(1)} /s`],
    ['ack latency p50', ms(s.ack.p50)],
    ['ack latency p95', ms(s.ack.p95)],
    ['ack latency p99', ms(s.ack.p99)],
    ['ack latency max', ms(s.ack.max)],
    ['non-200 acks', s.non200 ? `${s.non200} ${JSON.stringify(s.non200By)}` : '0'],
    ['replies received', `${s.replies}/${s.n}`],
    ['end-to-end p50', ms(s.e2e.p50)],
    ['end-to-end p99', ms(s.e2e.p99)],
    ['end-to-end max', ms(s.e2e.max)],
    ['backlog drain after last send', Number.isFinite(s.drainMs) ? ms(s.drainMs) : `incomplete after ${opts.drainTimeout} s`],
    [`replies missing after ${opts.drainTimeout} s`, String(s.missing)],
    ['duplicate response_url POSTs', String(s.dups)],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wecom-bench-'));
  let app = null; let fake = null; let logFile = null; let ok = true;
  try {
    fake = await startFake({ port: opts.fakePort });
    let baseUrl; let creds;
    if (opts.baseUrl) {
      baseUrl = opts.baseUrl;
      creds = credsFromEnv();
    } else {
      const args = opts.profile ? [`--spring.profiles.active=${opts.profile}`] : [`--bot.local.data-dir=${path.join(tmp, 'data')}`];
      ({ app, baseUrl, creds, logFile } = await launchApp({
        jar: opts.jar, fakeBaseUrl: fake.baseUrl, tmpDir: tmp, args, jvmArgs: [`-Xmx${opts.xmx}`],
      }));
      console.log(`# started ${opts.jar} (${opts.profile ?? 'local'} profile, -Xmx${opts.xmx}) at ${baseUrl}; fake WeCom at ${fake.baseUrl}`);
    }
    const health = await waitHealthy(baseUrl, 90_000, app);
    if (!health.ok) throw new Error(`app not healthy: ${health.reason}`);

    const cb = makeCallbacks(creds);
    const agent = new http.Agent({ keepAlive: true, maxSockets: opts.concurrency });
    if (opts.warmup > 0) {
      console.log(`# warm-up: ${opts.warmup} callbacks`);
      const w = await phase({ label: 'warmup', n: opts.warmup, opts: { ...opts, drainTimeout: Math.min(opts.drainTimeout, 30) }, baseUrl, creds, cb, fake, agent });
      console.log(`# warm-up done: ${w.replies}/${w.n} replies, ${w.non200} non-200, ack p99 ${w.ack.p99?.toFixed(1)} ms`);
    }
    console.log(`# measured run: ${opts.count} callbacks`);
    const s = await phase({ label: 'measured', n: opts.count, opts, baseUrl, creds, cb, fake, agent });
    printTable(s, opts);
    const unknown = fake.records.unknown.length;
    if (unknown) console.log(`# note: the fake saw ${unknown} requests to unknown endpoints, e.g. ${fake.records.unknown[0].method} ${fake.records.unknown[0].path}`);
    const h = await request({ method: 'GET', url: `${baseUrl}/actuator/health` }).catch((e) => ({ status: e.code }));
    console.log(`# health after run: HTTP ${h.status} ${h.body ?? ''}`.trim());
    agent.destroy();
  } catch (e) {
    ok = false;
    console.error(`bench failed: ${e.message}`);
    if (logFile) console.error(`# last 60 lines of ${logFile}:\n${tailFile(logFile, 60)}`);
  } finally {
    await stopApp(app);
    await fake?.close();
    if (opts.keepLogs) console.log(`# logs kept in ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  }
  process.exitCode = ok ? 0 : 1;
}

await main();
