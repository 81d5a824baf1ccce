// End-to-end suite for crisis escalation (生命优先), played through the real
// WeCom callbacks against the built jar: signed, encrypted AI-bot JSON (group
// messages) and app XML (private messages, template-card clicks) in; what the
// bot does read back from fake-wecom.mjs (message/send text and template_card,
// update_template_card, response_url POSTs).
//
//   node scripts/wecom-client/escalation.mjs [--jar PATH] [--keep-logs] [--verbose]
//
// One jar start with a short chain: --bot.escalation.ack-timeout=PT3S and
// --bot.escalation.timer-poll=PT0.3S (rounds: the packaged 2). admin01 is
// BOT_ADMINS (harness.launchApp). admin01 binds a 聚焦服务群 and grants a
// social worker 社工 there by command, so the group's chain is: the social
// worker, then admin01; twice; then 无人接手.
//
//   a. a crisis message in the group reaches the social worker privately,
//      within seconds, as a template card with the buttons 接手, 转交, 有用, 误报
//   b. nothing about it appears in the group
//   c. the social worker clicks 接手: the card's button is updated (with the
//      click's response_code) and the chain stops (no card to admin01 after
//      two more timeouts)
//   d. a second crisis nobody takes: admin01 gets a card after the timeout,
//      and after rounds × levels a private "无人接手" text
//      and new words from that resident then start the chain again
//   e. everyday hyperbole (累死了, 笑死我了, 饿死了, 气死我了) raises nothing
//   f. a phone number posted in the group: a private reminder, nothing public
//   g. three crises from three residents within ten seconds each reach the
//      social worker at once (within 5 s) as their own 紧急 card; the third
//      says 「您还有 2 条未接手的紧急转介」; no summary (only 留意 notes are
//      coalesced, beyond their budget)
//   h. rule breaches by one resident (a rumour, superstition, an advert) are
//      reminded privately, never in the group; the third warning is reported
//      to admin01, who decides (the bot cannot remove anyone)
//
// Output: "ok - name" / "not ok - name: reason" per case, then exactly one
// last line "N passed, M failed". Exit code 1 on any failure.

import { sleep, replyText, randomHex } from './harness.mjs';
import { REPLY_TIMEOUT_MS, expect, expectHas, runJarSuite, show, talker, trace } from './suite.mjs';

const START_TIMEOUT_MS = 90_000;
const ACK_TIMEOUT_MS = 3_000; // --bot.escalation.ack-timeout below
const POLL_MS = 300; // --bot.escalation.timer-poll below
const COALESCE_MS = 2_000; // --bot.escalation.coalesce-window below
const ROUNDS = 2; // the packaged bot.escalation.rounds
const CARD_WITHIN_MS = 5_000; // "within seconds": well inside one ack timeout plus delivery
const BOT = '@三社助手';
const ADMIN = 'admin01'; // harness.launchApp sets BOT_ADMINS=admin01

const APP_ARGS = [
  `--bot.escalation.ack-timeout=PT${ACK_TIMEOUT_MS / 1000}S`,
  `--bot.escalation.timer-poll=PT${POLL_MS / 1000}S`,
  `--bot.escalation.coalesce-window=PT${COALESCE_MS / 1000}S`,
  '--bot.local.seed-demo=false',
  '--bot.command-limit=1000',
];

// ---------------------------------------------------------------- options

// ---------------------------------------------------------------- assertions

// ---------------------------------------------------------------- WeCom cards

const taskIdOf = (rec) => String(rec.body?.template_card?.task_id ?? '');
/** esc_<number>_… → number, or null. */
function numberOf(rec) {
  const m = /^esc_(\d+)_/.exec(taskIdOf(rec));
  return m ? Number(m[1]) : null;
}
/** Every part of a card a person reads, joined. */
function cardText(rec) {
  const c = rec.body?.template_card ?? {};
  return [c.main_title?.title, c.main_title?.desc, c.sub_title_text,
    ...(c.horizontal_content_list ?? []).map((h) => `${h.keyname} ${h.value}`)]
    .filter(Boolean).join('\n');
}

// ---------------------------------------------------------------- talking to the app

// ---------------------------------------------------------------- main

// ---------------------------------------------------------------- the cases

function escalationCases({ creds, baseUrl, fake, runId, note }) {
  const say = talker({ creds, baseUrl, fake, runId });
  const cases = [];
  const add = (name, fn) => cases.push([name, fn]);

  const chat = `wrEsc${runId}`;
  const groupName = `危机测试群${runId}`;
  const worker = `sw${runId}`;
  const first = `resA${runId}`;   // (a)–(c): taken by the social worker
  const second = `resB${runId}`;  // (d): nobody takes it
  const chatty = `resC${runId}`;  // (e)
  const phone = `resD${runId}`;   // (f)
  const crisisWords = '我不想活了';
  let ready = false;
  let firstCrisis = null; // {code, card, number, at}
  let taken = false;
  let secondCrisis = null; // {number}, once flagged 无人接手

  /** The first template card to `user` for escalation `number` (or any escalation), waited for. */
  const awaitCard = (user, number, timeoutMs, notBefore = 0) => fake.waitFor(() => fake.cardsTo(user)
    .find((r) => r.t >= notBefore && (number == null ? numberOf(r) != null : numberOf(r) === number)), timeoutMs);
  const cardsAbout = (number) => fake.records.sends.filter((r) => r.body?.msgtype === 'template_card' && numberOf(r) === number);
  const textsTo = (user) => fake.sendsTo(user).filter((r) => r.body?.msgtype === 'text').map((r) => replyText(r.body));

  /** What the group heard in answer to the message with this response code: must be nothing about the crisis. */
  function groupHeard(code, words, what) {
    const rec = fake.aibotByCode.get(code);
    if (!rec) return;
    const text = replyText(rec.body);
    for (const w of [words, '不想活', '社工', '上报', '紧急', '转介']) {
      expect(!text.includes(w), `${what}: the group was answered with ${show(text)} (contains ${JSON.stringify(w)})`);
    }
  }

  add('setup: admin01 binds a 聚焦服务群 and grants a social worker 社工 there, by command', async () => {
    const bound = await say.inGroup(chat, ADMIN, `${BOT} /绑定群 聚焦服务群 ${groupName}`);
    expectHas(bound, `已将本群登记为「${groupName}」（聚焦服务群）`, 'admin01 /绑定群');
    // the social worker has not spoken in the group yet: named by account
    const granted = await say.inGroup(chat, ADMIN, `${BOT} /角色 授予 账号:${worker} 社工`);
    for (const needle of ['已授予', worker, '「社工」', `「${groupName}」有效`]) expectHas(granted, needle, 'admin01 /角色 授予');
    ready = true;
  });

  add('a. a crisis message in the group reaches the social worker privately within seconds, as a card with 接手, 转交, 有用 and 误报', async () => {
    expect(ready, 'needs the setup');
    const sent = performance.now();
    const code = await say.postInGroup(chat, first, `${BOT} ${crisisWords}`);
    const card = await awaitCard(worker, null, CARD_WITHIN_MS);
    expect(card, `no template card to ${worker} within ${CARD_WITHIN_MS / 1000} s; sends to ${worker}: ${show(JSON.stringify(fake.sendsTo(worker).map((r) => r.body)), 600)}`);
    const number = numberOf(card);
    firstCrisis = { code, card, number, at: card.t };
    note(`first crisis #${number}: card to ${worker} after ${((card.t - sent) / 1000).toFixed(1)} s`);
    trace(`card to ${worker}`, JSON.stringify(card.body, null, 1));
    expect(card.tokenKnown, 'message/send used an access_token the fake never issued');
    const tc = card.body.template_card;
    expect(tc.card_type === 'button_interaction', `card_type ${JSON.stringify(tc.card_type)}, want "button_interaction"`);
    const buttons = (tc.button_list ?? []).map((b) => `${b.text}=${b.key}`);
    const want = ['接手=ack', '转交=handover', '有用=useful', '误报=falsealarm'];
    expect(JSON.stringify(buttons) === JSON.stringify(want), `buttons ${JSON.stringify(buttons)}, want ${want.join(', ')}`);
    expect(Number(card.body.agentid) === Number(creds.agentId), `agentid ${card.body.agentid}, want ${creds.agentId}`);
    const text = cardText(card);
    expectHas(text, `#${number}`, 'the card');
    expectHas(text, groupName, 'the card');
    expectHas(text, crisisWords, 'the card (the social worker reads the words)');
    expect(fake.cardsTo(ADMIN).every((r) => numberOf(r) !== number), 'admin01 got a card at once, before the social worker had any time');
  });

  add('b. nothing about the crisis appears in the group', async () => {
    expect(firstCrisis, 'needs (a)');
    await sleep(800); // anything planned with the card has been delivered by now (and the click in (c) still comes before the timeout)
    groupHeard(firstCrisis.code, crisisWords, 'first crisis');
    const leaked = fake.records.aibot.filter((r) => /不想活|紧急转介|上报 #/.test(replyText(r.body)));
    expect(!leaked.length, `a response_url POST mentions the crisis: ${show(replyText(leaked[0]?.body))}`);
    expect(!fake.sendsTo(first).length, `the resident got ${fake.sendsTo(first).length} app messages; a group crisis is not answered to them`);
  });

  add('c. the social worker clicks 接手: the card is updated with the click\'s response_code and the chain stops (no card to admin01 after two more timeouts)', async () => {
    expect(firstCrisis, 'needs (a)');
    const { card, number } = firstCrisis;
    const responseCode = `RC${runId}${randomHex(6)}`;
    await say.click(worker, taskIdOf(card), 'ack', responseCode);
    const update = await fake.waitFor(() => fake.records.cardUpdates.find((r) => r.body?.response_code === responseCode), REPLY_TIMEOUT_MS);
    expect(update, `no update_template_card with response_code ${responseCode} within ${REPLY_TIMEOUT_MS / 1000} s; updates: ${show(JSON.stringify(fake.records.cardUpdates.map((r) => r.body)))}`);
    trace('update_template_card', JSON.stringify(update.body));
    expect(update.tokenKnown, 'update_template_card used an access_token the fake never issued');
    expect(!update.reused, 'the response_code was used twice');
    expect(update.body.button?.replace_name === '已接手', `button.replace_name ${JSON.stringify(update.body.button?.replace_name)}, want "已接手"`);
    expect(Array.isArray(update.body.userids) && update.body.userids.includes(worker), `userids ${JSON.stringify(update.body.userids)}, want [${worker}]`);
    const told = await fake.waitFor(() => textsTo(worker).find((t) => t.includes(`#${number}`) && t.includes('由您接手')), REPLY_TIMEOUT_MS);
    expect(told, `no private text to ${worker} confirming #${number} is theirs; texts: ${show(textsTo(worker).join(' | '))}`);
    taken = true;
    const clickedAt = performance.now();
    // two more timeouts (and a poll) from the click; the chain had reached the social worker only
    await sleep(2 * ACK_TIMEOUT_MS + 2 * POLL_MS + 1000);
    const toAdmin = fake.cardsTo(ADMIN).filter((r) => numberOf(r) === number);
    expect(!toAdmin.length, `admin01 got ${toAdmin.length} card(s) for #${number} after ${worker} took it`);
    const later = cardsAbout(number).filter((r) => r.t > clickedAt);
    expect(!later.length, `${later.length} card(s) for #${number} after the click`);
    expect(!textsTo(ADMIN).some((t) => t.includes('无人接手') && t.includes(`#${number}`)), `admin01 was told #${number} went unanswered`);
    const list = await say.inPrivate(ADMIN, '/升级列表');
    const line = list.split('\n').find((l) => l.startsWith(`#${number} `));
    expect(line, `/升级列表 has no line for #${number}; reply=${show(list)}`);
    expectHas(line, '［已接手］', `/升级列表 line for #${number}`);
    expectHas(line, `接手人：${worker}`, `/升级列表 line for #${number}`);
  });

  add(`d. a second crisis nobody takes: admin01 gets a card after the timeout, and after ${ROUNDS} rounds a private "无人接手" text`, async () => {
    expect(ready, 'needs the setup');
    const words = '活着没意思，真的不想活了';
    const code = await say.postInGroup(chat, second, `${BOT} ${words}`);
    const toWorker = await fake.waitFor(() => fake.cardsTo(worker).find((r) => numberOf(r) != null
      && (!firstCrisis || numberOf(r) !== firstCrisis.number)), CARD_WITHIN_MS);
    expect(toWorker, `no card to ${worker} within ${CARD_WITHIN_MS / 1000} s`);
    const number = numberOf(toWorker);
    note(`second crisis #${number}: card to ${worker}`);
    const toAdmin = await awaitCard(ADMIN, number, ACK_TIMEOUT_MS + 5000);
    expect(toAdmin, `no card to admin01 for #${number} within ${(ACK_TIMEOUT_MS + 5000) / 1000} s of the social worker's`);
    const gap = toAdmin.t - toWorker.t;
    note(`second crisis #${number}: card to admin01 ${(gap / 1000).toFixed(1)} s after the social worker's`);
    expect(gap >= ACK_TIMEOUT_MS - 700, `admin01's card came ${gap.toFixed(0)} ms after the social worker's, before the ack timeout (${ACK_TIMEOUT_MS} ms) ran out`);
    expectHas(cardText(toAdmin), words.slice(-5), 'the card to admin01');
    // rounds × levels: social worker, admin01, social worker, admin01; then flagged
    const levels = 2;
    const budget = ROUNDS * levels * ACK_TIMEOUT_MS + 8000;
    const flagged = await fake.waitFor(() => textsTo(ADMIN).find((t) => t.includes('无人接手') && t.includes(`#${number}`)), budget - gap);
    expect(flagged, `no private 无人接手 text about #${number} to admin01; texts: ${show(textsTo(ADMIN).join(' | '))}`);
    note(`second crisis #${number}: 无人接手 told to admin01`);
    secondCrisis = { number };
    expectHas(flagged, groupName, 'the 无人接手 text');
    expectHas(flagged, `/接手 ${number}`, 'the 无人接手 text');
    const all = cardsAbout(number);
    const to = (u) => all.filter((r) => r.body.touser === u).length;
    expect(to(worker) === ROUNDS && to(ADMIN) === ROUNDS,
      `cards for #${number}: ${to(worker)} to ${worker}, ${to(ADMIN)} to admin01; want ${ROUNDS} each (one per round)`);
    groupHeard(code, words, 'second crisis');
    expect(!fake.sendsTo(second).length, `the resident got ${fake.sendsTo(second).length} app messages`);
    const list = await say.inPrivate(ADMIN, '/升级列表');
    const line = list.split('\n').find((l) => l.startsWith(`#${number} `));
    expect(line, `/升级列表 has no line for #${number}; reply=${show(list)}`);
    expectHas(line, '［无人接手］', `/升级列表 line for #${number}`);
  });

  add('d. new words from that resident after 无人接手 start the chain again: the social worker gets a card again', async () => {
    expect(secondCrisis, 'needs (d)');
    const { number } = secondCrisis;
    const before = fake.cardsTo(worker).filter((r) => numberOf(r) === number).length;
    const words = '我还是不想活';
    const code = await say.postInGroup(chat, second, `${BOT} ${words}`);
    const again = await fake.waitFor(() => {
      const mine = fake.cardsTo(worker).filter((r) => numberOf(r) === number);
      return mine.length > before ? mine[mine.length - 1] : null;
    }, CARD_WITHIN_MS);
    expect(again, `no new card for #${number} to ${worker} within ${CARD_WITHIN_MS / 1000} s after new words (it would stay unanswered)`);
    await sleep(800);
    groupHeard(code, words, 'new words after 无人接手');
    // take it, so that the chain does not run on behind the next cases
    const taken = await say.inPrivate(worker, `/接手 ${number}`);
    expectHas(taken, `上报 #${number} 由您接手了`, `${worker} /接手 ${number}`);
  });

  add('e. everyday hyperbole (累死了, 笑死我了, 饿死了, 气死我了) raises nothing', async () => {
    expect(ready, 'needs the setup');
    const cardsBefore = fake.records.sends.filter((r) => r.body?.msgtype === 'template_card').length;
    const codes = [];
    for (const words of ['累死了', '笑死我了', '饿死了', '气死我了', '今天忙死了，累死我了']) {
      codes.push([words, await say.postInGroup(chat, chatty, `${BOT} ${words}`)]);
    }
    // a command after them in the same group is decided after them: when it is answered, they were decided
    const who = await say.inGroup(chat, chatty, `${BOT} /我是谁`);
    expectHas(who, chatty, '/我是谁 after the hyperbole');
    await sleep(1500);
    const cards = fake.records.sends.filter((r) => r.body?.msgtype === 'template_card').slice(cardsBefore);
    expect(!cards.length, `${cards.length} card(s) after the hyperbole: ${show(cards.map(cardText).join(' | '))}`);
    for (const [words, code] of codes) {
      expect(!fake.aibotByCode.has(code), `${JSON.stringify(words)} was answered in the group: ${show(replyText(fake.aibotByCode.get(code)?.body))}`);
    }
    expect(!fake.sendsTo(chatty).length, `${chatty} got ${fake.sendsTo(chatty).length} private message(s)`);
  });

  add('f. a phone number posted in the group gets a private reminder and no public text', async () => {
    expect(ready, 'needs the setup');
    const number = '13812345678';
    const code = await say.postInGroup(chat, phone, `${BOT} 有事打我电话${number}`);
    const reminder = await fake.waitFor(() => fake.sendsTo(phone).find((r) => r.body?.msgtype === 'text'), REPLY_TIMEOUT_MS);
    expect(reminder, `no private message/send to ${phone} within ${REPLY_TIMEOUT_MS / 1000} s`);
    const text = replyText(reminder.body);
    trace(`reminder to ${phone}`, text);
    expectHas(text, '电话号码', 'the reminder');
    expectHas(text, groupName, 'the reminder');
    expect(!text.includes(number), `the reminder repeats the number: ${show(text)}`);
    await sleep(1000);
    const rec = fake.aibotByCode.get(code);
    expect(!rec, `the group was answered: ${show(replyText(rec?.body))}`);
    expect(!fake.records.aibot.some((r) => replyText(r.body).includes(number)), 'a response_url POST carries the number');
    expect(!fake.cardsTo(worker).some((r) => r.t > reminder.t - 5000 && cardText(r).includes(number)), 'the phone number raised a card');
  });

  add('g. three crises from three residents within ten seconds each reach the social worker at once as their own 紧急 card, the later ones saying how many still wait', async () => {
    expect(ready, 'needs the setup');
    const before = fake.sendsTo(worker).length;
    const codes = [];
    const posted = [];
    for (const r of ['G1', 'G2', 'G3']) {
      posted.push(performance.now());
      codes.push(await say.postInGroup(chat, `res${r}${runId}`, `${BOT} 我不想活了`));
      await sleep(3000);
    }
    const since = () => fake.sendsTo(worker).slice(before).filter((r) => r.body?.msgtype === 'template_card');
    // each crisis's own card, by its resident (the cards of earlier cases may still climb their chains meanwhile)
    const mine = () => ['G1', 'G2', 'G3'].map((r) => since().find((c) => cardText(c).includes(`res${r}${runId}`)));
    const cards = await fake.waitFor(() => (mine().every(Boolean) ? mine() : null), CARD_WITHIN_MS);
    expect(cards, `${mine().filter(Boolean).length} of the 3 cards to ${worker} within ${CARD_WITHIN_MS / 1000} s of the third crisis; sent: ${show(JSON.stringify(fake.sendsTo(worker).slice(before).map((r) => r.body)), 600)}`);
    const numbers = cards.map(numberOf);
    expect(new Set(numbers).size === 3, `the cards are for ${JSON.stringify(numbers)}, want three different escalations`);
    for (let i = 0; i < 3; i++) {
      const late = cards[i].t - posted[i];
      note(`g: card ${i + 1} to ${worker} after ${(late / 1000).toFixed(1)} s`);
      expect(late <= CARD_WITHIN_MS, `card ${i + 1} came ${(late / 1000).toFixed(1)} s after its crisis, want within ${CARD_WITHIN_MS / 1000} s`);
      expect(cardText(cards[i]).startsWith('【紧急转介'), `card ${i + 1} title ${show(cardText(cards[i]), 60)}`);
    }
    expect(/您还有 [2-9]\d* 条未接手的紧急转介/.test(cardText(cards[2])), `the third card does not say the two before it still wait: ${show(cardText(cards[2]))}`);
    expect(!fake.sendsTo(worker).slice(before).some((r) => replyText(r.body).includes('合并提醒')), 'a summary was sent: 紧急 cards are never held');
    // take all three, so that their chains do not run on behind the next cases
    for (const n of numbers) await say.inPrivate(worker, `/接手 ${n}`);
    await sleep(500);
    for (const code of codes) groupHeard(code, '不想活', 'g');
  });

  add('h. rule breaches are reminded privately, never in the group, and the third warning is reported to admin01', async () => {
    expect(ready, 'needs the setup');
    const member = `resH${runId}`;
    const reportsTo = () => textsTo(ADMIN).filter((t) => t.includes('【违规报告】') && t.includes(member));
    const words = ['刚刚得到内部消息，明天要封城，赶紧囤货', '大师开光的灵符，驱邪保平安', '加微信领优惠券'];
    const codes = [];
    for (let i = 0; i < words.length; i++) {
      const before = fake.sendsTo(member).length;
      codes.push(await say.postInGroup(chat, member, `${BOT} ${words[i]}`));
      const reminder = await fake.waitFor(() => fake.sendsTo(member).slice(before).find((r) => r.body?.msgtype === 'text'), REPLY_TIMEOUT_MS);
      expect(reminder, `no private reminder to ${member} for ${show(words[i])}`);
      const text = replyText(reminder.body);
      trace(`reminder ${i + 1}`, text);
      expectHas(text, groupName, `reminder ${i + 1}`);
      expect(!text.includes(words[i]), `reminder ${i + 1} repeats the words: ${show(text)}`);
      if (i < 2) {
        await sleep(500);
        expect(!reportsTo().length, `admin01 got a report after ${i + 1} warning(s): ${show(reportsTo()[0])}`);
      }
    }
    const report = await fake.waitFor(() => reportsTo()[0], REPLY_TIMEOUT_MS);
    expect(report, `no 违规报告 to admin01 after the third warning; texts: ${show(textsTo(ADMIN).slice(-4).join(' | '), 600)}`);
    trace('report to admin01', report);
    expectHas(report, groupName, 'the report');
    expectHas(report, '累计警告 3 次', 'the report');
    expectHas(report, '机器人无法移出成员', 'the report');
    // no secretary in this group: its administrator gets the notes the rumour and superstition rules ask for
    const notes = textsTo(ADMIN).filter((t) => t.includes('【群规提醒】') && t.includes(member));
    expect(notes.length === 2, `${notes.length} note(s) to admin01 about ${member}, want 2 (rumour, superstition)`);
    await sleep(500);
    for (const [i, code] of codes.entries()) {
      const rec = fake.aibotByCode.get(code);
      expect(!rec, `message ${i + 1} was answered in the group: ${show(replyText(rec?.body))}`);
    }
    expect(!fake.records.aibot.some((r) => /违规|警告|群规提醒/.test(replyText(r.body))), 'a response_url POST speaks of a breach');
  });

  add('no duplicate response_url POSTs, no response_code used twice, no unknown API calls', async () => {
    expect(taken || !firstCrisis, 'the first crisis was never taken');
    expect(fake.records.duplicates.length === 0, `${fake.records.duplicates.length} duplicate response_url POSTs`);
    const reused = fake.records.cardUpdates.filter((r) => r.reused);
    expect(!reused.length, `${reused.length} update_template_card with a response_code used before`);
    const unk = fake.records.unknown.map((u) => `${u.method} ${u.path}`);
    expect(!unk.length, `unknown API calls at the fake: ${unk.slice(0, 5).join(', ')}`);
  });

  return cases;
}

await runJarSuite({
  script: 'escalation.mjs', tmpPrefix: 'wecom-esc-', appArgs: APP_ARGS, startTimeoutMs: START_TIMEOUT_MS, makeCases: escalationCases,
});
