// Several prod instances of the jar on one fresh MariaDB database and Redis, for instances.mjs and the fault scripts
// (scripts/faults/): starting, stopping and killing instances by index, the mysql/redis-cli helpers, AI-bot traffic
// (round-robin with second deliveries, paced or flat out, routed per delivery so it can run while a fault is going
// on), the settle loop, the exactly-once checks over the fake WeCom's records and the inbox/outbox/timer tables, a
// reporter ("ok - …", "# …", RESULT line, --md-out fragment) and the cleanup of the run's database and Redis keys.
//
// Connections: MariaDB/MySQL and Redis default to SANSHE_IT_MYSQL_HOST/PORT/USER/PASSWORD and SANSHE_IT_REDIS_HOST/PORT
// (127.0.0.1:3306 root without password, 127.0.0.1:6379), as in RealServices; startCluster({mysql, redis}) overrides
// them (e.g. a private mariadbd or redis-server on another port). The mysql and redis-cli programs must be on PATH.
//
//   const c = await startCluster({ jar, instances: 3, dbPrefix: 'sanshe_fault_', appArgs: [...] });
//   await c.waitAllHealthy(240_000);            // [{ok, reason}] per instance
//   c.sql('SELECT …')  c.rows('…')  c.num('…')  // against the run's database
//   c.kill(1)  c.stop(1)  c.start(1)  c.waitHealthy(1, ms)  c.alive(1)
//   await c.cleanup({ keepDb, keepLogs });      // stops all, closes the fake, drops the database, deletes Redis keys

import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFake } from './fake-wecom.mjs';
import {
  request, makeCallbacks, botText, replyText, randomHex, genCredentials, credsToEnv, freePort, startApp, stopApp,
  waitHealthy, tailFile, sleep, safeJson,
} from './harness.mjs';
import { talker, expectHas } from './suite.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_JAR = path.join(REPO, 'bot-app/target/bot-app.jar');
export const ADMIN = 'admin01'; // BOT_ADMINS
export const BOT = '@三社助手';

export const defaultMysql = () => ({
  host: process.env.SANSHE_IT_MYSQL_HOST ?? '127.0.0.1',
  port: String(process.env.SANSHE_IT_MYSQL_PORT ?? '3306'),
  user: process.env.SANSHE_IT_MYSQL_USER ?? 'root',
  password: process.env.SANSHE_IT_MYSQL_PASSWORD ?? '',
});
export const defaultRedis = () => ({
  host: process.env.SANSHE_IT_REDIS_HOST ?? '127.0.0.1',
  port: String(process.env.SANSHE_IT_REDIS_PORT ?? '6379'),
});

// ---------------------------------------------------------------- MariaDB and Redis through their CLIs

/** Runs SQL through the mysql CLI (tab-separated, no headers); db = null for server-level statements. */
export function mysqlQuery(conn, sql, db = null, timeoutMs = 30_000) {
  const args = ['-h', conn.host, '-P', String(conn.port), '-u', conn.user, '-N', '-B', '--connect-timeout=5', '-e', sql];
  if (db) args.push(db);
  return execFileSync('mysql', args, {
    encoding: 'utf8', env: { ...process.env, MYSQL_PWD: conn.password ?? '' }, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs,
  }).trim();
}
export const rowsOf = (out) => (out ? out.split('\n').map((l) => l.split('\t')) : []);
export const numOf = (out) => Number(out || 0);

export function redisCli(conn, ...args) {
  return execFileSync('redis-cli', ['-h', conn.host, '-p', String(conn.port), ...args], { encoding: 'utf8', timeout: 30_000 });
}

/** Deletes the keys matching pattern (SCAN + UNLINK, never FLUSH*); returns how many. */
export function redisDeleteMatching(conn, pattern) {
  const keys = redisCli(conn, '--scan', '--pattern', pattern).split('\n').filter(Boolean);
  for (let i = 0; i < keys.length; i += 500) redisCli(conn, 'UNLINK', ...keys.slice(i, i + 500));
  return keys.length;
}

// ---------------------------------------------------------------- small helpers

export function shuffle(a) {
  for (let i = a.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** COUNT of a Micrometer meter (optionally one tag "k:v") at an instance, 0 when absent or unreachable. */
export async function metric(baseUrl, name, tag) {
  try {
    const q = tag ? `?tag=${encodeURIComponent(tag)}` : '';
    const r = await request({ method: 'GET', url: `${baseUrl}/actuator/metrics/${name}${q}`, timeoutMs: 5000 });
    if (r.status !== 200) return 0;
    return safeJson(r.body)?.measurements?.find((m) => m.statistic === 'COUNT')?.value ?? 0;
  } catch {
    return 0;
  }
}

// ---------------------------------------------------------------- the cluster

/**
 * Creates the database <dbPrefix><hex>, starts a fake WeCom (unless one is given) and `instances` starts of the jar in
 * the prod profile against it, all with the same credentials (as behind one load balancer), each on its own port,
 * which it keeps across stop/start. Does not wait for health: call waitAllHealthy().
 *
 * appArgs / env / jvmArgs apply to every instance; perInstance(i) may return {args, env, jvmArgs} added for instance i
 * (0-based), and start(i, {args, env, jvmArgs}) adds more for that start only.
 */
export async function startCluster({
  jar = DEFAULT_JAR, instances = 3, dbPrefix = 'sanshe_multi_', mysql = {}, redis = {}, appArgs = [], env = {},
  jvmArgs = ['-Xmx512m'], perInstance = () => ({}), fake = null, tmpPrefix = 'wecom-cluster-', creds = genCredentials(),
} = {}) {
  const my = { ...defaultMysql(), ...mysql };
  const rd = { ...defaultRedis(), ...redis };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), tmpPrefix));
  const db = `${dbPrefix}${randomHex(4)}`;
  const dataKey = crypto.randomBytes(32).toString('base64');
  const ownFake = !fake;
  const c = {
    db, creds, tmp, mysqlConn: my, redisConn: rd, fake: null, instances: [], dbCreated: false,
    sql: (s, timeoutMs) => mysqlQuery(my, s, db, timeoutMs),
    rows: (s) => rowsOf(mysqlQuery(my, s, db)),
    num: (s) => numOf(mysqlQuery(my, s, db)),
  };
  mysqlQuery(my, `CREATE DATABASE ${db} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  c.dbCreated = true;
  c.fake = fake ?? await startFake();
  const jdbcUrl = `jdbc:mysql://${my.host}:${my.port}/${db}?useSSL=false&allowPublicKeyRetrieval=true&characterEncoding=utf8`;
  const baseEnv = {
    ...credsToEnv(creds),
    BOT_ADMINS: ADMIN,
    SPRING_PROFILES_ACTIVE: 'prod',
    SPRING_DATASOURCE_URL: jdbcUrl,
    SPRING_DATASOURCE_USERNAME: my.user,
    SPRING_DATASOURCE_PASSWORD: my.password ?? '',
    SPRING_DATA_REDIS_HOST: rd.host,
    SPRING_DATA_REDIS_PORT: String(rd.port),
    BOT_STORAGE_DATA_KEY: dataKey,
    ...env,
  };

  for (let i = 0; i < instances; i++) {
    const dir = path.join(tmp, `app${i + 1}`);
    fs.mkdirSync(dir, { recursive: true });
    const port = await freePort();
    c.instances.push({ index: i, port, baseUrl: `http://127.0.0.1:${port}`, logFile: path.join(dir, 'app.log'), app: null, starts: 0 });
  }

  /** Starts instance i (0-based) on its port; extra {args, env, jvmArgs} for this start only. */
  c.start = (i, extra = {}) => {
    const inst = c.instances[i];
    if (inst.app && inst.app.child.exitInfo === null) throw new Error(`instance ${i + 1} is running`);
    const per = perInstance(i) ?? {};
    fs.appendFileSync(inst.logFile, `\n===== start ${++inst.starts} of instance ${i + 1} =====\n`);
    inst.app = startApp({
      jar,
      logFile: inst.logFile,
      jvmArgs: [...jvmArgs, ...(per.jvmArgs ?? []), ...(extra.jvmArgs ?? [])],
      env: { ...baseEnv, ...(per.env ?? {}), ...(extra.env ?? {}) },
      args: [`--server.port=${inst.port}`, `--bot.wecom.api-base-url=${c.fake.baseUrl}`, ...appArgs, ...(per.args ?? []), ...(extra.args ?? [])],
    });
    inst.pid = inst.app.child.pid; // the JVM itself: startApp spawns java directly
    inst.startedAt = Date.now();
    return inst;
  };
  c.alive = (i) => !!c.instances[i].app && c.instances[i].app.child.exitInfo === null;
  /** SIGTERM (graceful shutdown), SIGKILL after graceMs. */
  c.stop = async (i, graceMs = 15_000) => { await stopApp(c.instances[i].app, graceMs); };
  /** Sends signal (default SIGKILL) to the JVM's pid and waits until it is gone; resolves to the time it was sent. */
  c.kill = async (i, signal = 'SIGKILL') => {
    const inst = c.instances[i];
    if (!c.alive(i)) throw new Error(`instance ${i + 1} is not running`);
    const at = Date.now();
    process.kill(inst.pid, signal);
    await inst.app.exited;
    inst.killedAt = at;
    return at;
  };
  c.waitHealthy = (i, timeoutMs) => waitHealthy(c.instances[i].baseUrl, timeoutMs, c.instances[i].app);
    c.waitAllHealthy = (timeoutMs) => Promise.all(c.instances.map((_, i) => c.waitHealthy(i, timeoutMs)));
  /** Waits for every instance's health UP as one check named `what`; throws 'instances not healthy' when one is not. */
  c.checkAllHealthy = async (check, what, timeoutMs) => {
    const health = await c.waitAllHealthy(timeoutMs);
    const down = health.map((h, i) => (h.ok ? null : `instance ${i + 1}: ${h.reason}`)).filter(Boolean);
    check(what, !down.length, down.join('; '));
    if (down.length) throw new Error('instances not healthy');
  };
  c.metric = (i, name, tag) => metric(c.instances[i].baseUrl, name, tag);
  c.tail = (i, n = 20) => tailFile(c.instances[i].logFile, n);

  /** Stops every instance, closes the fake (if started here), drops the database, deletes the run's Redis keys. */
  c.cleanup = async ({ keepDb = false, keepLogs = false, log = (s) => console.log(`# ${s}`) } = {}) => {
    await Promise.all(c.instances.map((inst) => stopApp(inst.app)));
    if (ownFake && c.fake) await c.fake.close();
    if (c.dbCreated && !keepDb) {
      try { mysqlQuery(my, `DROP DATABASE IF EXISTS ${db}`); } catch (e) { log(`could not drop ${db}: ${e.message}`); }
    } else if (c.dbCreated) log(`database kept: ${db}`);
    try {
      const n = redisDeleteMatching(rd, `sanshe:wecom*${creds.corpId}*`);
      log(`deleted ${n} Redis keys of this run`);
    } catch (e) {
      log(`Redis keys of this run not deleted: ${e.message}`);
    }
    if (keepLogs) log(`logs kept in ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
  };

  for (let i = 0; i < instances; i++) c.start(i); // all at once: Flyway's lock decides who migrates
  return c;
}

// ---------------------------------------------------------------- setup of the crisis group

/**
 * admin01 binds `chat` as a 聚焦服务群 and grants `worker` 社工, by command through instance `via`; throws on failure.
 * Waits out bot.storage.directory-cache (5 s) so every instance sees it.
 */
export async function setupCrisisGroup(c, { runId, chat, groupName, worker, via = 0, cacheWaitMs = 6_000 }) {
  const say = talker({ creds: c.creds, baseUrl: c.instances[via].baseUrl, fake: c.fake, runId });
  expectHas(await say.inGroup(chat, ADMIN, `${BOT} /绑定群 聚焦服务群 ${groupName}`), `已将本群登记为「${groupName}」`, '/绑定群');
  expectHas(await say.inGroup(chat, ADMIN, `${BOT} /角色 授予 账号:${worker} 社工`), '已授予', '/角色 授予');
  await sleep(cacheWaitMs);
}

// ---------------------------------------------------------------- traffic

/**
 * The messages of a run: `messages` /帮助 from distinct members in `chats` unregistered groups, and `crises`
 * 我不想活了 from distinct residents in `crisisChat`, shuffled; each with msgid mi<runId>_<i> (or msgPrefix), its
 * response_url code (rcm_…) and a primary instance (round-robin over `instances`).
 */
export function makeItems({ runId, messages, crises, chats, crisisChat, instances, msgPrefix = `mi${runId}_`, codePrefix = `rcm_${runId}_` }) {
  const items = [];
  for (let i = 0; i < messages; i++) {
    items.push({ kind: 'help', chat: `wrHelp${runId}_${i % chats}`, from: `m${runId}_${msgPrefix}${i}`, content: `${BOT} /帮助` });
  }
  for (let i = 0; i < crises; i++) {
    items.push({ kind: 'crisis', chat: crisisChat, from: `res${runId}_${msgPrefix}${i}`, content: `${BOT} 我不想活了` });
  }
  shuffle(items);
  items.forEach((it, i) => {
    it.msgid = `${msgPrefix}${i}`;
    it.code = `${codePrefix}${i}_${randomHex(3)}`; // not rc_…: the setup's talker uses that
    it.primary = i % instances;
  });
  return items;
}

/**
 * The deliveries: the first of every message in order to its primary; for a share dupRate of them a second delivery
 * (same msgid, fresh timestamp, nonce and signature, as WeCom retries) to a different instance, 0–40 deliveries later
 * (so some race the first while it is in flight and some come after it is stored).
 */
export function makeQueue(items, { dupRate, instances }) {
  const dupCount = Math.round(items.length * dupRate);
  const dupOf = new Set(shuffle(items.map((_, i) => i)).slice(0, dupCount));
  const queue = items.map((it) => ({ it, to: it.primary, retry: false }));
  for (const i of [...dupOf].sort((a, b) => b - a)) {
    const it = items[i];
    const to = instances > 1 ? (it.primary + 1 + crypto.randomInt(instances - 1)) % instances : it.primary;
    const at = Math.min(queue.length, queue.findIndex((d) => d.it === it) + 1 + crypto.randomInt(40));
    queue.splice(at, 0, { it, to, retry: true });
  }
  queue.dupCount = dupCount;
  return queue;
}

/**
 * Sends the queue with `inFlight` concurrent senders until done or `budgetMs` is spent; ratePerSec (0 = flat out)
 * paces the starts. route(d) picks the instance for a delivery (default d.to; return -1 to skip it). Every attempt is
 * recorded in `log` as {msgid, to, retry, status | error, t, ms}; onFailure(d, entry) may return an instance index to
 * re-deliver the same message to (as WeCom does after no answer or a non-200), or -1; at most `redeliveries` times.
 * A stop() function on the returned promise's `control` ends the sending early.
 * Resolves {sent, attempts, bad, perInstance, log, ms, redelivered, skipped}.
 */
export function sendTraffic(c, queue, {
  inFlight = 8, budgetMs = 60_000, ratePerSec = 0, timeoutMs = 10_000, route = (d) => d.to, onFailure = () => -1,
  redeliveries = 3, control = {},
} = {}) {
  const cb = makeCallbacks(c.creds);
  const perInstance = Array(c.instances.length).fill(0);
  const log = [];
  const bad = [];
  let sent = 0;
  let next = 0;
  let redelivered = 0;
  let skipped = 0;
  let stopped = false;
  control.stop = () => { stopped = true; };
  const start = Date.now();
  const deadline = start + budgetMs;

  async function deliver(d, to) {
    const responseUrl = `${c.fake.baseUrl}/cgi-bin/aibot/response?response_code=${encodeURIComponent(d.it.code)}`;
    // built per delivery: fresh timestamp, nonce, random and signature over the same plaintext
    const p = cb.botPost(botText({ msgid: d.it.msgid, chatid: d.it.chat, from: d.it.from, content: d.it.content, responseUrl }));
    const entry = { msgid: d.it.msgid, to, retry: d.retry, t: Date.now() };
    try {
      const r = await request({ ...p, url: c.instances[to].baseUrl + p.path, timeoutMs });
      entry.status = r.status;
    } catch (e) {
      entry.error = e.code || e.message;
    }
    entry.ms = Date.now() - entry.t;
    log.push(entry);
    perInstance[to]++;
    return entry;
  }

  async function worker() {
    for (;;) {
      if (stopped || next >= queue.length || Date.now() >= deadline) return;
      const k = next++;
      if (ratePerSec > 0) {
        const due = start + (k * 1000) / ratePerSec;
        if (due > Date.now()) await sleep(due - Date.now());
      }
      const d = queue[k];
      let to = route(d);
      if (to < 0) { skipped++; continue; }
      let entry = await deliver(d, to);
      for (let n = 0; entry.status !== 200 && n < redeliveries; n++) {
        to = onFailure(d, entry);
        if (to < 0) break;
        redelivered++;
        entry = await deliver({ ...d, retry: true }, to);
      }
      if (entry.status !== 200) bad.push(`${d.it.msgid}→${entry.to + 1}: ${entry.status ? `HTTP ${entry.status}` : entry.error}`);
      sent++;
    }
  }
  return Promise.all(Array.from({ length: inFlight }, worker)).then(() => ({
    sent, attempts: log.length, bad, perInstance, log, ms: Date.now() - start, redelivered, skipped,
  }));
}

/** Counts of a sendTraffic log by instance and outcome: {"1": {"200": n, "ECONNREFUSED": m}, …}. */
export function statusTable(log) {
  const t = {};
  for (const e of log) {
    const k = String(e.to + 1);
    const s = e.status ? String(e.status) : e.error;
    t[k] ??= {};
    t[k][s] = (t[k][s] ?? 0) + 1;
  }
  return t;
}

// ---------------------------------------------------------------- settling

/**
 * Waits until every /帮助 has its response_url POST, every escalation is 无人接手 (its whole chain ran), and nothing
 * is left NEW in the inbox, PENDING/SENDING in the outbox or PENDING among the timers; then lingers `lingerMs` so a
 * late double would show. Returns {repliesAt, settledAt, settled}.
 */
export async function settle(c, { items, timeoutMs, lingerMs, pollMs = 500 }) {
  const helps = items.filter((it) => it.kind === 'help');
  const crises = items.filter((it) => it.kind === 'crisis');
  const end = Date.now() + timeoutMs;
  await c.fake.waitFor(() => helps.every((it) => c.fake.aibotByCode.has(it.code)), end - Date.now(), 200);
  const repliesAt = Date.now();
  let settled = false;
  while (Date.now() < end) {
    try {
      const open = c.num("SELECT COUNT(*) FROM escalation WHERE state <> 'UNACKNOWLEDGED'");
      const total = c.num('SELECT COUNT(*) FROM escalation');
      if (total >= crises.length && open === 0) break;
    } catch { /* the database may be the fault */ }
    await sleep(pollMs);
  }
  while (Date.now() < end) {
    try {
      const busy = c.num("SELECT (SELECT COUNT(*) FROM inbox WHERE status = 'NEW') + (SELECT COUNT(*) FROM outbox WHERE status IN ('PENDING','SENDING')) + (SELECT COUNT(*) FROM timer WHERE status = 'PENDING')");
      if (busy === 0) { settled = true; break; }
    } catch { /* as above */ }
    await sleep(pollMs);
  }
  await sleep(lingerMs);
  return { repliesAt, settledAt: Date.now(), settled };
}

// ---------------------------------------------------------------- exactly-once checks

const taskIdOf = (rec) => String(rec.body?.template_card?.task_id ?? '');
function numberOf(rec) {
  const m = /^esc_(\d+)_/.exec(taskIdOf(rec));
  return m ? Number(m[1]) : null;
}

/**
 * The exactly-once checks of instances.mjs over the fake's records and the tables, through check(name, ok, reason) and
 * note(text). items: every message sent (help and crisis); worker: the social worker; rounds × levels: the chain;
 * codePrefix: the response_url codes of the run (to spot replies to unknown codes); msgPrefix: the msgids (to count
 * the inbox rows of the run). Returns figures for the caller's summary.
 */
export function exactlyOnceChecks(c, {
  items, worker, rounds, levels, settleMs, codePrefix, msgPrefix, check, note, overdueMarginMs = 5_000, repostsShownOnce = false,
}) {
  const { fake } = c;
  const helps = items.filter((it) => it.kind === 'help');
  const crises = items.filter((it) => it.kind === 'crisis');
  const f = {};

  // replies
  const missing = helps.filter((it) => !fake.aibotByCode.has(it.code));
  const wrongText = helps.filter((it) => fake.aibotByCode.has(it.code) && !replyText(fake.aibotByCode.get(it.code).body).includes('/'));
  const knownCodes = new Set(items.map((it) => it.code));
  const strayReplies = fake.records.aibot.filter((r) => r.responseCode.startsWith(codePrefix) && !knownCodes.has(r.responseCode));
  const crisisReplies = crises.filter((it) => fake.aibotByCode.has(it.code));
  f.missingReplies = missing.length;
  f.duplicateReplies = fake.records.duplicates.length;
  if (repostsShownOnce) {
    // a second POST to a used response_url is refused by WeCom (usable once, WECOM.md §3.5): shown once all the same
    check(`every /帮助 answered at its response_url within ${settleMs / 1000} s of the last send, shown once (none missing; re-POSTs to a used url are refused, not shown)`,
      !missing.length && !wrongText.length && !strayReplies.length,
      `${missing.length} missing, ${wrongText.length} without a command list, ${strayReplies.length} to unknown codes`);
  } else {
    check(`every /帮助 got exactly one POST to its response_url within ${settleMs / 1000} s of the last send (none missing, no duplicate)`,
      !missing.length && !fake.records.duplicates.length && !wrongText.length && !strayReplies.length,
      `${missing.length} missing, ${fake.records.duplicates.length} duplicate POSTs, ${wrongText.length} without a command list, ${strayReplies.length} to unknown codes`);
  }
  check('no crisis was answered in the group', !crisisReplies.length, `${crisisReplies.length} crisis messages got a response_url POST`);

  // escalations and cards
  const escRows = c.rows('SELECT id, subject, state FROM escalation ORDER BY id');
  const escIds = escRows.map((r) => Number(r[0]));
  const subjects = new Set(escRows.map((r) => r[1]));
  check('every crisis opened exactly one escalation',
    escRows.length === crises.length && subjects.size === crises.length,
    `${escRows.length} escalation rows for ${subjects.size} subjects, want ${crises.length} each`);
  const cards = fake.records.sends.filter((r) => r.body?.msgtype === 'template_card');
  const cardsByEsc = new Map(escIds.map((n) => [n, { sw: 0, admin: 0, other: 0 }]));
  let strayCards = 0;
  for (const r of cards) {
    const k = cardsByEsc.get(numberOf(r));
    if (!k) { strayCards++; continue; }
    const to = String(r.body.touser);
    if (to === worker) k.sw++; else if (to === ADMIN) k.admin++; else k.other++;
  }
  const wrongChains = [...cardsByEsc].filter(([, k]) => k.sw !== rounds || k.admin !== rounds || k.other);
  f.cardsMissing = [...cardsByEsc.values()].reduce((s, k) => s + Math.max(0, rounds - k.sw) + Math.max(0, rounds - k.admin), 0);
  f.cardsDoubled = [...cardsByEsc.values()].reduce((s, k) => s + Math.max(0, k.sw - rounds) + Math.max(0, k.admin - rounds) + k.other, 0);
  check(`every escalation's chain ran once: ${rounds} cards to the social worker (the first level: the first card of each), ${rounds} to admin01, nothing doubled`,
    !wrongChains.length && !strayCards,
    `${wrongChains.length} escalations with other counts, e.g. ${wrongChains.slice(0, 3).map(([n, k]) => `#${n}: ${k.sw}/${k.admin}/${k.other}`).join(', ')}; ${strayCards} cards for no escalation`);
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
  f.cardLagMedianMs = lags[lags.length >> 1];
  f.cardLagMaxMs = lags[lags.length - 1];
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
  const fired = c.num("SELECT COUNT(*) FROM timer WHERE status = 'FIRED'");
  const timerKinds = c.rows('SELECT timer, status, COUNT(*) FROM timer GROUP BY timer, status ORDER BY timer, status');
  const timerInbox = c.num("SELECT COUNT(*) FROM inbox WHERE dedup_key LIKE 'timer:%'");
  const timerInboxDistinct = c.num("SELECT COUNT(DISTINCT dedup_key) FROM inbox WHERE dedup_key LIKE 'timer:%'");
  const orphanInbox = c.num("SELECT COUNT(*) FROM inbox i LEFT JOIN timer t ON i.dedup_key = CONCAT('timer:', t.id) WHERE i.dedup_key LIKE 'timer:%' AND (t.id IS NULL OR t.status <> 'FIRED')");
  const firedNotInInbox = c.num("SELECT COUNT(*) FROM timer t LEFT JOIN inbox i ON i.dedup_key = CONCAT('timer:', t.id) WHERE t.status = 'FIRED' AND i.id IS NULL");
  const overdue = c.num(`SELECT COUNT(*) FROM timer WHERE status = 'PENDING' AND due_at < ${now - overdueMarginMs}`);
  const ackFired = c.num("SELECT COUNT(*) FROM timer WHERE timer = 'escalation-ack' AND status = 'FIRED'");
  const wantAck = crises.length * rounds * levels;
  check('every timer fired exactly once: FIRED timers = distinct timer:<id> inbox rows, each id once, none left past due',
    fired === timerInbox && timerInbox === timerInboxDistinct && !orphanInbox && !firedNotInInbox && !overdue,
    `${fired} FIRED, ${timerInbox} timer inbox rows (${timerInboxDistinct} distinct), ${orphanInbox} inbox rows without a FIRED timer, ${firedNotInInbox} FIRED without an inbox row, ${overdue} PENDING more than ${overdueMarginMs / 1000} s past due`);
  check(`the escalation timers are what the chains prescribe: ${rounds} rounds × ${levels} levels × ${crises.length} = ${wantAck} ack timeouts fired`,
    ackFired === wantAck, `${ackFired} escalation-ack timers fired; timers: ${timerKinds.map((r) => r.join(' ')).join('; ')}`);

  // inbox and outbox
  const inboxByStatus = c.rows('SELECT status, COUNT(*) FROM inbox GROUP BY status');
  const inboxFailed = c.num("SELECT COUNT(*) FROM inbox WHERE status <> 'DONE'");
  const like = msgPrefix.replace(/_/g, '\\\\_');
  const ourKeys = c.num(`SELECT COUNT(*) FROM inbox WHERE dedup_key LIKE 'aibot:${like}%'`);
  const doubleKeys = c.num('SELECT COUNT(*) FROM (SELECT dedup_key FROM inbox GROUP BY dedup_key HAVING COUNT(*) > 1) d');
  check('inbox: every callback stored once under its dedup key (second deliveries dropped), every row DONE, none FAILED',
    ourKeys === items.length && !doubleKeys && !inboxFailed,
    `${ourKeys} rows for ${items.length} messages, ${doubleKeys} keys stored twice, ${inboxFailed} rows not DONE (${inboxByStatus.map((r) => r.join(' ')).join(', ')})`);
  const outboxByStatus = c.rows('SELECT kind, status, COUNT(*) FROM outbox GROUP BY kind, status ORDER BY kind, status');
  const outboxNotSent = c.num("SELECT COUNT(*) FROM outbox WHERE status <> 'SENT'");
  check('outbox: every message SENT, none FAILED', !outboxNotSent, outboxByStatus.map((r) => r.join(' ')).join('; '));
  const unk = fake.records.unknown.map((u) => `${u.method} ${u.path}`);
  check('no unknown API calls at the fake WeCom', !unk.length, unk.slice(0, 5).join(', '));

  Object.assign(f, {
    escalations: escRows.length, cards: cards.length, flagged: flagged.length, fired, timerKinds, inboxByStatus, outboxByStatus,
    inboxRows: c.num('SELECT COUNT(*) FROM inbox'),
  });
  return f;
}

// ---------------------------------------------------------------- reporting

/**
 * A script's report: check(name, ok, reason) prints "ok - name" / "not ok - name: reason"; note(text) prints
 * "# <seconds> s: text"; figure(name, value) prints "# name: value" and keeps it for the Markdown fragment.
 * finish() prints "RESULT <name>: PASS" or "RESULT <name>: FAIL (<first failed checks>)", writes mdOut if given, sets
 * the exit code and returns whether all passed.
 */
export function makeReport(name, { mdOut = null } = {}) {
  const t0 = Date.now();
  const checks = [];
  const figures = [];
  const r = {
    t0,
    checks,
    figures,
    check(what, ok, reason = '') {
      checks.push({ name: what, ok: !!ok, reason });
      console.log(ok ? `ok - ${what}` : `not ok - ${what}: ${reason}`);
    },
    note(what) { console.log(`# ${((Date.now() - t0) / 1000).toFixed(1)} s: ${what}`); },
    figure(what, value) {
      figures.push({ name: what, value: String(value) });
      console.log(`# ${what}: ${value}`);
    },
    failed: () => checks.filter((c) => !c.ok),
    finish() {
      const failed = r.failed();
      const line = failed.length
        ? `RESULT ${name}: FAIL (${failed.length} of ${checks.length} checks failed: ${failed.slice(0, 3).map((c) => c.name).join('; ')})`
        : `RESULT ${name}: PASS`;
      if (mdOut) fs.writeFileSync(mdOut, markdownFragment(name, checks, figures, failed.length ? 'FAIL' : 'PASS'));
      console.log(line);
      process.exitCode = failed.length ? 1 : 0;
      return !failed.length;
    },
  };
  return r;
}

/**
 * The settings the exactly-once runs start the service with: a short ack timeout polled every 0.3 s so that chains run
 * their course in seconds, coalescing off (each crisis its own chain), and the per-member limits raised: one member
 * sends one /帮助, but admin01 gets two cards and a text per crisis, and WeCom's 30 a minute is not the subject.
 */
export function chainTestArgs(ackTimeoutMs) {
  return [
    `--bot.escalation.ack-timeout=PT${ackTimeoutMs / 1000}S`,
    '--bot.escalation.timer-poll=PT0.3S',
    '--bot.escalation.coalesce-window=PT0S',
    '--bot.command-limit=100000',
    '--bot.pipeline.app-messages-per-minute=100000',
  ];
}

/** After a failed run, the last lines of every instance's log, as "#" lines for whoever reads the failure. */
export function tailLogsOnFailure(report, c, lines = 20) {
  if (!c || !report.failed().length) return;
  for (const [i] of c.instances.entries()) {
    console.log(`# last ${lines} lines of instance ${i + 1}'s log:`);
    console.log(c.tail(i, lines).split('\n').map((l) => `#   ${l}`).join('\n'));
  }
}

const mdCell = (s) => String(s).replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\n/g, ' ');

function gitCommit() {
  try {
    const head = execFileSync('git', ['-C', REPO, 'rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['-C', REPO, 'status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim();
    return dirty ? `${head} (with uncommitted changes)` : head;
  } catch {
    return 'unknown';
  }
}

/** The Markdown fragment: a table of checks, a table of figures and a line with machine, date and commit; no heading. */
export function markdownFragment(name, checks, figures, verdict) {
  const cpus = os.cpus();
  const machine = `${cpus.length} × ${cpus[0]?.model?.trim() ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
  const lines = [
    `Result of \`${name}\`: **${verdict}**`,
    '',
    '| check | result |',
    '|---|---|',
    ...checks.map((c) => `| ${mdCell(c.name)} | ${c.ok ? 'ok' : `**not ok**: ${mdCell(c.reason).slice(0, 300)}`} |`),
    '',
    '| figure | value |',
    '|---|---|',
    ...figures.map((f) => `| ${mdCell(f.name)} | ${mdCell(f.value)} |`),
    '',
    `Machine: ${machine}; date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}; commit: ${gitCommit()}.`,
    '',
  ];
  return lines.join('\n');
}

/** "--md-out FILE" and the like: options with a value, flags, numbers. spec: {name: 'string'|'number'|'flag'}. */
export function parseOptions(argv, spec, defaults, usage) {
  const o = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') { console.log(usage); process.exit(0); }
    const key = a.replace(/^--/, '').replace(/-([a-z])/g, (_, ch) => ch.toUpperCase());
    const kind = spec[key];
    if (!a.startsWith('--') || !kind) throw new Error(`unknown option ${a}\n${usage}`);
    if (kind === 'flag') o[key] = true;
    else if (kind === 'number') {
      const v = Number(argv[++i]);
      if (!Number.isFinite(v) || v < 0) throw new Error(`${a}: a number`);
      o[key] = v;
    } else o[key] = argv[++i];
  }
  return o;
}
