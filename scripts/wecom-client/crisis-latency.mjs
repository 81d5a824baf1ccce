// Time to card: how long a crisis takes to reach the social worker as a 紧急 card when many come at once.
//
//   node scripts/wecom-client/crisis-latency.mjs [--jar PATH] [--crises 20] [--seconds 10] [--groups 5]
//        [--watch 0] [--instances 1] [--keep-logs] [--md-out FILE]
//
// The jar in the prod profile on a fresh MariaDB database and Redis (cluster.mjs; 127.0.0.1:3306 root and
// 127.0.0.1:6379 unless MYSQL_* / REDIS_* say otherwise), WeCom played by fake-wecom.mjs, the packaged settings
// (ack timeout 5 min, note budget, urgent reserve, app messages a minute). admin01 binds `groups` 聚焦服务群 and grants
// one social worker 社工 in each of them: every card of the run goes to that one person, the worst case for the per-
// member budget. Then `crises` residents, spread over the groups round-robin, each write one 我真的不想活了 within
// `seconds` (evenly spaced). For each crisis: the time from its callback's 200 to the fake's message/send of its card.
// --watch N adds N residents who write of a fall that ended well (留意) among them: notes to the same person, which
// share her window of notes and so can conflict when decided at once in two partitions.
//
// Checks: every crisis reaches the social worker as its own 紧急 card (none held, no summary), each within 5 s; no
// decision is set aside; the "partitions paused" line appears at most once. Figures: p50 / p90 / max time to card,
// decision conflicts retried (bot_dispatch_conflicts_total), "partitions paused" lines in the log.
//
// Output: "ok - …" / "not ok - …" per check, "# …" figures, one last line "RESULT crisis-latency: PASS|FAIL".

import fs from 'node:fs';
import { sleep, randomHex } from './harness.mjs';
import { expect, talker } from './suite.mjs';
import {
  ADMIN, BOT, DEFAULT_JAR, makeReport, metric, parseOptions, startCluster, tailLogsOnFailure,
} from './cluster.mjs';

const USAGE = 'usage: crisis-latency.mjs [--jar PATH] [--crises N] [--seconds S] [--groups G] [--watch N] [--instances I] [--keep-logs] [--md-out FILE]';
const o = parseOptions(process.argv.slice(2),
  { jar: 'string', crises: 'number', seconds: 'number', groups: 'number', watch: 'number', instances: 'number', keepLogs: 'flag', mdOut: 'string' },
  { jar: DEFAULT_JAR, crises: 20, seconds: 10, groups: 5, watch: 0, instances: 1, keepLogs: false, mdOut: null }, USAGE);
const FALL_WORDS = '我妈昨天摔倒了，现在没事了，谢谢大家关心'; // 留意: 词语「摔倒」（已缓解）
const CARD_WITHIN_MS = 5_000;

const report = makeReport('crisis-latency', { mdOut: o.mdOut });
const runId = randomHex(3);
const worker = `swLat${runId}`;
const chats = Array.from({ length: o.groups }, (_, i) => `wrLat${runId}g${i + 1}`);
let c = null;

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

try {
  c = await startCluster({ jar: o.jar, instances: o.instances, dbPrefix: 'sanshe_lat_', tmpPrefix: 'crisis-latency-' });
  await c.checkAllHealthy(report.check, `${o.instances} instance(s) start on MariaDB and Redis`, 120_000);
  report.note(`database ${c.db}`);
  const say = talker({ creds: c.creds, baseUrl: c.instances[0].baseUrl, fake: c.fake, runId });
  for (let g = 0; g < chats.length; g++) {
    const bound = await say.inGroup(chats[g], ADMIN, `${BOT} /绑定群 聚焦服务群 时延测试群${runId}-${g + 1}`);
    expect(bound.includes('已将本群登记为'), `/绑定群 ${chats[g]}: ${bound}`);
    const granted = await say.inGroup(chats[g], ADMIN, `${BOT} /角色 授予 账号:${worker} 社工`);
    expect(granted.includes('已授予'), `/角色 授予 in ${chats[g]}: ${granted}`);
  }
  await sleep(6_000); // bot.storage.directory-cache: every instance sees the groups and the grants
  report.note(`${chats.length} groups bound, ${worker} 社工 in each`);

  const cardsBefore = c.fake.cardsTo(worker).length;
  const conflictsBefore = await metric(c.instances[0].baseUrl, 'bot.dispatch.conflicts');
  const crises = [];
  const total = o.crises + o.watch;
  const spacing = (o.seconds * 1000) / total;
  const t0 = performance.now();
  const posts = [];
  for (let j = 0; j < total; j++) {
    const due = t0 + j * spacing;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    if (Math.floor(((j + 1) * o.watch) / total) > Math.floor((j * o.watch) / total)) {
      // a 留意 among the crises, spread evenly: its own resident, in the next group
      const via = talker({ creds: c.creds, baseUrl: c.instances[j % o.instances].baseUrl, fake: c.fake, runId: `${runId}w${j}` });
      posts.push(via.postInGroup(chats[j % chats.length], `resWatch${runId}n${j}`, `${BOT} ${FALL_WORDS}`));
      continue;
    }
    const i = crises.length;
    const crisis = { i, chat: chats[i % chats.length], who: `resLat${runId}n${i}`, words: `我真的不想活了，第${i + 1}号` };
    crises.push(crisis);
    // the instance that takes the callback: round-robin, as behind a load balancer
    const via = talker({ creds: c.creds, baseUrl: c.instances[i % o.instances].baseUrl, fake: c.fake, runId: `${runId}i${i}` });
    posts.push(via.postInGroup(crisis.chat, crisis.who, `${BOT} ${crisis.words}`).then(() => { crisis.posted = performance.now(); }));
  }
  await Promise.all(posts);
  report.note(`${o.crises} crises and ${total - o.crises} 留意 messages posted in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const cardText = (r) => `${r.body?.template_card?.main_title?.title ?? ''}\n${r.body?.template_card?.sub_title_text ?? ''}`;
  const found = await c.fake.waitFor(() => {
    const cards = c.fake.cardsTo(worker).slice(cardsBefore);
    return crises.every((k) => cards.some((r) => cardText(r).includes(k.words))) ? cards : null;
  }, 60_000);
  const cards = c.fake.cardsTo(worker).slice(cardsBefore);
  for (const k of crises) {
    const card = cards.find((r) => cardText(r).includes(k.words));
    k.card = card ?? null;
    k.latency = card ? card.t - k.posted : null;
  }
  const reached = crises.filter((k) => k.card);
  report.check(`every one of the ${o.crises} crises reaches ${worker} as its own card`, !!found && reached.length === o.crises,
    `${reached.length} of ${o.crises} cards within 60 s`);
  report.check('every card is a 紧急 card', reached.every((k) => cardText(k.card).startsWith('【紧急转介')),
    reached.filter((k) => !cardText(k.card).startsWith('【紧急转介')).map((k) => k.i).join(','));
  const notes = c.fake.cardsTo(worker).slice(cardsBefore).filter((r) => cardText(r).startsWith('【请留意'));
  if (o.watch) report.figure('留意 notes to the social worker (at once; the rest in one summary at the window\'s end)', notes.length);
  const summaries = c.fake.sendsTo(worker).filter((r) => r.body?.msgtype === 'text' && JSON.stringify(r.body).includes('合并提醒'));
  const urgentSummaries = summaries.filter((r) => !JSON.stringify(r.body).includes('请留意'));
  report.check('no summary of 紧急 cards: none is held back', !urgentSummaries.length, `${urgentSummaries.length} summaries`);
  const lat = reached.map((k) => k.latency).sort((a, b) => a - b);
  const late = reached.filter((k) => k.latency > CARD_WITHIN_MS);
  report.check(`each card within ${CARD_WITHIN_MS / 1000} s of its crisis`, !late.length,
    late.map((k) => `#${k.i + 1}: ${(k.latency / 1000).toFixed(1)} s`).join(', '));
  if (lat.length) {
    report.figure('time to card p50', `${(pct(lat, 50) / 1000).toFixed(2)} s`);
    report.figure('time to card p90', `${(pct(lat, 90) / 1000).toFixed(2)} s`);
    report.figure('time to card max', `${(lat[lat.length - 1] / 1000).toFixed(2)} s`);
    report.figure('per crisis (s, in order)', crises.map((k) => (k.latency == null ? '—' : (k.latency / 1000).toFixed(1))).join(' '));
  }
  await sleep(1500);
  let conflicts = 0;
  for (let i = 0; i < o.instances; i++) conflicts += Number(await metric(c.instances[i].baseUrl, 'bot.dispatch.conflicts') || 0);
  report.figure('decision conflicts retried (bot_dispatch_conflicts_total)', conflicts - Number(conflictsBefore || 0));
  const failedRows = c.num("SELECT COUNT(*) FROM inbox WHERE status = 'FAILED'");
  report.check('no event set aside as FAILED', failedRows === 0, `${failedRows} FAILED`);
  let paused = 0;
  for (const inst of c.instances) paused += (fs.readFileSync(inst.logFile, 'utf8').match(/partitions paused/g) ?? []).length;
  report.figure('"partitions paused" log lines', paused);
  report.check('"partitions paused" logged at most once', paused <= 1, `${paused} lines`);
} catch (e) {
  report.check('run', false, e.stack || String(e));
}
if (report.failed().length && c) tailLogsOnFailure(report, c);
if (c) await c.cleanup({ keepLogs: o.keepLogs });
report.finish();
