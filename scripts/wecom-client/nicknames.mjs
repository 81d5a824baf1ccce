// End-to-end suite for group nickname checks (issue 5), played through the
// real WeCom callbacks against the built jar: a customer group programmed in
// fake-wecom.mjs (groupchat/get with group nicknames), registered by admin01
// with /登记客户群; members "join" by the change_external_chat add_member event
// (app XML, encrypted and signed); what the bot does is read back from the
// fake (message/send to the secretary and to admin01).
//
//   node scripts/wecom-client/nicknames.mjs [--jar PATH] [--keep-logs] [--verbose]
//
// One jar start with --bot.nickname.join-check-delay=PT1S and
// --bot.nickname.poll-interval=PT10S (defaults: 2 s and 30 minutes), and
// --bot.nickname.group-send-types=RESIDENTS (off by default).
//
//   a. setup: admin01 registers the customer group and grants a secretary
//   b. members join with good and messy nicknames: within seconds the
//      secretary gets ONE digest naming exactly the ones to fix, with
//      suggestions; the compliant ones are not asked to change anything
//      and the owner gets ONE group-send draft (add_msg_template, sent only
//      when they confirm it) without anyone's name
//   c. an external member calling themselves 社工, a second member claiming
//      one household, and a phone number in a nickname are flagged to
//      admin01 at once, the number never repeated
//   d. a member fixes the nickname (no event: WeCom sends none): on the next
//      poll the secretary is thanked for them, and they are no longer listed
//   e. /昵称 报告 privately lists who is still to fix; /昵称 检查 explains one
//   g. a household roster imported through the admin API (bearer token; a
//      bad CSV refused with its line numbers, nothing stored): /户数 matches
//      the roster against the members' nicknames
//   f. nothing is ever sent into the customer group; no unknown API calls
//
// Output: "ok - name" / "not ok - name: reason" per case, then exactly one
// last line "N passed, M failed". Exit code 1 on any failure.

import { sleep, makeCallbacks, replyText, randomHex, nowTs, request } from './harness.mjs';
import { REPLY_TIMEOUT_MS, expect, expectHas, runJarSuite, show, talker, trace } from './suite.mjs';

const START_TIMEOUT_MS = 90_000;
const JOIN_DELAY_MS = 1_000; // --bot.nickname.join-check-delay below
const POLL_MS = 10_000; // --bot.nickname.poll-interval below
const DIGEST_WITHIN_MS = 8_000; // "within seconds": the join delay, a timer poll, groupchat/get, delivery
const ADMIN = 'admin01'; // harness.launchApp sets BOT_ADMINS=admin01
const ADMIN_TOKEN = `nick-test-${randomHex(12)}`; // --bot.admin-token below: the households admin API

const APP_ARGS = [
  `--bot.nickname.join-check-delay=PT${JOIN_DELAY_MS / 1000}S`,
  `--bot.nickname.poll-interval=PT${POLL_MS / 1000}S`,
    '--bot.escalation.timer-poll=PT0.3S',
    '--bot.nickname.group-send-types=RESIDENTS',
  `--bot.admin-token=${ADMIN_TOKEN}`,
  '--bot.local.seed-demo=false',
  '--bot.command-limit=1000',
];

// ---------------------------------------------------------------- main

// ---------------------------------------------------------------- the cases

function nicknameCases({ creds, baseUrl, fake, runId, note }) {
  const say = talker({ creds, baseUrl, fake, runId });
  const cb = makeCallbacks(creds);
  const cases = [];
  const add = (name, fn) => cases.push([name, fn]);

  const chat = `wrNick${runId}`;
  const groupName = `昵称测试群${runId}`;
  const owner = `owner${runId}`;
  const secretary = `sec${runId}`;
  const id = (s) => `wm${s}${runId}`;
  // who is in the group, as groupchat/get lists them
  const members = [
    { userid: owner, type: 1, name: '王主任', group_nickname: '社区-王主任' },
    { userid: id('501'), type: 2, name: '微笑向暖', group_nickname: '5栋501-自住' },
  ];
  const joining = [
    { userid: id('602'), type: 2, name: '老刘', group_nickname: '5-602 租户' },          // messy, compliant
    { userid: id('703'), type: 2, name: '小雨', group_nickname: '小雨' },                // no household
    { userid: id('801'), type: 2, name: '王姐', group_nickname: '5栋801' },              // no tenure
    { userid: id('999'), type: 2, name: '路人', group_nickname: '社工-王五' },           // an outsider as 社工
    { userid: id('502'), type: 2, name: '小微', group_nickname: '5栋501 业主' },         // 5栋501 twice
    { userid: id('707'), type: 2, name: '李叔', group_nickname: '5栋707李叔13812345678' }, // a phone number
  ];
  const program = () => fake.addCustomerGroup({ chat_id: chat, name: groupName, owner, member_list: members });
  const textsTo = (user) => fake.sendsTo(user).filter((r) => r.body?.msgtype === 'text').map((r) => ({ t: r.t, text: replyText(r.body) }));
  const digestsSince = (t) => textsTo(secretary).filter((m) => m.t > t && m.text.startsWith('【群昵称】'));
  let ready = false;
  let joinedAt = 0;

  async function memberEvent(ids) {
    const xml = `<xml><ToUserName><![CDATA[${creds.corpId}]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>`
      + `<CreateTime>${nowTs()}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_chat]]></Event>`
      + `<ChatId><![CDATA[${chat}]]></ChatId><ChangeType><![CDATA[update]]></ChangeType><UpdateDetail><![CDATA[add_member]]></UpdateDetail>`
      + `<JoinScene>3</JoinScene><MemChangeCnt>${ids.length}</MemChangeCnt><MemChangeList>${ids.map((u) => `<Item><![CDATA[${u}]]></Item>`).join('')}</MemChangeList>`
      + `<LastMemVer>${randomHex(8)}</LastMemVer><CurMemVer>${randomHex(8)}</CurMemVer></xml>`;
    const c = cb.appPost(xml);
    const r = await request({ ...c, url: baseUrl + c.path });
    expect(r.status === 200, `change_external_chat answered HTTP ${r.status}`);
  }

  add('a. setup: admin01 registers the customer group and grants a secretary there', async () => {
    program();
    const reg = await say.inPrivate(ADMIN, `/登记客户群 ${chat} 居民群`);
    expectHas(reg, `已登记客户群「${groupName}」`, 'admin01 /登记客户群');
    const use = await say.inPrivate(ADMIN, `/切换 ${groupName}`);
    expectHas(use, groupName, 'admin01 /切换');
    const granted = await say.inPrivate(ADMIN, `/角色 授予 账号:${secretary} 群秘书`);
    expectHas(granted, '已授予', 'admin01 /角色 授予');
    // the read after registration: everyone compliant, so no digest; give it time to pass
    await sleep(JOIN_DELAY_MS * 2 + 2500);
    expect(!digestsSince(0).length, `a digest before anyone joined: ${show(digestsSince(0)[0]?.text)}`);
    ready = true;
  });

  add('b. members join with good and messy nicknames: within seconds ONE digest to the secretary names exactly the ones to fix, with suggestions', async () => {
    expect(ready, 'needs the setup');
    members.push(...joining);
    program();
    joinedAt = performance.now();
    await memberEvent(joining.slice(0, 3).map((m) => m.userid));
    await memberEvent(joining.slice(3).map((m) => m.userid));
    const digest = await fake.waitFor(() => digestsSince(joinedAt)[0], DIGEST_WITHIN_MS);
    expect(digest, `no digest to the secretary within ${DIGEST_WITHIN_MS / 1000} s; texts: ${show(textsTo(secretary).map((m) => m.text).join(' | '))}`);
    note(`b: digest to the secretary ${((digest.t - joinedAt) / 1000).toFixed(1)} s after the join events`);
    trace('digest', digest.text);
    await sleep(1500);
    const all = digestsSince(joinedAt);
    expect(all.length === 1, `${all.length} digests for one wave of joins, want 1`);
    const text = digest.text;
    expectHas(text, groupName, 'the digest');
    const due = text.slice(text.indexOf('请提醒以下'));
    expect(text.includes('请提醒以下'), `the digest names nobody to remind: ${show(text)}`);
    for (const u of [id('703'), id('801'), id('707')]) expectHas(due, u, 'the to-fix list');
    for (const u of [id('602'), id('501'), owner]) expect(!due.includes(u), `the to-fix list names ${u}, whose nickname is fine: ${show(due)}`);
    expectHas(due, '5栋801-自住 / 5栋801-租住', 'the suggestion for 5栋801');
    expect(!text.includes('13812345678'), `the digest repeats the phone number: ${show(text)}`);
        expectHas(text, '已请群管理员核实', 'the digest (the outsider calling themselves 社工)');
    const drafts = fake.records.msgTemplates.filter((r) => r.t > joinedAt);
    expect(drafts.length === 1, `${drafts.length} group-send drafts for one wave of joins, want 1`);
    const d = drafts[0].body;
    trace('draft', JSON.stringify(d));
    expect(drafts[0].tokenKnown, 'add_msg_template used an access_token the fake never issued');
    expect(d.chat_type === 'group' && d.sender === owner && JSON.stringify(d.chat_id_list) === JSON.stringify([chat]),
      `draft addressed ${JSON.stringify({ chat_type: d.chat_type, sender: d.sender, chat_id_list: d.chat_id_list })}, want the group from its owner`);
    const content = String(d.text?.content ?? '');
    expectHas(content, '群昵称', 'the draft');
    for (const m of joining) expect(!content.includes(m.userid) && !content.includes(m.name), `the draft names ${m.userid}: ${show(content)}`);
  });

  add('c. an outsider calling themselves 社工, a shared household and a phone number are flagged to admin01 at once, the number never repeated', async () => {
    expect(joinedAt, 'needs (b)');
    const flag = await fake.waitFor(() => textsTo(ADMIN).find((m) => m.t > joinedAt && m.text.startsWith('【群昵称提醒】')), DIGEST_WITHIN_MS);
    expect(flag, `no 群昵称提醒 to admin01; texts: ${show(textsTo(ADMIN).map((m) => m.text).join(' | '))}`);
    trace('flags', flag.text);
    expectHas(flag.text, `${id('999')}`, 'the flag (impersonation)');
    expectHas(flag.text, '“社工”', 'the flag (impersonation)');
    expectHas(flag.text, '5栋501 有 2 位成员', 'the flag (shared household)');
    expectHas(flag.text, id('502'), 'the flag (shared household)');
    expectHas(flag.text, '电话号码或身份证号', 'the flag (privacy)');
    expect(!flag.text.includes('13812345678'), `the flag repeats the number: ${show(flag.text)}`);
  });

  add('d. a member fixes the nickname: the next poll thanks them in a digest and they are no longer listed', async () => {
    expect(joinedAt, 'needs (b)');
    const fixedAt = performance.now();
    const m = members.find((x) => x.userid === id('801'));
    m.group_nickname = '5栋801-租住';
    program();
    const thanks = await fake.waitFor(() => digestsSince(fixedAt).find((d) => d.text.includes('已经改好')), POLL_MS * 2 + 5000);
    expect(thanks, `no thanks within two polls; digests since: ${show(digestsSince(fixedAt).map((d) => d.text).join(' | '))}`);
    note(`d: thanked ${((thanks.t - fixedAt) / 1000).toFixed(1)} s after the fix`);
    trace('thanks', thanks.text);
    expectHas(thanks.text.slice(thanks.text.indexOf('已经改好')), id('801'), 'the thanks');
    expect(!thanks.text.includes('请提醒以下'), `the thanks asks to remind someone again (reminded less than a day ago): ${show(thanks.text)}`);
    await sleep(POLL_MS + 2000);
        const later = digestsSince(thanks.t);
    expect(!later.length, `another digest after the thanks with nothing new: ${show(later[0]?.text)}`);
    const drafts = fake.records.msgTemplates.filter((r) => r.t > joinedAt);
    expect(drafts.length === 1, `${drafts.length} group-send drafts within a day, want 1 (WeCom allows about one a day per group)`);
  });

  add('e. /昵称 报告 privately lists who is still to fix; /昵称 检查 explains one nickname', async () => {
    expect(joinedAt, 'needs (b)');
    const use = await say.inPrivate(secretary, `/切换 ${groupName}`);
    expectHas(use, groupName, 'the secretary /切换');
    const report = await say.inPrivate(secretary, '/昵称 报告');
    trace('report', report);
    for (const u of [id('703'), id('707')]) expectHas(report, u, '/昵称 报告');
    expect(!report.includes(id('801')), `/昵称 报告 still lists the member who fixed it: ${show(report)}`);
    const check = await say.inPrivate(secretary, '/昵称 检查 3-1202 业主');
    expectHas(check, '3栋1202-自住', '/昵称 检查');
  });

    add('g. a roster imported through the admin API: /户数 matches it against the nicknames; a bad CSV is refused whole', async () => {
    expect(joinedAt, 'needs (b)');
    const url = `${baseUrl}/api/admin/groups/${encodeURIComponent(chat)}/households`;
    const put = (body, token = ADMIN_TOKEN) => request({
      method: 'PUT', url, body, headers: { 'content-type': 'text/csv; charset=utf-8', authorization: `Bearer ${token}` },
    });
    const wrong = await put('楼栋,单元,房号\n5,,501\n', 'not-the-token');
    expect(wrong.status === 403, `a wrong token answered HTTP ${wrong.status}, want 403`);
    const bad = await put('楼栋,单元,房号\n5,,501\n5,,五零二\n,,602\n');
    expect(bad.status === 400, `a bad CSV answered HTTP ${bad.status}, want 400: ${show(bad.body)}`);
    expectHas(bad.body, '"line":3', 'the refusal of a bad CSV');
    expectHas(bad.body, '"line":4', 'the refusal of a bad CSV');
    const before = await say.inPrivate(secretary, '/户数');
    expectHas(before, '还没有导入户数名册', '/户数 before the import');
    const ok = await put('\ufeff楼栋,单元,房号\n5栋,,501\n5栋,,602\n5栋,,707\n5栋,,801\n5栋,,901\n5栋,,1001室\n');
    expect(ok.status === 200, `the import answered HTTP ${ok.status}: ${show(ok.body)}`);
    const report = await say.inPrivate(secretary, '/户数');
    trace('/户数', report);
    // roster 6 (501 602 707 801 901 1001); present 501 (twice) 602 707 801; 703 wrote no household
    expectHas(report, '名册 6 户，已入群 4 户', '/户数');
    expectHas(report, '未入群 2 户', '/户数');
    expectHas(report, '一户多人 1 户', '/户数');
    expectHas(report, '自住 2 人，租住 2 人', '/户数');
    expectHas(report, '901', '/户数 (the missing rooms, privately)');
    expectHas(report, '1001', '/户数 (the missing rooms, privately)');
  });

  add('f. nothing is sent into the customer group; no unknown API calls', async () => {
    const unk = fake.records.unknown.map((u) => `${u.method} ${u.path}`);
    expect(!unk.length, `unknown API calls at the fake: ${unk.slice(0, 5).join(', ')}`);
    expect(!fake.records.aibot.length, `${fake.records.aibot.length} response_url POSTs (no AI bot message was sent)`);
    const toGroup = fake.records.sends.filter((r) => String(r.body?.chatid ?? '') === chat);
    expect(!toGroup.length, 'a message/send addressed the group');
    const reads = fake.records.groupchats.filter((c) => c.body?.chat_id === chat);
    expect(reads.length >= 3, `${reads.length} groupchat/get for the group, want at least the registration, the join and a poll`);
  });

  return cases;
}

await runJarSuite({
  script: 'nicknames.mjs', tmpPrefix: 'wecom-nick-', appArgs: APP_ARGS, startTimeoutMs: START_TIMEOUT_MS, makeCases: nicknameCases,
});
