// Fault: kill -9 an instance under load (issue 6, item 5). Three prod instances of the jar share one fresh MariaDB
// database and Redis (scripts/wecom-client/cluster.mjs); AI-bot traffic flows at a steady rate, round-robin, 30% of it
// delivered a second time to another instance: /帮助 in 32 unregistered groups (answered at their response_url) and
// crises in one registered 聚焦服务群 (escalation cards to the social worker and admin01, ack timers of 2 s, 2 rounds,
// one 无人接手 text each). A few seconds in, the JVM of instance 2 gets SIGKILL (its pid, not a wrapper). The sender
// then routes around it as a load balancer would; callbacks in flight to it that got no answer, or a refusal, are
// delivered again to a live instance, as WeCom retries a failed delivery.
//
// Checks: the killed instance's partition leases are taken over by the survivors (and how long it took), the outbox
// rows it had claimed are delivered by them (and when), every acknowledged callback decided exactly once, every
// /帮助 answered once, every chain run once (cards, timers, 无人接手), nothing shown twice at the fake WeCom, nothing
// left NEW/PENDING/SENDING/FAILED; then the instance is started again and must take a share of the partitions back.
//
//   node scripts/faults/kill9.mjs [--jar PATH] [--md-out FILE] [--messages 900] [--crises 45] [--rate 40]
//        [--kill-after 8] [--no-restart] [--keep-logs] [--keep-db]
//
// Needs: bot-app/target/bot-app.jar (mvn -B -ntp clean install -pl bot-app -am -DskipTests), MariaDB/MySQL at 127.0.0.1:3306
// (root, no password) with the mysql CLI, Redis at 127.0.0.1:6379 with redis-cli (SANSHE_IT_MYSQL_* / SANSHE_IT_REDIS_*
// override them). Loopback only. Creates the database sanshe_fault_<hex> and drops it at the end; deletes only its own
// Redis keys. Takes about 2.5 minutes on 2 cores (three JVM starts, ~25 s of traffic, up to the 60 s delivery lease
// for the rows the killed instance had claimed, one restart).
//
// Output: "ok - …" / "not ok - …" per check, "# …" figures, last line "RESULT kill9: PASS" or "RESULT kill9: FAIL (…)";
// exit code 1 on a failure. --md-out FILE writes a Markdown fragment (checks, figures, machine, date, commit).

import crypto from 'node:crypto';
import {
  startCluster, setupCrisisGroup, makeItems, makeQueue, sendTraffic, settle, exactlyOnceChecks, statusTable,
  makeReport, parseOptions, DEFAULT_JAR, tailLogsOnFailure, chainTestArgs,
} from '../wecom-client/cluster.mjs';
import { startFake } from '../wecom-client/fake-wecom.mjs';
import { randomHex, sleep } from '../wecom-client/harness.mjs';

const USAGE = 'usage: kill9.mjs [--jar PATH] [--md-out FILE] [--messages N] [--crises N] [--rate N/s] [--kill-after S] [--no-restart] [--keep-logs] [--keep-db]';
const opts = parseOptions(process.argv.slice(2), {
  jar: 'string', mdOut: 'string', messages: 'number', crises: 'number', rate: 'number', killAfter: 'number',
  noRestart: 'flag', keepLogs: 'flag', keepDb: 'flag',
}, { jar: DEFAULT_JAR, mdOut: null, messages: 900, crises: 45, rate: 40, killAfter: 8, noRestart: false, keepLogs: false, keepDb: false }, USAGE);

const INSTANCES = 3;
const VICTIM = 1; // instance 2
const ACK_TIMEOUT_MS = 2_000;
const ROUNDS = 2;
const LEVELS = 2;
const START_TIMEOUT_MS = 240_000;
const SETTLE_MS = 150_000; // the killed instance's claimed outbox rows wait for bot.pipeline.delivery-lease (60 s)
const PARTITION_LEASE_S = 15; // bot.pipeline.partition-lease, packaged

const report = makeReport('kill9', { mdOut: opts.mdOut });
const { check, note, figure } = report;
const runId = randomHex(3);
let c = null;
let fake = null;

try {
  fake = await startFake({ duplicateCheck: true }); // WeCom drops an identical message/send when asked to (WECOM.md §5)
  c = await startCluster({
    jar: opts.jar, instances: INSTANCES, dbPrefix: 'sanshe_fault_', tmpPrefix: 'wecom-kill9-', fake,
        appArgs: chainTestArgs(ACK_TIMEOUT_MS),
  });
  await c.checkAllHealthy(check, 'three instances start in the prod profile on one fresh database and report health UP', START_TIMEOUT_MS);
  note(`instances on ${c.instances.map((a) => a.port).join(', ')}; instance ${VICTIM + 1} (pid ${c.instances[VICTIM].pid}) is the one to kill`);

  const chat = `wrKill${runId}`;
  const worker = `sw${runId}`;
  await setupCrisisGroup(c, { runId, chat, groupName: `故障测试群${runId}`, worker, via: 0 });

  // the three hold their shares before the traffic starts
  await c.fake.waitFor(() => c.num(`SELECT COUNT(DISTINCT owner) FROM dispatch_lease WHERE owner IS NOT NULL AND lease_until >= ${Date.now()}`) === INSTANCES, 30_000, 500);

  const msgPrefix = `mk${runId}_`;
  const codePrefix = `rck_${runId}_`;
  const items = makeItems({ runId, messages: opts.messages, crises: opts.crises, chats: 32, crisisChat: chat, instances: INSTANCES, msgPrefix, codePrefix });
  const queue = makeQueue(items, { dupRate: 0.3, instances: INSTANCES });
  const dead = new Set();
  const live = () => c.instances.map((_, i) => i).filter((i) => !dead.has(i) && c.alive(i));
  const otherLive = (not) => { const l = live().filter((i) => i !== not); return l.length ? l[crypto.randomInt(l.length)] : -1; };

  // ------------------------------------------------------------ traffic, and the kill in the middle of it
  const traffic = sendTraffic(c, queue, {
    inFlight: 8, ratePerSec: opts.rate, budgetMs: 120_000, timeoutMs: 10_000,
    route: (d) => (dead.has(d.to) ? otherLive(d.to) : d.to), // the load balancer routes away from a dead instance
    onFailure: (d, e) => otherLive(e.to), // WeCom delivers again what got no answer or a non-200
    redeliveries: 3,
  });
  const sendStart = Date.now();
  await sleep(opts.killAfter * 1000);
  const victimPid = c.instances[VICTIM].pid;
  const partsBefore = c.rows(`SELECT part FROM dispatch_lease WHERE owner LIKE '${victimPid}@%' AND lease_until >= ${Date.now()}`).map((r) => Number(r[0]));
  const killedAt = await c.kill(VICTIM, 'SIGKILL');
  dead.add(VICTIM);
  note(`SIGKILL to instance ${VICTIM + 1} (JVM pid ${victimPid}) ${((killedAt - sendStart) / 1000).toFixed(1)} s into the traffic; it held partitions ${partsBefore.join(',')}`);
  check('the killed instance held partitions when it was killed (so there was work to take over)', partsBefore.length > 0, 'it held none');

  const inboxNewAtKill = c.num("SELECT COUNT(*) FROM inbox WHERE status = 'NEW'");

  // the take-over of its partitions
  let takenAt = null;
  const takeoverEnd = Date.now() + 4 * PARTITION_LEASE_S * 1000;
  while (partsBefore.length && Date.now() < takeoverEnd) {
    const stillTheirs = c.num(`SELECT COUNT(*) FROM dispatch_lease WHERE part IN (${partsBefore.join(',')}) AND (owner IS NULL OR owner LIKE '${victimPid}@%' OR lease_until < ${Date.now()})`);
    if (stillTheirs === 0) { takenAt = Date.now(); break; }
    await sleep(250);
  }
  const owners = c.rows(`SELECT owner, COUNT(*) FROM dispatch_lease WHERE owner IS NOT NULL AND lease_until >= ${Date.now()} GROUP BY owner`);
  const takeoverS = takenAt ? (takenAt - killedAt) / 1000 : null;
  check(`its ${partsBefore.length} partitions are leased by the two survivors within ${4 * PARTITION_LEASE_S} s (the partition lease is ${PARTITION_LEASE_S} s)`,
    takenAt && owners.length === INSTANCES - 1 && !owners.some((r) => r[0].startsWith(`${victimPid}@`)),
    `taken: ${takenAt ? 'yes' : 'no'}; owners now: ${owners.map((r) => `${r[0]}×${r[1]}`).join(', ')}`);
  figure('partition take-over after SIGKILL', takeoverS == null ? 'not within the wait' : `${takeoverS.toFixed(1)} s (${partsBefore.length} partitions)`);

  const tr = await traffic;
  note(`sent ${tr.sent} deliveries (${tr.attempts} attempts, ${tr.redelivered} re-deliveries after no answer) in ${(tr.ms / 1000).toFixed(1)} s`);
  const table = statusTable(tr.log);
  figure('callback answers per instance', Object.entries(table).map(([k, v]) => `instance ${k}: ${Object.entries(v).map(([s, n]) => `${s}×${n}`).join(' ')}`).join('; '));
  check('every callback was in the end answered HTTP 200 by some instance (after re-delivery where the killed one gave no answer)',
    tr.sent === queue.length && !tr.bad.length, `${queue.length - tr.sent} not sent; ${tr.bad.length} never answered 200: ${tr.bad.slice(0, 5).join(', ')}`);
  const toVictimAfterKill = tr.log.filter((e) => e.to === VICTIM && e.t > killedAt).length;
  figure('callbacks that went unanswered by the killed instance and were delivered again', tr.redelivered);
  figure('callbacks sent to the killed instance after the kill', toVictimAfterKill);

  // ------------------------------------------------------------ settling
  const s = await settle(c, { items, timeoutMs: SETTLE_MS, lingerMs: 2 * ACK_TIMEOUT_MS });
  note(`settled ${((s.settledAt - sendStart) / 1000).toFixed(1)} s after the first send`);
  // the rows the killed instance had claimed: claimed again when their delivery lease ran out (the claim marks them)
  const taken = c.rows("SELECT id, status, attempts, sent_at FROM outbox WHERE last_error = 'unanswered: lease ran out'");
  if (taken.length) {
    const sentAts = taken.map((r) => Number(r[3] || 0));
    const allSent = taken.every((r) => r[1] === 'SENT');
    check(`the ${taken.length} outbox rows the killed instance had claimed were delivered by the survivors after their lease ran out`,
      allSent, taken.map((r) => `#${r[0]} ${r[1]}`).join(', '));
    figure('outbox rows claimed by the killed instance, delivered again by a survivor',
      `${taken.length}, ${((Math.min(...sentAts) - killedAt) / 1000).toFixed(1)}–${((Math.max(...sentAts) - killedAt) / 1000).toFixed(1)} s after the kill (bot.pipeline.delivery-lease: 60 s)`);
  } else {
    figure('outbox rows claimed by the killed instance, delivered again by a survivor', '0 (none in flight at the kill)');
  }
  figure('inbox rows NEW just after the kill', inboxNewAtKill);

  // ------------------------------------------------------------ exactly once
  const f = exactlyOnceChecks(c, {
    items, worker, rounds: ROUNDS, levels: LEVELS, settleMs: SETTLE_MS, codePrefix, msgPrefix, check, note, repostsShownOnce: true,
  });
  // as the user sees it: a card or text sent again after the kill is dropped by WeCom's duplicate check, a reply POSTed
  // again to its response_url is refused (usable once) — both counted below, neither shown twice
  const shownTwiceCards = c.fake.records.sends.length - new Set(c.fake.records.sends.map((r) => JSON.stringify(r.body))).size;
  check('nothing shown twice at the fake WeCom: no message/send payload delivered twice',
    shownTwiceCards === 0, `${shownTwiceCards} message/send payloads delivered twice`);
  figure('identical message/send payloads dropped by the duplicate check', c.fake.records.suppressed.length);
  figure('re-POSTs to a used response_url (refused by WeCom, not shown)', c.fake.records.duplicates.length);
  figure('replies recorded as delivered by the killed instance\'s unanswered attempt', c.num("SELECT COUNT(*) FROM outbox WHERE platform_id = 'used-by-unanswered-attempt'"));

  const decided = await Promise.all(c.instances.map((_, i) => (c.alive(i) ? c.metric(i, 'bot.dispatch.events', 'outcome:decided') : Promise.resolve(null))));
  figure('events decided per surviving instance (since its start)', decided.map((n, i) => `${i + 1}: ${n ?? 'killed'}`).join(', '));
  figure('messages', `${items.length} (${items.filter((it) => it.kind === 'help').length} /帮助, ${opts.crises} crises), ${queue.length} deliveries with ${queue.dupCount} second ones, paced at ${opts.rate}/s`);
  figure('fake WeCom', `${f.cards} cards, ${c.fake.records.aibot.length} response_url replies, ${f.flagged} 无人接手 texts; timers fired ${f.fired}`);
  figure('settled after the first send', `${((s.settledAt - sendStart) / 1000).toFixed(1)} s`);

  // ------------------------------------------------------------ the killed instance comes back
  if (!opts.noRestart) {
    const restartAt = Date.now();
    c.start(VICTIM);
    const h = await c.waitHealthy(VICTIM, START_TIMEOUT_MS);
    let rejoined = null;
    const newPid = c.instances[VICTIM].pid;
    if (h.ok) {
      rejoined = await c.fake.waitFor(() => c.num(`SELECT COUNT(*) FROM dispatch_lease WHERE owner LIKE '${newPid}@%' AND lease_until >= ${Date.now()}`) > 0 && Date.now(), 60_000, 500);
    }
    const ownersAfter = c.rows(`SELECT owner, COUNT(*) FROM dispatch_lease WHERE owner IS NOT NULL AND lease_until >= ${Date.now()} GROUP BY owner`);
    check('restarted, the instance reports health UP and takes a share of the partitions back',
      h.ok && rejoined, h.ok ? `owners: ${ownersAfter.map((r) => `${r[0]}×${r[1]}`).join(', ')}` : h.reason);
    figure('rejoin', rejoined ? `healthy and leasing ${((rejoined - restartAt) / 1000).toFixed(1)} s after the restart; partitions per owner now ${ownersAfter.map((r) => r[1]).join(' / ')}` : 'not rejoined');
  }
} catch (e) {
  if (e.message !== 'instances not healthy') check('harness', false, e.stack || String(e));
}

tailLogsOnFailure(report, c, 15);
if (c) await c.cleanup({ keepDb: opts.keepDb, keepLogs: opts.keepLogs, log: note });
if (fake) await fake.close();
report.finish();
