// Several instances, exactly once (issue 6, item 4): three starts of the jar in the prod profile on three ports share
// one fresh MariaDB database and Redis; AI-bot group traffic is spread round-robin across them and 30% of the
// callbacks are delivered a second time, to a different instance (same msgid, fresh timestamp, nonce and signature,
// as WeCom retries). Checks that every event is acted on once and every stored timer fires once.
//
//   node scripts/wecom-client/instances.mjs [--jar PATH] [--messages 1500] [--crises 60] [--dup-rate 0.3]
//        [--chats 32] [--in-flight 8] [--keep-logs] [--keep-db]
//
// Needs MariaDB/MySQL at 127.0.0.1:3306 (root, no password; SANSHE_IT_MYSQL_HOST/PORT/USER/PASSWORD override, as in
// RealServices) with the mysql CLI, and Redis at 127.0.0.1:6379 (SANSHE_IT_REDIS_HOST/PORT) with redis-cli. Creates
// the database sanshe_multi_<hex> and drops it at the end; in Redis it deletes only its own keys (the seen-keys of its
// message ids and the access token of its random corp id), never FLUSHALL.
//
// Traffic: `--messages` /帮助 from distinct members in `--chats` unregistered groups (so the chats' partitions, and
// the dispatch work, spread over the instances), and `--crises` 我不想活了 from distinct residents in one registered
// 聚焦服务群 whose chain is: the social worker, then admin01 (ack-timeout 2 s, 2 rounds, coalescing off); nobody takes
// any, so each runs its whole chain: 2 cards to the social worker, 2 to admin01, 4 ack timers, one 无人接手 text.
//
// Output: "ok - …" / "not ok - …" per check, "# …" figures, "N passed, M failed" and the last line
// "RESULT instances: PASS|FAIL (…)"; exit code 1 on a failure; --md-out FILE writes the checks and figures as a Markdown
// fragment. Not in scripts/test.sh (it takes about 75 seconds); scripts/prove.sh runs it (section instances). The cluster, the
// traffic and the checks live in cluster.mjs, shared with the fault scripts under scripts/faults/.

import {
  startCluster, setupCrisisGroup, makeItems, makeQueue, sendTraffic, settle, exactlyOnceChecks, makeReport, tailLogsOnFailure,
  chainTestArgs, DEFAULT_JAR,
} from './cluster.mjs';
import { randomHex } from './harness.mjs';

const INSTANCES = 3;
const ACK_TIMEOUT_MS = 2_000;
const ROUNDS = 2; // the packaged bot.escalation.rounds
const LEVELS = 2; // the social worker, then admin01
const START_TIMEOUT_MS = 240_000; // three JVMs starting at once on two cores
const SEND_BUDGET_MS = 60_000;
const SETTLE_MS = 120_000; // replies, chains and deliveries after the last send

function parseArgs(argv) {
  const o = {
        jar: DEFAULT_JAR, messages: 1500, crises: 60, dupRate: 0.3, chats: 32, inFlight: 8, keepLogs: false, keepDb: false,
    mdOut: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => { const v = Number(argv[++i]); if (!Number.isFinite(v) || v < 0) throw new Error(`${a}: a number`); return v; };
    if (a === '--jar') o.jar = argv[++i];
    else if (a === '--messages') o.messages = num();
    else if (a === '--crises') o.crises = num();
    else if (a === '--dup-rate') o.dupRate = num();
    else if (a === '--chats') o.chats = Math.max(1, num());
    else if (a === '--in-flight') o.inFlight = Math.max(1, num());
    else if (a === '--keep-logs') o.keepLogs = true;
        else if (a === '--keep-db') o.keepDb = true;
    else if (a === '--md-out') o.mdOut = argv[++i];
    else if (a === '-h' || a === '--help') {
      console.log('usage: instances.mjs [--jar PATH] [--messages N] [--crises N] [--dup-rate F] [--chats N] [--in-flight N] [--keep-logs] [--keep-db] [--md-out FILE]');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  return o;
}

// ---------------------------------------------------------------- main

const opts = parseArgs(process.argv.slice(2));
const runId = randomHex(3);
const report = makeReport('instances', { mdOut: opts.mdOut });
const { note, check, figure } = report;
const results = report.checks;
let cluster = null;

try {
  cluster = await startCluster({
    jar: opts.jar,
    instances: INSTANCES,
    dbPrefix: 'sanshe_multi_',
    tmpPrefix: 'wecom-multi-',
        appArgs: chainTestArgs(ACK_TIMEOUT_MS),
  });
  const apps = cluster.instances;
  await cluster.checkAllHealthy(check, 'three instances start in the prod profile on one fresh database and report health UP', START_TIMEOUT_MS);
  note(`instances on ${apps.map((a) => a.port).join(', ')}`);

  // ------------------------------------------------------------ setup, by command through instance 1
  const chat = `wrMulti${runId}`;
  const worker = `sw${runId}`;
  const setupName = 'setup: admin01 binds a 聚焦服务群 and grants a social worker 社工, by command through instance 1';
  try {
    await setupCrisisGroup(cluster, { runId, chat, groupName: `多实例测试群${runId}`, worker });
    check(setupName, true);
  } catch (e) {
    check(setupName, false, e.message);
  }

  // ------------------------------------------------------------ traffic
  const msgPrefix = `mi${runId}_`;
  const codePrefix = `rcm_${runId}_`;
  const items = makeItems({
    runId, messages: opts.messages, crises: opts.crises, chats: opts.chats, crisisChat: chat, instances: INSTANCES, msgPrefix, codePrefix,
  });
  const queue = makeQueue(items, { dupRate: opts.dupRate, instances: INSTANCES });
  const dupCount = queue.dupCount;
  const sendStart = Date.now();
  const tr = await sendTraffic(cluster, queue, { inFlight: opts.inFlight, budgetMs: SEND_BUDGET_MS, redeliveries: 0 });
  const { sent, bad, perInstance } = tr;
  const sendMs = tr.ms;
  note(`sent ${sent} callbacks (${items.length} messages, ${dupCount} second deliveries) in ${(sendMs / 1000).toFixed(1)} s; per instance ${perInstance.join(' / ')}`);
  check(`every callback delivered within ${SEND_BUDGET_MS / 1000} s and answered HTTP 200 (first and second deliveries)`,
    sent === queue.length && !bad.length, `${queue.length - sent} not sent; ${bad.length} refused: ${bad.slice(0, 5).join(', ')}`);

  // ------------------------------------------------------------ settling
  const helps = items.filter((it) => it.kind === 'help');
  const crises = items.filter((it) => it.kind === 'crisis');
  const { repliesAt } = await settle(cluster, { items, timeoutMs: SETTLE_MS, lingerMs: 2 * ACK_TIMEOUT_MS }); // anything late (a double) would show
  const settledMs = Date.now() - sendStart;
  note(`settled ${(settledMs / 1000).toFixed(1)} s after the first send`);

  // ------------------------------------------------------------ checks
  const f = exactlyOnceChecks(cluster, {
    items, worker, rounds: ROUNDS, levels: LEVELS, settleMs: SETTLE_MS, codePrefix, msgPrefix, check, note,
  });

  // all three did work
  const decided = await Promise.all(apps.map((_, i) => cluster.metric(i, 'bot.dispatch.events', 'outcome:decided')));
  const delivered = await Promise.all(apps.map((_, i) => cluster.metric(i, 'bot.delivery', 'outcome:sent')));
  const leases = cluster.rows(`SELECT owner, COUNT(*) FROM dispatch_lease WHERE owner IS NOT NULL AND lease_until >= ${Date.now()} GROUP BY owner ORDER BY owner`);
    figure('per instance', `events decided ${decided.join(' / ')}; messages delivered ${delivered.join(' / ')}; partitions held ${leases.map((r) => r[1]).join(' / ')} (${leases.length} owners)`);
  check('all three instances did work: each decided events and delivered messages, and the partitions are spread over three owners',
    decided.every((n) => n > 0) && delivered.every((n) => n > 0) && leases.length === INSTANCES,
    `decided ${decided.join('/')}, delivered ${delivered.join('/')}, ${leases.length} lease owners`);
  const decidedTotal = decided.reduce((a, b) => a + b, 0);
  check('the instances together decided each stored event once (sum of bot.dispatch.events = inbox rows)',
    decidedTotal === f.inboxRows, `decided ${decidedTotal}, inbox rows ${f.inboxRows}`);

  // figures
    figure('messages', `${items.length} (${helps.length} /帮助 in ${opts.chats} groups, ${crises.length} crises), callbacks sent: ${sent}, second deliveries: ${dupCount} (${(100 * dupCount / items.length).toFixed(0)}%), in flight: ${opts.inFlight}`);
  figure('sending', `${(sendMs / 1000).toFixed(1)} s (${(sent / (sendMs / 1000)).toFixed(0)} callbacks/s); all replies ${((repliesAt - sendStart) / 1000).toFixed(1)} s after the first send; settled after ${(settledMs / 1000).toFixed(1)} s`);
  figure('replies', `${cluster.fake.records.aibot.length} response_url POSTs (${cluster.fake.records.duplicates.length} duplicates); escalations: ${f.escalations}; cards: ${f.cards}; 无人接手 texts: ${f.flagged}`);
    figure('timers fired', `${f.fired} (${f.timerKinds.map((r) => r.join(' ')).join('; ')}); inbox: ${f.inboxByStatus.map((r) => r.join(' ')).join(', ')}; outbox: ${f.outboxByStatus.map((r) => r.join(' ')).join('; ')}`);
} catch (e) {
  if (e.message !== 'instances not healthy') check('harness', false, e.stack || String(e));
}

tailLogsOnFailure(report, cluster, 20);
if (cluster) await cluster.cleanup({ keepDb: opts.keepDb, keepLogs: opts.keepLogs, log: note });
note('done');
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
report.finish();
