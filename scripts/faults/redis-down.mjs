// Fault: Redis down for 60 s (issue 6, item 5). One instance (--instances N for more) in the prod profile on a private
// MariaDB and Redis (scripts/faults/services.mjs: never the shared 3306/6379), with the same steady traffic as
// db-down.mjs (/帮助 in 16 groups, crises whose chains run to 无人接手 with cards and ack timers, 10% second deliveries).
// After --before s the Redis process is killed (SIGKILL; it keeps nothing on disk, so it comes back empty: no rate
// counters, no access token) and started again --outage s later on the same port, while the traffic goes on.
//
// Redis holds only the shared rate limits and the WeCom access token; while it is away each instance counts the limits
// in process at its share and keeps the token in process (docs/RELIABILITY.md, "Faults: MariaDB and Redis down").
// What it checks: every callback answered 200 and ack latency during the outage (Redis is not on the acknowledgement
// path), every reply and card delivered exactly once, each reply within the outage plus 10 s of its acknowledgement
// (in fact they keep flowing during it), timers once, nothing stuck (everything decided and sent), every message/send
// with a token the fake issued, and that Redisson reconnected: after the outage the instance writes rate counters and
// the access token to Redis again, and logs "Redis back".
//
//   node scripts/faults/redis-down.mjs [--jar PATH] [--instances 1] [--rate 12] [--before 15] [--outage 60]
//        [--after 15] [--crises 30] [--md-out FILE] [--keep-logs]
//
// Needs: the jar (mvn -B -ntp clean install -pl bot-app -am -DskipTests), mariadbd, mariadb-install-db, redis-server, mysql,
// redis-cli, Node 20. Takes about 3 minutes. Figures are noisy on a shared 2-core machine. Prints "ok - …"/"not ok -
// …", "# …" figures and "RESULT redis-down: PASS|FAIL (…)"; exit 1 on a failure; --md-out writes a Markdown fragment.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { preflight, startMariaDb, startRedis } from './services.mjs';
import {
  DEFAULT_JAR, startCluster, setupCrisisGroup, makeItems, makeQueue, sendTraffic, settle, exactlyOnceChecks,
  makeReport, parseOptions, statusTable, redisCli, tailLogsOnFailure, chainTestArgs,
} from '../wecom-client/cluster.mjs';
import { randomHex, sleep, percentile } from '../wecom-client/harness.mjs';

const USAGE = 'usage: redis-down.mjs [--jar PATH] [--instances N] [--rate N] [--before S] [--outage S] [--after S] [--crises N] [--md-out FILE] [--keep-logs]';
const opts = parseOptions(process.argv.slice(2), {
  jar: 'string', instances: 'number', rate: 'number', before: 'number', outage: 'number', after: 'number',
  crises: 'number', mdOut: 'string', keepLogs: 'flag',
}, { jar: DEFAULT_JAR, instances: 1, rate: 12, before: 15, outage: 60, after: 15, crises: 30, mdOut: null, keepLogs: false }, USAGE);
const NAME = 'redis-down';
const ACK_TIMEOUT_MS = 2_000;
const ROUNDS = 2;
const LEVELS = 2;
const SETTLE_MS = 180_000;
const REPLY_MARGIN_MS = 10_000;

const report = makeReport(NAME, { mdOut: opts.mdOut });
const { check, note, figure } = report;

preflight(report, opts.jar);

const sizeOf = (file) => { try { return fs.statSync(file).size; } catch { return 0; } };
const linesBetween = (file, from, to) => fs.readFileSync(file, 'utf8').slice(from, to).split('\n').filter(Boolean);

const runId = randomHex(3);
const spoolRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'sanshe-spools-'));
let db = null;
let rd = null;
let c = null;

try {
  db = await startMariaDb();
  rd = await startRedis();
  note(`private MariaDB on ${db.port}, Redis on ${rd.port}`);
  c = await startCluster({
    jar: opts.jar, instances: opts.instances, dbPrefix: 'sanshe_redisdown_', mysql: db.conn, redis: rd.conn,
    tmpPrefix: 'wecom-redisdown-',
    
        appArgs: chainTestArgs(ACK_TIMEOUT_MS),
    perInstance: (i) => ({ args: [`--bot.spool.dir=${path.join(spoolRoot, `instance${i + 1}`)}`] }),
  });
  await c.checkAllHealthy(check, `${opts.instances} instance(s) start in the prod profile on the private MariaDB and Redis and report health UP`, 240_000);

  const chat = `wrRedisDown${runId}`;
  const worker = `sw${runId}`;
  await setupCrisisGroup(c, { runId, chat, groupName: `缓存故障测试群${runId}`, worker });
  check('setup: admin01 binds a 聚焦服务群 and grants a social worker 社工, by command', true);

  // ------------------------------------------------------------ traffic with the outage in the middle
  const seconds = opts.before + opts.outage + opts.after;
  const deliveries = Math.round(opts.rate * seconds);
  const messages = Math.max(1, Math.round(deliveries / 1.1) - opts.crises);
  const items = makeItems({ runId, messages, crises: opts.crises, chats: 16, crisisChat: chat, instances: opts.instances });
  const queue = makeQueue(items, { dupRate: 0.1, instances: opts.instances });
  const traffic = sendTraffic(c, queue, {
    inFlight: 8, ratePerSec: opts.rate, budgetMs: (seconds + 60) * 1000, timeoutMs: 15_000, redeliveries: 3,
    onFailure: (d, entry) => entry.to,
  });
  const sendStart = Date.now();
  await sleep(opts.before * 1000);
  const marks = [c.instances.map((i) => sizeOf(i.logFile))];
  const keysAtKill = ['sanshe:wecom*', 'sanshe:rate:*'].map((p) => redisCli(rd.conn, '--scan', '--pattern', p).split('\n').filter(Boolean).length);
  figure('keys in Redis when it was killed: access token / rate counters', keysAtKill.join(' / '));
  const killAt = await rd.kill();
  note('Redis killed (SIGKILL)');
  await sleep(opts.outage * 1000);
  await rd.start();
  const upAt = Date.now();
  marks.push(c.instances.map((i) => sizeOf(i.logFile)));
  note(`Redis started again, empty, after ${((upAt - killAt) / 1000).toFixed(1)} s`);
  const sent = await traffic;
  const sendMs = Date.now() - sendStart;
  note(`sent ${sent.sent} messages (${sent.attempts} deliveries, ${sent.redelivered} re-deliveries after a non-200) in ${(sendMs / 1000).toFixed(1)} s`);

  // ------------------------------------------------------------ acknowledgements
  figure('answers per instance and status', JSON.stringify(statusTable(sent.log)));
  const non200 = sent.log.filter((e) => e.status !== 200);
  check('every callback was answered 200 at the first attempt, during the outage and after',
    sent.sent === queue.length && !sent.bad.length && !non200.length,
    `${queue.length - sent.sent} not sent; ${non200.length} attempts not 200: ${non200.slice(0, 5).map((e) => `${e.msgid}: ${e.status ?? e.error}`).join(', ')}`);
  const during = sent.log.filter((e) => e.status === 200 && e.t >= killAt && e.t <= upAt).map((e) => e.ms).sort((a, b) => a - b);
  const outside = sent.log.filter((e) => e.status === 200 && (e.t < killAt || e.t > upAt + 10_000)).map((e) => e.ms).sort((a, b) => a - b);
  const lat = (a) => (a.length ? `p50 ${percentile(a, 50)} ms, p99 ${percentile(a, 99)} ms, max ${a[a.length - 1]} ms (${a.length} answers)` : 'none');
  figure('ack latency while Redis was down', lat(during));
  figure('ack latency outside the outage', lat(outside));
  check('acknowledgements kept within WeCom\'s 5 s while Redis was down (p99 and max)',
    during.length > 0 && percentile(during, 99) < 5000 && during[during.length - 1] < 5000, lat(during));

  // ------------------------------------------------------------ settling and exactly once
  const st = await settle(c, { items, timeoutMs: SETTLE_MS, lingerMs: 2 * ACK_TIMEOUT_MS });
  note(`settled ${((st.settledAt - sendStart) / 1000).toFixed(1)} s after the first send (${st.settled ? 'everything decided and sent' : 'NOT settled'})`);
  check('nothing stuck: every inbox row decided, every outbox row sent, no timer pending', st.settled, 'not settled within the settle time');
  const f = exactlyOnceChecks(c, {
    items, worker, rounds: ROUNDS, levels: LEVELS, settleMs: SETTLE_MS, codePrefix: `rcm_${runId}_`, msgPrefix: `mi${runId}_`, check, note,
  });

  // replies: from the acknowledgement of a message to its reply at the fake
  const ackAt = new Map();
  for (const e of sent.log) {
    if (e.status === 200 && (!ackAt.has(e.msgid) || e.t + e.ms < ackAt.get(e.msgid))) ackAt.set(e.msgid, e.t + e.ms);
  }
  const lag = (it) => performance.timeOrigin + c.fake.aibotByCode.get(it.code).t - ackAt.get(it.msgid);
  const helps = items.filter((it) => it.kind === 'help' && c.fake.aibotByCode.has(it.code) && ackAt.has(it.msgid));
  const lagDuring = helps.filter((it) => ackAt.get(it.msgid) >= killAt && ackAt.get(it.msgid) <= upAt).map(lag).sort((a, b) => a - b);
  const lagAll = helps.map(lag).sort((a, b) => a - b);
  const ms = (a) => (a.length ? `p50 ${percentile(a, 50).toFixed(0)} ms, p99 ${percentile(a, 99).toFixed(0)} ms, max ${a[a.length - 1].toFixed(0)} ms (${a.length} replies)` : 'none');
  figure('reply after acknowledgement, messages acknowledged while Redis was down', ms(lagDuring));
  figure('reply after acknowledgement, all messages', ms(lagAll));
  check(`every /帮助 was replied to within the outage plus ${REPLY_MARGIN_MS / 1000} s of its acknowledgement`,
    lagAll.length === items.filter((it) => it.kind === 'help').length && lagAll[lagAll.length - 1] <= opts.outage * 1000 + REPLY_MARGIN_MS,
    ms(lagAll));
  const cardsDuring = c.fake.records.sends.filter((r) => r.body?.msgtype === 'template_card' && performance.timeOrigin + r.t >= killAt && performance.timeOrigin + r.t <= upAt).length;
  figure('cards delivered while Redis was down', cardsDuring);
  const unknownToken = c.fake.records.sends.filter((r) => !r.tokenKnown).length;
  figure('access tokens issued by the fake (gettoken calls)', c.fake.records.tokens.length);
  check('every message/send carried an access token the fake issued', !unknownToken, `${unknownToken} sends with an unknown token`);

  // Redisson reconnected: the instance wrote to the empty Redis again, and said so
  const tokenKeys = redisCli(rd.conn, '--scan', '--pattern', `sanshe:wecom*${c.creds.corpId}*`).split('\n').filter(Boolean).length;
  const rateKeys = redisCli(rd.conn, '--scan', '--pattern', 'sanshe:rate:*').split('\n').filter(Boolean).length;
  figure('keys in the restarted Redis after the run: access token / rate counters', `${tokenKeys} / ${rateKeys}`);
  const logAll = c.instances.map((inst) => fs.readFileSync(inst.logFile, 'utf8'));
  const backLimits = logAll.map((t) => t.includes('Redis back: rate limits are shared again'));
  check('Redisson reconnected by itself: after the outage the access token and rate counters are written to Redis again, and "Redis back" is logged',
    tokenKeys > 0 && rateKeys > 0 && backLimits.every(Boolean), `token keys ${tokenKeys}, rate keys ${rateKeys}, "Redis back" logged: ${backLimits.join('/')}`);

  const outageLines = c.instances.map((inst, i) => linesBetween(inst.logFile, marks[0][i], marks[1][i]));
  const warns = outageLines.map((lines) => lines.filter((l) => / (WARN|ERROR) /.test(l)).length);
  const died = logAll.map((t) => (t.match(/Exception in thread/g) ?? []).length);
  figure('WARN/ERROR lines logged per instance during the outage', warns.join(' / '));
  check('no thread died (no "Exception in thread" in the logs)', died.every((n) => n === 0), `per instance: ${died.join('/')}`);
  check('the log was not flooded during the outage: at most 60 WARN/ERROR lines per instance for the whole outage',
    warns.every((n) => n <= 60), `per instance: ${warns.join('/')}`);

  figure('traffic', `${items.length} messages (${items.length - opts.crises} /帮助 in 16 groups, ${opts.crises} crises), ${queue.dupCount} second deliveries, paced at ${opts.rate}/s, ${opts.instances} instance(s)`);
  figure('outage', `Redis SIGKILL at +${((killAt - sendStart) / 1000).toFixed(1)} s, back (empty) at +${((upAt - sendStart) / 1000).toFixed(1)} s`);
  figure('settled after the first send', `${((st.settledAt - sendStart) / 1000).toFixed(1)} s`);
  figure('replies / escalations / cards / 无人接手 / timers fired', `${c.fake.records.aibot.length} / ${f.escalations} / ${f.cards} / ${f.flagged} / ${f.fired}`);
} catch (e) {
  if (e.message !== 'instances not healthy') check('harness', false, e.stack || String(e));
}

tailLogsOnFailure(report, c, 25);
if (c) await c.cleanup({ keepLogs: opts.keepLogs });
if (db) await db.destroy({ keep: opts.keepLogs });
if (rd) await rd.destroy({ keep: opts.keepLogs });
if (!opts.keepLogs) fs.rmSync(spoolRoot, { recursive: true, force: true });
report.finish();
