// Fault: the WeCom API misbehaves for a while (issue 6, item 5). Two prod instances of the jar on one fresh MariaDB
// database and Redis (scripts/wecom-client/cluster.mjs) take steady AI-bot traffic — /帮助 in 32 unregistered groups,
// answered at their response_url, and crises in one registered 聚焦服务群, each an escalation chain of 4 template
// cards and one 无人接手 text sent through message/send — while the fake WeCom answers, one stretch after another
// (--phase-seconds each, on message/send and on the AI-bot response_url at once):
//
//   errcode 45009 (frequency), errcode -1 (system busy), errcode 45033 (concurrency), bare HTTP 500,
//   a hang before doing anything (WeCom never got the request), and a hang after doing the work (the message is shown,
//   the answer never comes: the ambiguous timeout),
//
// then answers normally again. The fake honours enable_duplicate_check on message/send as WECOM.md §5 documents (an
// identical payload within duplicate_check_interval is not delivered again) and refuses a second POST to a used
// response_url (usable once, WECOM.md §3.5).
//
// Checks: every callback acknowledged; every fault stretch really hit both paths; after recovery every /帮助 answered
// and every card and text delivered — exactly once as the user sees it (no message/send payload delivered twice, no
// response_url used twice); every chain, timer, inbox and outbox row as in instances.mjs (nothing FAILED, nothing
// left PENDING/SENDING). Figures: requests per stretch, retries by the service and by the library, duplicates the
// platform dropped or refused, time to recover.
//
//   node scripts/faults/wecom-faults.mjs [--jar PATH] [--md-out FILE] [--phase-seconds 10] [--rate 20] [--crises 40]
//        [--keep-logs] [--keep-db]
//
// Needs: bot-app/target/bot-app.jar, MariaDB/MySQL at 127.0.0.1:3306 (root, no password) with the mysql CLI, Redis at
// 127.0.0.1:6379 with redis-cli (SANSHE_IT_MYSQL_* / SANSHE_IT_REDIS_* override them). Loopback only. Creates the
// database sanshe_fault_<hex> and drops it at the end; deletes only its own Redis keys. Takes about 3 minutes on 2
// cores (two JVM starts, ~70 s of traffic under faults, then the backoff of the last retries, up to the 60 s that a
// 45009 makes the service wait).
//
// Output: "ok - …" / "not ok - …" per check, "# …" figures, last line "RESULT wecom-faults: PASS" or
// "RESULT wecom-faults: FAIL (…)"; exit code 1 on a failure. --md-out FILE writes a Markdown fragment.

import fs from 'node:fs';
import {
  startCluster, setupCrisisGroup, makeItems, makeQueue, sendTraffic, settle, exactlyOnceChecks, makeReport,
  parseOptions, DEFAULT_JAR, tailLogsOnFailure, chainTestArgs,
} from '../wecom-client/cluster.mjs';
import { startFake } from '../wecom-client/fake-wecom.mjs';
import { randomHex, sleep } from '../wecom-client/harness.mjs';

const USAGE = 'usage: wecom-faults.mjs [--jar PATH] [--md-out FILE] [--phase-seconds N] [--rate N/s] [--crises N] [--keep-logs] [--keep-db]';
const opts = parseOptions(process.argv.slice(2), {
  jar: 'string', mdOut: 'string', phaseSeconds: 'number', rate: 'number', crises: 'number', keepLogs: 'flag', keepDb: 'flag',
}, { jar: DEFAULT_JAR, mdOut: null, phaseSeconds: 10, rate: 20, crises: 40, keepLogs: false, keepDb: false }, USAGE);

const INSTANCES = 2;
const ACK_TIMEOUT_MS = 2_000;
const ROUNDS = 2;
const LEVELS = 2;
const START_TIMEOUT_MS = 240_000;
const SETTLE_MS = 150_000;
const LEAD_MS = 3_000; // normal traffic before the first fault
const TAIL_MS = 5_000; // normal traffic after the last
const SEND = '/cgi-bin/message/send';
const RESPONSE = '/cgi-bin/aibot/response';
const PATHS = [SEND, RESPONSE];
// 45009 first: the service waits 60 s after one (a minute ban), so its retries land while the other stretches run
const PHASES = [
  { name: 'errcode 45009', spec: { errcode: 45009, errmsg: 'api freq out of limit' } },
  { name: 'errcode -1', spec: { errcode: -1, errmsg: 'system busy' } },
  { name: 'errcode 45033', spec: { errcode: 45033, errmsg: 'api concurrent out of limit' } },
  { name: 'HTTP 500', spec: { status: 500 } },
  { name: 'hang before handling', spec: { hang: 'before' } },
  { name: 'hang after handling', spec: { hang: 'after' } },
];

const report = makeReport('wecom-faults', { mdOut: opts.mdOut });
const { check, note, figure } = report;
const runId = randomHex(3);
let c = null;
let fake = null;

try {
  fake = await startFake({ duplicateCheck: true });
  c = await startCluster({
    jar: opts.jar, instances: INSTANCES, dbPrefix: 'sanshe_fault_', tmpPrefix: 'wecom-faults-', fake,
        appArgs: chainTestArgs(ACK_TIMEOUT_MS),
  });
  await c.checkAllHealthy(check, `${INSTANCES} instances start in the prod profile on one fresh database and report health UP`, START_TIMEOUT_MS);

  const chat = `wrFault${runId}`;
  const worker = `sw${runId}`;
  await setupCrisisGroup(c, { runId, chat, groupName: `故障测试群${runId}`, worker, via: 0 });

  // ------------------------------------------------------------ traffic through the fault stretches
  const phaseMs = opts.phaseSeconds * 1000;
  const trafficMs = LEAD_MS + PHASES.length * phaseMs + TAIL_MS;
  const total = Math.round((opts.rate * trafficMs) / 1000);
  const msgPrefix = `mf${runId}_`;
  const codePrefix = `rcf_${runId}_`;
  const items = makeItems({
    runId, messages: Math.max(0, total - opts.crises), crises: opts.crises, chats: 32, crisisChat: chat, instances: INSTANCES, msgPrefix, codePrefix,
  });
  const queue = makeQueue(items, { dupRate: 0.3, instances: INSTANCES });
  const rate = (queue.length * 1000) / trafficMs; // deliveries per second so that the traffic spans the schedule
  const t0 = performance.now(); // the fake's clock
  const traffic = sendTraffic(c, queue, { inFlight: 8, ratePerSec: rate, budgetMs: trafficMs + 60_000, redeliveries: 0 });
  const windows = [];
  await sleep(LEAD_MS);
  for (const p of PHASES) {
    const from = performance.now();
    for (const path of PATHS) c.fake.faultFor(path, phaseMs, p.spec);
    note(`fake WeCom: ${p.name} on message/send and response_url for ${opts.phaseSeconds} s`);
    await sleep(phaseMs);
    windows.push({ ...p, from, to: performance.now() });
  }
  const recoveredAt = Date.now();
  note('fake WeCom: answering normally again');
  const tr = await traffic;
  note(`sent ${tr.sent} callbacks (${items.length} messages, ${queue.dupCount} second deliveries) in ${(tr.ms / 1000).toFixed(1)} s`);
  check('every callback answered HTTP 200 (WeCom API faults do not touch the callback path)',
    tr.sent === queue.length && !tr.bad.length, `${queue.length - tr.sent} not sent; ${tr.bad.length} refused: ${tr.bad.slice(0, 5).join(', ')}`);

  // ------------------------------------------------------------ recovery
  const s = await settle(c, { items, timeoutMs: SETTLE_MS, lingerMs: 2 * ACK_TIMEOUT_MS });
  figure('settled after the WeCom API recovered', s.settled ? `${((s.settledAt - recoveredAt) / 1000).toFixed(1)} s (4 s of it waiting for late doubles)` : `not within ${SETTLE_MS / 1000} s`);

  // ------------------------------------------------------------ the fault stretches really happened
  const rec = c.fake.records;
  const inWindow = (list, w, path) => list.filter((r) => r.t >= w.from && r.t < w.to && r.path === path).length;
  const hitRows = windows.map((w) => {
    const hit = (path) => (w.spec.hang ? inWindow(rec.hung, w, path) : inWindow(rec.faulted, w, path));
    return { name: w.name, send: hit(SEND), response: hit(RESPONSE) };
  });
  for (const h of hitRows) figure(`requests answered by "${h.name}"`, `message/send ${h.send}, response_url ${h.response}`);
  const missed = hitRows.filter((h) => !h.send || !h.response);
  check('every fault stretch hit both message/send and the response_url', !missed.length,
    missed.map((h) => `${h.name}: send ${h.send}, response ${h.response}`).join('; '));

  // ------------------------------------------------------------ exactly once, as the user sees it
  const f = exactlyOnceChecks(c, {
    items, worker, rounds: ROUNDS, levels: LEVELS, settleMs: SETTLE_MS, codePrefix, msgPrefix, check, note, repostsShownOnce: true,
  });
  const payloads = rec.sends.map((r) => JSON.stringify(r.body));
  const shownTwice = payloads.length - new Set(payloads).size;
  check('no message/send payload (card or text) delivered twice', !shownTwice, `${shownTwice} payloads delivered more than once`);
  figure('identical message/send payloads dropped by WeCom\'s duplicate check (enable_duplicate_check)', rec.suppressed.length);
  figure('second POSTs to a used response_url (refused by WeCom, not shown)', rec.duplicates.length);
  figure('replies recorded as delivered by an attempt that got no answer (platform id used-by-unanswered-attempt)',
    c.num("SELECT COUNT(*) FROM outbox WHERE platform_id = 'used-by-unanswered-attempt'"));

  // who retried: the outbox (one attempt per claim) or the library inside an attempt
  const app = c.rows("SELECT kind, COUNT(*), SUM(attempts), MAX(attempts) FROM outbox GROUP BY kind ORDER BY kind");
  const appAttempts = app.filter((r) => r[0].startsWith('APP_')).reduce((a, r) => a + Number(r[2]), 0);
  const sendRequests = rec.all.filter((r) => r.path === SEND).length;
  const libraryRetries = sendRequests - appAttempts;
  figure('outbox attempts per kind (rows, attempts, most attempts of one row)', app.map((r) => `${r[0]} ${r[1]}/${r[2]}/${r[3]}`).join('; '));
  figure('message/send HTTP requests at the fake vs outbox attempts on app rows', `${sendRequests} vs ${appAttempts}: ${libraryRetries} retried inside weixin-java-cp`);
  const minus1 = windows.find((w) => w.spec.errcode === -1);
  const minus1Sends = inWindow(rec.faulted, minus1, SEND);
  figure('message/send answered -1 during its stretch', minus1Sends);
  // privacy: no WeCom request bodies (texts, cards with residents' words) in the logs, however many errors
  const leaked = c.instances.map((inst) => {
    const log = fs.readFileSync(inst.logFile, 'utf8');
    return (log.match(/请求参数|我不想活了/g) ?? []).length;
  });
  check('no message text or card of a WeCom request in the instances\' logs, however many errors (privacy)',
    leaked.every((n) => n === 0), `${leaked.join(' / ')} log lines with a request body or a resident's words`);
  const retryAfter = c.rows("SELECT COUNT(*), MAX(attempts) FROM outbox WHERE attempts > 1")[0];
  figure('outbox rows that needed more than one attempt', `${retryAfter[0]} (most attempts: ${retryAfter[1] ?? 0})`);
  figure('messages', `${items.length} (${items.length - opts.crises} /帮助, ${opts.crises} crises), ${queue.length} callbacks at ${rate.toFixed(0)}/s over ${(trafficMs / 1000).toFixed(0)} s; fault stretches of ${opts.phaseSeconds} s`);
  figure('fake WeCom', `${f.cards} cards, ${rec.aibot.length} response_url replies, ${f.flagged} 无人接手 texts; timers fired ${f.fired}`);
} catch (e) {
  if (e.message !== 'instances not healthy') check('harness', false, e.stack || String(e));
}

tailLogsOnFailure(report, c, 15);
if (c) await c.cleanup({ keepDb: opts.keepDb, keepLogs: opts.keepLogs, log: note });
if (fake) await fake.close();
report.finish();
