// End-to-end suite for the two urgencies (紧急 and 留意), people named, and feedback, played through the real WeCom
// callbacks against the built jar, with this client's own crypto (no code of the service): signed, encrypted AI-bot
// JSON (group messages) and app XML (private messages, template-card clicks) in; what the bot does read back from
// fake-wecom.mjs (message/send text and template_card, update_template_card, response_url POSTs) and from the admin API.
//
//   node scripts/wecom-client/urgency.mjs [--jar PATH] [--keep-logs] [--verbose]
//
// One jar start of the embedded default with its demo community (阳光社区聚焦服务群 wrDemoFocus01: 社工-张三 sw-zhang is
// 社工 everywhere, 医务-王医生 med-wang 医务 there, 群管理员-王主任 demo-admin; 3栋1202-自住 and 3栋501-租住 residents),
// a short chain (--bot.escalation.ack-timeout=PT3S), the per-person budget raised, and an admin token
// (BOT_ADMIN_TOKEN).
//
//   a. three crises from three residents within ten seconds each reach 社工-张三 as their own 紧急 card within 5 s
//      (【紧急转介 …】, 接手 转交 有用 误报, the resident by nickname with the id as a tail, the third saying
//      「您还有 2 条未接手的紧急转介」); no summary; nothing in the group
//   b. a resolved fall (「我妈昨天在楼下摔了一跤，去医院拍了片子没事，谢谢大家关心」) is one 留意 note (【请留意 …】,
//      its basis, 升为紧急 有用 误报) to 社工-张三 only: nothing in the group, no card to the next level after the ack
//      timeout; /升级列表 lists it under 留意; its 升为紧急 button turns it into a 紧急 card
//   c. a 误报 click on a card is answered, the button turns into 已记为误报, the feedback is stored with the words
//      (the admin API's export has it) and audited (/审计 of the group lists 误报按钮; the export is audited too)
//   d. the 转交 button answers with a real colleague's name as the example; /转交 <编号> 医务-王医生 (a nickname)
//      hands the escalation over: 医务-王医生 gets the card
//
// Output: "ok - name" / "not ok - name: reason" per case, then exactly one last line "N passed, M failed". Exit code 1
// on any failure.

import { sleep, replyText, randomHex, request } from './harness.mjs';
import { REPLY_TIMEOUT_MS, expect, expectHas, runJarSuite, show, talker, trace } from './suite.mjs';

const START_TIMEOUT_MS = 90_000;
const ACK_TIMEOUT_MS = 3_000; // --bot.escalation.ack-timeout below
const CARD_WITHIN_MS = 5_000;
const BOT = '@三社助手';
const ADMIN = 'admin01'; // harness.launchApp sets BOT_ADMINS=admin01
const FOCUS = 'wrDemoFocus01';
const FOCUS_NAME = '阳光社区聚焦服务群';
const WORKER = 'sw-zhang';
const ADMIN_TOKEN = `urgency-${randomHex(20)}`;

const APP_ARGS = [
  `--bot.escalation.ack-timeout=PT${ACK_TIMEOUT_MS / 1000}S`,
  '--bot.escalation.timer-poll=PT0.3S',
  '--bot.command-limit=1000',
  // 社工-张三 gets every card, note and reply of the run within a minute: WeCom's 30 a minute to one person is not the
  // subject here (crisis-latency.mjs and H2DeliveryWorkerTest are), so her budget is raised and no reply waits for the
  // next minute behind the reserve kept for 紧急 cards
  '--bot.pipeline.app-messages-per-minute=1000',
];

const taskIdOf = (rec) => String(rec.body?.template_card?.task_id ?? '');
function numberOf(rec) {
  const m = /^esc_(\d+)_/.exec(taskIdOf(rec));
  return m ? Number(m[1]) : null;
}
function cardText(rec) {
  const c = rec.body?.template_card ?? {};
  return [c.main_title?.title, c.sub_title_text].filter(Boolean).join('\n');
}
const buttonsOf = (rec) => (rec.body?.template_card?.button_list ?? []).map((b) => `${b.text}=${b.key}`);

function urgencyCases({ creds, baseUrl, fake, runId, note }) {
  const say = talker({ creds, baseUrl, fake, runId });
  const cases = [];
  const add = (name, fn) => cases.push([name, fn]);
  const cardsTo = (user) => fake.cardsTo(user);
  const textsTo = (user) => fake.sendsTo(user).filter((r) => r.body?.msgtype === 'text').map((r) => replyText(r.body));
  const groupHeard = (code) => fake.aibotByCode.get(code);
  let urgent = []; // the three cards of (a)

  add('a. three crises from three residents within ten seconds each reach 社工-张三 at once as their own 紧急 card, naming the resident', async () => {
    const residents = ['res-3-1202', 'res-3-0501', `resNew${runId}`];
    const before = cardsTo(WORKER).length;
    const posted = [];
    const codes = [];
    for (let i = 0; i < 3; i++) {
      posted.push(performance.now());
      codes.push(await say.postInGroup(FOCUS, residents[i], `${BOT} 我真的不想活了，第${i + 1}次说`));
      if (i < 2) await sleep(3_000);
    }
    // wait for the card of each crisis by its words (a card sent twice after an unanswered attempt must not stand in
    // for another crisis's card)
    const cardOf = (c, i) => c.find((r) => cardText(r).includes(`第${i + 1}次说`));
    const got = await fake.waitFor(() => {
      const c = cardsTo(WORKER).slice(before);
      return [0, 1, 2].every((i) => cardOf(c, i)) ? c : null;
    }, CARD_WITHIN_MS);
    expect(got, `${cardsTo(WORKER).length - before} card(s) to ${WORKER} within ${CARD_WITHIN_MS / 1000} s of the third crisis, want one for each of the 3: ${show(cardsTo(WORKER).slice(before).map(cardText).join(' | '))}`);
    urgent = [0, 1, 2].map((i) => cardOf(got, i));
    for (let i = 0; i < 3; i++) {
      const card = urgent.find((r) => cardText(r).includes(`第${i + 1}次说`));
      expect(card, `no card with the words of crisis ${i + 1}`);
      const late = card.t - posted[i];
      note(`a: card ${i + 1} after ${(late / 1000).toFixed(2)} s`);
      expect(late <= CARD_WITHIN_MS, `card ${i + 1} came ${(late / 1000).toFixed(1)} s after its crisis`);
      expect(cardText(card).startsWith('【紧急转介 #'), `card ${i + 1}: title ${show(cardText(card), 60)}`);
      const want = ['接手=ack', '转交=handover', '有用=useful', '误报=falsealarm'];
      expect(JSON.stringify(buttonsOf(card)) === JSON.stringify(want), `card ${i + 1} buttons ${JSON.stringify(buttonsOf(card))}`);
    }
    trace('third card', cardText(urgent[2]));
    expectHas(cardText(urgent.find((r) => cardText(r).includes('第1次说'))), '3栋1202-自住（res-3-1202）', 'the first card');
    expectHas(cardText(urgent.find((r) => cardText(r).includes('第3次说'))), '您还有 2 条未接手的紧急转介', 'the third card');
    expect(new Set(urgent.map(numberOf)).size === 3, `card numbers ${JSON.stringify(urgent.map(numberOf))}`);
    expect(!textsTo(WORKER).some((t) => t.includes('合并提醒')), 'a summary was sent: 紧急 cards are never held');
    await sleep(500);
    for (const code of codes) expect(!groupHeard(code), `the group was answered: ${show(replyText(groupHeard(code)?.body))}`);
  });

  let noteRec = null;
  add('b. a resolved fall is one 留意 note to 社工-张三 only, with no chain; /升级列表 lists it under 留意; 升为紧急 makes it a card', async () => {
    const who = `resFall${runId}`;
    const before = cardsTo(WORKER).length;
    const code = await say.postInGroup(FOCUS, who, `${BOT} 我妈昨天在楼下摔了一跤，去医院拍了片子没事，谢谢大家关心`);
    noteRec = await fake.waitFor(() => cardsTo(WORKER).slice(before).find((r) => cardText(r).startsWith('【请留意')), CARD_WITHIN_MS);
    expect(noteRec, `no 留意 note to ${WORKER} within ${CARD_WITHIN_MS / 1000} s; cards: ${show(cardsTo(WORKER).slice(before).map(cardText).join(' | '))}`);
    trace('note', cardText(noteRec));
    expectHas(cardText(noteRec), '依据：', 'the note');
    expectHas(cardText(noteRec), '拍了片子没事', 'the note (the words)');
    expectHas(cardText(noteRec), `/升为紧急 ${numberOf(noteRec)}`, 'the note');
    const want = ['升为紧急=raise', '有用=useful', '误报=falsealarm'];
    expect(JSON.stringify(buttonsOf(noteRec)) === JSON.stringify(want), `note buttons ${JSON.stringify(buttonsOf(noteRec))}`);
    await sleep(ACK_TIMEOUT_MS + 1500); // longer than one ack timeout: a note has no chain to climb
    const toAdmins = [...cardsTo(ADMIN), ...cardsTo('demo-admin')].filter((r) => numberOf(r) === numberOf(noteRec));
    expect(!toAdmins.length, `${toAdmins.length} card(s) for #${numberOf(noteRec)} to the administrators after the ack timeout: a note has no chain`);
    expect(cardsTo(WORKER).slice(before).filter((r) => numberOf(r) === numberOf(noteRec)).length === 1, 'the note was sent more than once');
    expect(!groupHeard(code), 'the group was answered');
    const list = await say.inPrivate(WORKER, '/升级列表');
    const lines = list.split('\n');
    const heading = lines.findIndex((l) => l.startsWith('留意（'));
    expect(heading >= 0, `/升级列表 has no 留意 heading: ${show(list)}`);
    expect(lines.slice(heading + 1).some((l) => l.startsWith(`#${numberOf(noteRec)} `) && l.includes('［留意］')),
      `/升级列表 does not list #${numberOf(noteRec)} under 留意: ${show(list)}`);
    const rc = `RCraise${runId}`;
    const cardsBefore = cardsTo(WORKER).length;
    await say.click(WORKER, taskIdOf(noteRec), 'raise', rc);
    const raised = await fake.waitFor(() => cardsTo(WORKER).slice(cardsBefore)
      .find((r) => numberOf(r) === numberOf(noteRec) && cardText(r).startsWith('【紧急转介')), CARD_WITHIN_MS);
    expect(raised, `no 紧急 card for #${numberOf(noteRec)} within ${CARD_WITHIN_MS / 1000} s of 升为紧急`);
    const update = await fake.waitFor(() => fake.records.cardUpdates.find((r) => r.body?.response_code === rc), REPLY_TIMEOUT_MS);
    expect(update?.body?.button?.replace_name === '已升为紧急', `card update ${show(JSON.stringify(update?.body))}`);
  });

  add('c. a 误报 click is answered, turns the button, is stored with the words (admin export) and audited (/审计)', async () => {
    expect(urgent.length === 3, 'needs (a)');
    const card = urgent.find((r) => cardText(r).includes('第2次说'));
    const n = numberOf(card);
    const rc = `RCfalse${runId}`;
    const textsBefore = textsTo(WORKER).length;
    await say.click(WORKER, taskIdOf(card), 'falsealarm', rc);
    const told = await fake.waitFor(() => textsTo(WORKER).slice(textsBefore).find((t) => t.includes(`#${n}`) && t.includes('误报')), REPLY_TIMEOUT_MS);
    expect(told, `no answer to the 误报 click; texts: ${show(textsTo(WORKER).slice(textsBefore).join(' | '))}`);
    expectHas(told, `/解决 ${n}`, 'the answer (a false alarm is still closed by hand)');
    const update = await fake.waitFor(() => fake.records.cardUpdates.find((r) => r.body?.response_code === rc), REPLY_TIMEOUT_MS);
    expect(update?.body?.button?.replace_name === '已记为误报', `card update ${show(JSON.stringify(update?.body))}`);
    const refused = await request({ method: 'GET', url: `${baseUrl}/api/admin/escalation-feedback`, headers: { authorization: 'Bearer wrong' } });
    expect(refused.status === 403 && refused.body === '', `a wrong token: HTTP ${refused.status} ${show(refused.body, 80)}, want 403 and nothing`);
    const exported = await request({ method: 'GET', url: `${baseUrl}/api/admin/escalation-feedback`, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(exported.status === 200, `export: HTTP ${exported.status} ${show(exported.body, 200)}`);
    const rows = exported.body.split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const row = rows.find((r) => r.escalation === n);
    expect(row, `the export has no row for #${n}: ${show(exported.body)}`);
    expect(row.verdict === 'FALSE_ALARM' && row.member === WORKER && row.urgency === 'URGENT', `row ${show(JSON.stringify(row))}`);
    expectHas(row.text, '我真的不想活了，第2次说', 'the exported words');
    expect(typeof row.normalised === 'string' && row.normalised.includes('不想活'), `normalised ${show(row.normalised)}`);
    const csv = await request({ method: 'GET', url: `${baseUrl}/api/admin/escalation-feedback?format=csv`, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(csv.status === 200 && csv.body.startsWith('escalation,member,verdict'), `CSV export: ${show(csv.body, 120)}`);
    const audit = await say.inPrivate(ADMIN, `/审计 ${FOCUS_NAME} 50`);
    trace('/审计', audit);
    expectHas(audit, '误报按钮', `/审计 ${FOCUS_NAME}`);
    expectHas(audit, `#${n}`, `/审计 ${FOCUS_NAME}`);
    const all = await say.inPrivate(ADMIN, '/审计 全部 50');
    expectHas(all, '导出上报反馈', '/审计 全部 (the export is audited)');
  });

  add('d. the 转交 button names a real colleague as its example, and /转交 <编号> 医务-王医生 (a nickname) hands it over', async () => {
    expect(urgent.length === 3, 'needs (a)');
    const card = urgent.find((r) => cardText(r).includes('第3次说'));
    const n = numberOf(card);
    const textsBefore = textsTo(WORKER).length;
    await say.click(WORKER, taskIdOf(card), 'handover', `RChand${runId}`);
    const help = await fake.waitFor(() => textsTo(WORKER).slice(textsBefore).find((t) => t.includes(`/转交 ${n} `)), REPLY_TIMEOUT_MS);
    expect(help, `no help for 转交; texts: ${show(textsTo(WORKER).slice(textsBefore).join(' | '))}`);
    trace('转交 help', help);
    expect(/例如 \/转交 \d+ (群管理员-王主任|医务-王医生|群秘书-李四|心理咨询-赵老师)/.test(help), `the example names no colleague: ${show(help)}`);
    const before = cardsTo('med-wang').length;
    const handed = await say.inPrivate(WORKER, `/转交 ${n} 医务-王医生`);
    expectHas(handed, `已把上报 #${n} 转交给 医务-王医生（med-wang）`, `/转交 ${n} 医务-王医生`);
    const got = await fake.waitFor(() => cardsTo('med-wang').slice(before).find((r) => numberOf(r) === n), CARD_WITHIN_MS);
    expect(got, `no card for #${n} to med-wang within ${CARD_WITHIN_MS / 1000} s`);
    // take the open ones, so that their chains stop before the app is stopped
    for (const r of urgent) await say.inPrivate(WORKER, `/接手 ${numberOf(r)}`);
  });

  return cases;
}

await runJarSuite({
  script: 'urgency.mjs',
  tmpPrefix: 'wecom-urgency-',
  appArgs: APP_ARGS,
  env: { BOT_ADMIN_TOKEN: ADMIN_TOKEN },
  startTimeoutMs: START_TIMEOUT_MS,
  makeCases: urgencyCases,
});
