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
// Output: "ok - …" / "not ok - …" per check, "# …" figures, and the last line "N passed, M failed"; exit code 1 on a
// failure. Not in scripts/test.sh (it takes about 75 seconds); for scripts/prove.sh (not written yet).

import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFake } from './fake-wecom.mjs';
import {
  request, makeCallbacks, botText, replyText, randomHex, genCredentials, launchApp, stopApp, waitHealthy,
  tailFile, sleep, safeJson,
} from './harness.mjs';
import { talker, expectHas } from './suite.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const INSTANCES = 3;
const ACK_TIMEOUT_MS = 2_000;
const POLL_MS = 300;
const ROUNDS = 2; // the packaged bot.escalation.rounds
const LEVELS = 2; // the social worker, then admin01
const ADMIN = 'admin01'; // harness.launchApp sets BOT_ADMINS=admin01
const BOT = '@三社助手';
const START_TIMEOUT_MS = 240_000; // three JVMs starting at once on two cores
const SEND_BUDGET_MS = 60_000;
const SETTLE_MS = 120_000; // replies, chains and deliveries after the last send
const OVERDUE_MARGIN_MS = 5_000;

const MYSQL = {
  host: process.env.SANSHE_IT_MYSQL_HOST ?? '127.0.0.1',
  port: process.env.SANSHE_IT_MYSQL_PORT ?? '3306',
  user: process.env.SANSHE_IT_MYSQL_USER ?? 'root',
  password: process.env.SANSHE_IT_MYSQL_PASSWORD ?? '',
};
const REDIS = { host: process.env.SANSHE_IT_REDIS_HOST ?? '127.0.0.1', port: process.env.SANSHE_IT_REDIS_PORT ?? '6379' };

function parseArgs(argv) {
  const o = {
    jar: path.join(REPO, 'bot-app/target/bot-app.jar'), messages: 1500, crises: 60, dupRate: 0.3, chats: 32,
    inFlight: 8, keepLogs: false, keepDb: false,
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
    else if (a === '-h' || a === '--help') {
      console.log('usage: instances.mjs [--jar PATH] [--messages N] [--crises N] [--dup-rate F] [--chats N] [--in-flight N] [--keep-logs] [--keep-db]');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  return o;
}

// ---------------------------------------------------------------- MariaDB and Redis through their CLIs

function mysql(sql, db = null) {
  const args = ['-h', MYSQL.host, '-P', String(MYSQL.port), '-u', MYSQL.user, '-N', '-B', '-e', sql];
  if (db) args.push(db);
  return execFileSync('mysql', args, {
    encoding: 'utf8', env: { ...process.env, MYSQL_PWD: MYSQL.password }, stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}
const rows = (out) => (out ? out.split('\n').map((l) => l.split('\t')) : []);
const num = (out) => Number(out || 0);

function redisDeleteMatching(pattern) {
  const cli = (...a) => execFileSync('redis-cli', ['-h', REDIS.host, '-p', String(REDIS.port), ...a], { encoding: 'utf8' });
  const keys = cli('--scan', '--pattern', pattern).split('\n').filter(Boolean);
  for (let i = 0; i < keys.length; i += 500) cli('UNLINK', ...keys.slice(i, i + 500));
  return keys.length;
}

// ---------------------------------------------------------------- helpers

function shuffle(a) {
  for (let i = a.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
const taskIdOf = (rec) => String(rec.body?.template_card?.task_id ?? '');
function numberOf(rec) {
  const m = /^esc_(\d+)_/.exec(taskIdOf(rec));
  return m ? Number(m[1]) : null;
}

async function metric(baseUrl, name, tag) {
  try {
    const q = tag ? `?tag=${encodeURIComponent(tag)}` : '';
    const r = await request({ method: 'GET', url: `${baseUrl}/actuator/metrics/${name}${q}`, timeoutMs: 5000 });
    if (r.status !== 200) return 0;
    return safeJson(r.body)?.measurements?.find((m) => m.statistic === 'COUNT')?.value ?? 0;
  } catch {
    return 0;
  }
}

// ---------------------------------------------------------------- main

const opts = parseArgs(process.argv.slice(2));
const runId = randomHex(3);
const t0 = Date.now();
const note = (what) => console.log(`# ${((Date.now() - t0) / 1000).toFixed(1)} s: ${what}`);
const results = [];
const check = (name, ok, reason = '') => {
  results.push({ name, ok });
  console.log(ok ? `ok - ${name}` : `not ok - ${name}: ${reason}`);
};
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wecom-multi-'));
const db = `sanshe_multi_${randomHex(4)}`;
const creds = genCredentials(); // the same for all three, as behind one load balancer
const dataKey = crypto.randomBytes(32).toString('base64');
const apps = [];
let fake = null;
let dbCreated = false;

try {
  mysql(`CREATE DATABASE ${db} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  dbCreated = true;
  const jdbcUrl = `jdbc:mysql://${MYSQL.host}:${MYSQL.port}/${db}?useSSL=false&allowPublicKeyRetrieval=true&characterEncoding=utf8`;
  fake = await startFake();
  const appArgs = [
    `--bot.escalation.ack-timeout=PT${ACK_TIMEOUT_MS / 1000}S`,
    `--bot.escalation.timer-poll=PT${POLL_MS / 1000}S`,
    '--bot.escalation.coalesce-window=PT0S',
    // one member sends one /帮助, but admin01 gets 2 cards and a text per crisis: WeCom's 30 a minute is not the subject
    '--bot.command-limit=100000',
    '--bot.pipeline.app-messages-per-minute=100000',
  ];
  const env = {
    SPRING_PROFILES_ACTIVE: 'prod',
    SPRING_DATASOURCE_URL: jdbcUrl,
    SPRING_DATASOURCE_USERNAME: MYSQL.user,
    SPRING_DATASOURCE_PASSWORD: MYSQL.password,
    SPRING_DATA_REDIS_HOST: REDIS.host,
    SPRING_DATA_REDIS_PORT: String(REDIS.port),
    BOT_STORAGE_DATA_KEY: dataKey,
  };
  // all three at once: Flyway's lock decides who migrates the fresh database
  for (let i = 0; i < INSTANCES; i++) {
    const tmpDir = path.join(tmp, `app${i + 1}`);
    fs.mkdirSync(tmpDir, { recursive: true });
    apps.push(await launchApp({
      jar: opts.jar, fakeBaseUrl: fake.baseUrl, tmpDir, creds, env, args: appArgs, jvmArgs: ['-Xmx512m'],
    }));
  }
  const health = await Promise.all(apps.map((a) => waitHealthy(a.baseUrl, START_TIMEOUT_MS, a.app)));
  note(`instances on ${apps.map((a) => a.baseUrl.split(':').pop()).join(', ')}`);
  const down = health.map((h, i) => (h.ok ? null : `instance ${i + 1}: ${h.reason}`)).filter(Boolean);
  check('three instances start in the prod profile on one fresh database and report health UP', !down.length, down.join('; '));
  if (down.length) throw new Error('instances not healthy');

  // ------------------------------------------------------------ setup, by command through instance 1
  const chat = `wrMulti${runId}`;
  const groupName = `多实例测试群${runId}`;
  const worker = `sw${runId}`;
  const say = talker({ creds, baseUrl: apps[0].baseUrl, fake, runId });
  let setupOk = true;
  try {
    expectHas(await say.inGroup(chat, ADMIN, `${BOT} /绑定群 聚焦服务群 ${groupName}`), `已将本群登记为「${groupName}」`, '/绑定群');
    expectHas(await say.inGroup(chat, ADMIN, `${BOT} /角色 授予 账号:${worker} 社工`), '已授予', '/角色 授予');
  } catch (e) {
    setupOk = false;
    check('setup: admin01 binds a 聚焦服务群 and grants a social worker 社工, by command through instance 1', false, e.message);
  }
  if (setupOk) check('setup: admin01 binds a 聚焦服务群 and grants a social worker 社工, by command through instance 1', true);
  // each instance caches group and role lookups for bot.storage.directory-cache (5 s): let the setup show everywhere
  await sleep(6_000);

  // ------------------------------------------------------------ traffic
  const items = [];
  for (let i = 0; i < opts.messages; i++) {
    items.push({ kind: 'help', chat: `wrHelp${runId}_${i % opts.chats}`, from: `m${runId}_${i}`, content: `${BOT} /帮助` });
  }
  for (let i = 0; i < opts.crises; i++) {
    items.push({ kind: 'crisis', chat, from: `res${runId}_${i}`, content: `${BOT} 我不想活了` });
  }
  shuffle(items);
  items.forEach((it, i) => {
    it.msgid = `mi${runId}_${i}`;
    it.code = `rcm_${runId}_${i}_${randomHex(3)}`; // not rc_…: the setup's talker uses that
    it.primary = i % INSTANCES;
  });
  // the first delivery of every message in order, round-robin; a retry goes to a different instance, a little later
  // (0–40 deliveries behind the first, so some race it while it is still in flight and some come after it is stored)
  const dupCount = Math.round(items.length * opts.dupRate);
  const dupOf = new Set(shuffle(items.map((_, i) => i)).slice(0, dupCount));
  const queue = items.map((it) => ({ it, to: it.primary, retry: false }));
  for (const i of [...dupOf].sort((a, b) => b - a)) {
    const it = items[i];
    const to = (it.primary + 1 + crypto.randomInt(INSTANCES - 1)) % INSTANCES;
    const at = Math.min(queue.length, queue.findIndex((d) => d.it === it) + 1 + crypto.randomInt(40));
    queue.splice(at, 0, { it, to, retry: true });
  }
  const cb = makeCallbacks(creds);
  const perInstance = Array(INSTANCES).fill(0);
  const bad = [];
  let sent = 0;
  let next = 0;
  const sendStart = Date.now();
  const deadline = sendStart + SEND_BUDGET_MS;
  async function worker_() {
    while (next < queue.length && Date.now() < deadline) {
      const d = queue[next++];
      const responseUrl = `${fake.baseUrl}/cgi-bin/aibot/response?response_code=${encodeURIComponent(d.it.code)}`;
      // built per delivery: fresh timestamp, nonce, random and signature over the same plaintext
      const c = cb.botPost(botText({ msgid: d.it.msgid, chatid: d.it.chat, from: d.it.from, content: d.it.content, responseUrl }));
      try {
        const r = await request({ ...c, url: apps[d.to].baseUrl + c.path, timeoutMs: 10_000 });
        if (r.status !== 200) bad.push(`${d.it.msgid}→${d.to + 1}: HTTP ${r.status}`);
      } catch (e) {
        bad.push(`${d.it.msgid}→${d.to + 1}: ${e.code || e.message}`);
      }
      perInstance[d.to]++;
      sent++;
    }
  }
  await Promise.all(Array.from({ length: opts.inFlight }, worker_));
  const sendMs = Date.now() - sendStart;
  note(`sent ${sent} callbacks (${items.length} messages, ${dupCount} second deliveries) in ${(sendMs / 1000).toFixed(1)} s; per instance ${perInstance.join(' / ')}`);
  check(`every callback delivered within ${SEND_BUDGET_MS / 1000} s and answered HTTP 200 (first and second deliveries)`,
    sent === queue.length && !bad.length, `${queue.length - sent} not sent; ${bad.length} refused: ${bad.slice(0, 5).join(', ')}`);

  // ------------------------------------------------------------ settling
  const helps = items.filter((it) => it.kind === 'help');
  const crises = items.filter((it) => it.kind === 'crisis');
  const settleEnd = Date.now() + SETTLE_MS;
  await fake.waitFor(() => helps.every((it) => fake.aibotByCode.has(it.code)), settleEnd - Date.now(), 200);
  const repliesAt = Date.now();
  // every chain has run: flagged 无人接手 once its last ack timer fired
  while (Date.now() < settleEnd) {
    const open = num(mysql("SELECT COUNT(*) FROM escalation WHERE state <> 'UNACKNOWLEDGED'", db));
    const total = num(mysql('SELECT COUNT(*) FROM escalation', db));
    if (total >= crises.length && open === 0) break;
    await sleep(500);
  }
  // and everything decided and sent
  while (Date.now() < settleEnd) {
    const busy = num(mysql("SELECT (SELECT COUNT(*) FROM inbox WHERE status = 'NEW') + (SELECT COUNT(*) FROM outbox WHERE status IN ('PENDING','SENDING')) + (SELECT COUNT(*) FROM timer WHERE status = 'PENDING')", db));
    if (busy === 0) break;
    await sleep(500);
  }
  await sleep(2 * ACK_TIMEOUT_MS); // anything late (a double) would show now
  const settledMs = Date.now() - sendStart;
  note(`settled ${(settledMs / 1000).toFixed(1)} s after the first send`);

  // ------------------------------------------------------------ checks
  // replies
  const missing = helps.filter((it) => !fake.aibotByCode.has(it.code));
  const wrongText = helps.filter((it) => fake.aibotByCode.has(it.code) && !replyText(fake.aibotByCode.get(it.code).body).includes('/'));
  const knownCodes = new Set(items.map((it) => it.code));
  const strayReplies = fake.records.aibot.filter((r) => r.responseCode.startsWith(`rcm_${runId}_`) && !knownCodes.has(r.responseCode));
  const crisisReplies = crises.filter((it) => fake.aibotByCode.has(it.code));
  check(`every /帮助 got exactly one POST to its response_url within ${SETTLE_MS / 1000} s of the last send (none missing, no duplicate)`,
    !missing.length && !fake.records.duplicates.length && !wrongText.length && !strayReplies.length,
    `${missing.length} missing, ${fake.records.duplicates.length} duplicate POSTs, ${wrongText.length} without a command list, ${strayReplies.length} to unknown codes`);
  check('no crisis was answered in the group', !crisisReplies.length, `${crisisReplies.length} crisis messages got a response_url POST`);

  // escalations and cards
  const escRows = rows(mysql('SELECT id, subject, state FROM escalation ORDER BY id', db));
  const escIds = escRows.map((r) => Number(r[0]));
  const subjects = new Set(escRows.map((r) => r[1]));
  check('every crisis opened exactly one escalation',
    escRows.length === crises.length && subjects.size === crises.length,
    `${escRows.length} escalation rows for ${subjects.size} subjects, want ${crises.length} each`);
  const cards = fake.records.sends.filter((r) => r.body?.msgtype === 'template_card');
  const cardsByEsc = new Map(escIds.map((n) => [n, { sw: 0, admin: 0, other: 0 }]));
  let strayCards = 0;
  for (const r of cards) {
    const c = cardsByEsc.get(numberOf(r));
    if (!c) { strayCards++; continue; }
    const to = String(r.body.touser);
    if (to === worker) c.sw++; else if (to === ADMIN) c.admin++; else c.other++;
  }
  const wrongChains = [...cardsByEsc].filter(([, c]) => c.sw !== ROUNDS || c.admin !== ROUNDS || c.other);
  check(`every escalation's chain ran once: ${ROUNDS} cards to the social worker (the first level: the first card of each), ${ROUNDS} to admin01, nothing doubled`,
    !wrongChains.length && !strayCards,
    `${wrongChains.length} escalations with other counts, e.g. ${wrongChains.slice(0, 3).map(([n, c]) => `#${n}: ${c.sw}/${c.admin}/${c.other}`).join(', ')}; ${strayCards} cards for no escalation`);
  // the task id esc_<n>_<decided at>_<i> says when each card was decided: the earliest of each goes to the first level
  const decidedAt = (r) => Number(taskIdOf(r).split('_')[2]);
  const firstCardsToWorker = escIds.filter((n) => {
    const mine = cards.filter((r) => numberOf(r) === n).sort((a, b) => decidedAt(a) - decidedAt(b));
    return mine.length && String(mine[0].body.touser) === worker;
  }).length;
  // how long after its decision each card reached the fake (fake times are performance.now() of this process)
  const lags = cards.map((r) => performance.timeOrigin + r.t - decidedAt(r)).sort((a, b) => a - b);
  const arrivedOutOfOrder = escIds.filter((n) => {
    const mine = cards.filter((r) => numberOf(r) === n);
    return mine.some((r, i) => i > 0 && decidedAt(r) < decidedAt(mine[i - 1]));
  }).length;
  note(`card delivery after decision: median ${lags[lags.length >> 1]?.toFixed(0)} ms, max ${lags[lags.length - 1]?.toFixed(0)} ms; escalations whose cards reached WeCom out of decision order: ${arrivedOutOfOrder}`);
  const flagged = fake.sendsTo(ADMIN).filter((r) => r.body?.msgtype === 'text' && replyText(r.body).includes('无人接手'));
  const flaggedBy = new Map();
  for (const r of flagged) {
    for (const m of replyText(r.body).matchAll(/#(\d+)/g)) flaggedBy.set(Number(m[1]), (flaggedBy.get(Number(m[1])) ?? 0) + 1);
  }
  const flaggedWrong = escIds.filter((n) => flaggedBy.get(n) !== 1);
  const stateWrong = escRows.filter((r) => r[2] !== 'UNACKNOWLEDGED');
  check('every escalation ends 无人接手, told to admin01 exactly once, and was first decided for the social worker',
    !flaggedWrong.length && !stateWrong.length && firstCardsToWorker === escIds.length,
    `${flaggedWrong.length} not told exactly once (e.g. ${flaggedWrong.slice(0, 3).map((n) => `#${n}×${flaggedBy.get(n) ?? 0}`).join(', ')}); ${stateWrong.length} in another state; ${escIds.length - firstCardsToWorker} whose first card was not to the social worker`);

  // timers
  const now = Date.now();
  const fired = num(mysql("SELECT COUNT(*) FROM timer WHERE status = 'FIRED'", db));
  const timerKinds = rows(mysql("SELECT timer, status, COUNT(*) FROM timer GROUP BY timer, status ORDER BY timer, status", db));
  const timerInbox = num(mysql("SELECT COUNT(*) FROM inbox WHERE dedup_key LIKE 'timer:%'", db));
  const timerInboxDistinct = num(mysql("SELECT COUNT(DISTINCT dedup_key) FROM inbox WHERE dedup_key LIKE 'timer:%'", db));
  const orphanInbox = num(mysql("SELECT COUNT(*) FROM inbox i LEFT JOIN timer t ON i.dedup_key = CONCAT('timer:', t.id) WHERE i.dedup_key LIKE 'timer:%' AND (t.id IS NULL OR t.status <> 'FIRED')", db));
  const firedNotInInbox = num(mysql("SELECT COUNT(*) FROM timer t LEFT JOIN inbox i ON i.dedup_key = CONCAT('timer:', t.id) WHERE t.status = 'FIRED' AND i.id IS NULL", db));
  const overdue = num(mysql(`SELECT COUNT(*) FROM timer WHERE status = 'PENDING' AND due_at < ${now - OVERDUE_MARGIN_MS}`, db));
  const ackFired = num(mysql("SELECT COUNT(*) FROM timer WHERE timer = 'escalation-ack' AND status = 'FIRED'", db));
  const wantAck = crises.length * ROUNDS * LEVELS;
  check('every timer fired exactly once: FIRED timers = distinct timer:<id> inbox rows, each id once, none left past due',
    fired === timerInbox && timerInbox === timerInboxDistinct && !orphanInbox && !firedNotInInbox && !overdue,
    `${fired} FIRED, ${timerInbox} timer inbox rows (${timerInboxDistinct} distinct), ${orphanInbox} inbox rows without a FIRED timer, ${firedNotInInbox} FIRED without an inbox row, ${overdue} PENDING more than ${OVERDUE_MARGIN_MS / 1000} s past due`);
  check(`the escalation timers are what the chains prescribe: ${ROUNDS} rounds × ${LEVELS} levels × ${crises.length} = ${wantAck} ack timeouts fired`,
    ackFired === wantAck, `${ackFired} escalation-ack timers fired; timers: ${timerKinds.map((r) => r.join(' ')).join('; ')}`);

  // inbox and outbox
  const inboxByStatus = rows(mysql('SELECT status, COUNT(*) FROM inbox GROUP BY status', db));
  const inboxFailed = num(mysql("SELECT COUNT(*) FROM inbox WHERE status <> 'DONE'", db));
  const ourKeys = num(mysql(`SELECT COUNT(*) FROM inbox WHERE dedup_key LIKE 'aibot:mi${runId}\\_%'`, db));
  const doubleKeys = num(mysql('SELECT COUNT(*) FROM (SELECT dedup_key FROM inbox GROUP BY dedup_key HAVING COUNT(*) > 1) d', db));
  check('inbox: every callback stored once under its dedup key (second deliveries dropped), every row DONE, none FAILED',
    ourKeys === items.length && !doubleKeys && !inboxFailed,
    `${ourKeys} rows for ${items.length} messages, ${doubleKeys} keys stored twice, ${inboxFailed} rows not DONE (${inboxByStatus.map((r) => r.join(' ')).join(', ')})`);
  const outboxByStatus = rows(mysql('SELECT kind, status, COUNT(*) FROM outbox GROUP BY kind, status ORDER BY kind, status', db));
  const outboxNotSent = num(mysql("SELECT COUNT(*) FROM outbox WHERE status <> 'SENT'", db));
  check('outbox: every message SENT, none FAILED', !outboxNotSent, outboxByStatus.map((r) => r.join(' ')).join('; '));
  const unk = fake.records.unknown.map((u) => `${u.method} ${u.path}`);
  check('no unknown API calls at the fake WeCom', !unk.length, unk.slice(0, 5).join(', '));

  // all three did work
  const decided = await Promise.all(apps.map((a) => metric(a.baseUrl, 'bot.dispatch.events', 'outcome:decided')));
  const delivered = await Promise.all(apps.map((a) => metric(a.baseUrl, 'bot.delivery', 'outcome:sent')));
  const leases = rows(mysql(`SELECT owner, COUNT(*) FROM dispatch_lease WHERE owner IS NOT NULL AND lease_until >= ${Date.now()} GROUP BY owner ORDER BY owner`, db));
  note(`events decided per instance: ${decided.join(' / ')}; messages delivered per instance: ${delivered.join(' / ')}; partitions held: ${leases.map((r) => r[1]).join(' / ')} (${leases.length} owners)`);
  check('all three instances did work: each decided events and delivered messages, and the partitions are spread over three owners',
    decided.every((n) => n > 0) && delivered.every((n) => n > 0) && leases.length === INSTANCES,
    `decided ${decided.join('/')}, delivered ${delivered.join('/')}, ${leases.length} lease owners`);
  const decidedTotal = decided.reduce((a, b) => a + b, 0);
  check('the instances together decided each stored event once (sum of bot.dispatch.events = inbox rows)',
    decidedTotal === num(mysql('SELECT COUNT(*) FROM inbox', db)),
    `decided ${decidedTotal}, inbox rows ${mysql('SELECT COUNT(*) FROM inbox', db)}`);

  // figures
  console.log(`# messages: ${items.length} (${helps.length} /帮助 in ${opts.chats} groups, ${crises.length} crises), callbacks sent: ${sent}, second deliveries: ${dupCount} (${(100 * dupCount / items.length).toFixed(0)}%), in flight: ${opts.inFlight}`);
  console.log(`# sending: ${(sendMs / 1000).toFixed(1)} s (${(sent / (sendMs / 1000)).toFixed(0)} callbacks/s); all replies ${((repliesAt - sendStart) / 1000).toFixed(1)} s after the first send; settled after ${(settledMs / 1000).toFixed(1)} s`);
  console.log(`# replies: ${fake.records.aibot.length} response_url POSTs (${fake.records.duplicates.length} duplicates); escalations: ${escRows.length}; cards: ${cards.length}; 无人接手 texts: ${flagged.length}`);
  console.log(`# timers fired: ${fired} (${timerKinds.map((r) => r.join(' ')).join('; ')}); inbox: ${inboxByStatus.map((r) => r.join(' ')).join(', ')}; outbox: ${outboxByStatus.map((r) => r.join(' ')).join('; ')}`);
} catch (e) {
  if (e.message !== 'instances not healthy') check('harness', false, e.stack || String(e));
}

await Promise.all(apps.map((a) => stopApp(a.app)));
if (fake) await fake.close();
if (results.some((r) => !r.ok)) {
  for (const [i, a] of apps.entries()) {
    console.log(`# last 20 lines of instance ${i + 1}'s log:`);
    console.log(tailFile(a.logFile, 20).split('\n').map((l) => `#   ${l}`).join('\n'));
  }
}
if (dbCreated && !opts.keepDb) {
  try { mysql(`DROP DATABASE IF EXISTS ${db}`); } catch (e) { console.log(`# could not drop ${db}: ${e.message}`); }
} else if (dbCreated) console.log(`# database kept: ${db}`);
try {
  const n = redisDeleteMatching(`sanshe:wecom*${creds.corpId}*`);
  note(`deleted ${n} Redis keys of this run`);
} catch (e) {
  console.log(`# Redis keys of this run not deleted: ${e.message}`);
}
if (opts.keepLogs) console.log(`# logs kept in ${tmp}`);
else fs.rmSync(tmp, { recursive: true, force: true });
note('done');
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
