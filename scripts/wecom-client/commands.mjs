// End-to-end suite for the slash-commands (/帮助, /角色, /绑定群, /群信息,
// /登记客户群, /切换, /审计) and the configuration bootstrap, played through
// the real WeCom callbacks: signed, encrypted AI-bot JSON (group chats) and
// app XML (private chats) into the jar, answers read back from fake-wecom.mjs
// (response_url POSTs, message/send, externalcontact/groupchat/get).
//
//   node scripts/wecom-client/commands.mjs [--jar PATH] [--keep-logs] [--verbose]
//        (--verbose prints every command sent and the reply, as # lines)
//
// Starts the jar three times, each with its own data dir and port: once for
// the command cases (a–g, i), twice on one data dir for the bootstrap (h); a
// fourth start with an unknown group type, run alongside the first, must
// fail. Chat and user ids carry a fresh run id.
//
// Output: "ok - name" / "not ok - name: reason" per case, then exactly one
// last line "N passed, M failed". Exit code 1 on any failure.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFake } from './fake-wecom.mjs';
import {
  genCredentials, launchApp, stopApp, waitHealthy, tailFile,
  request, makeCallbacks, appTextXml, botText, replyText, randomHex,
} from './harness.mjs';
import { CaseFailure, expect, expectHas, parseSuiteArgs, show, talker } from './suite.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const START_TIMEOUT_MS = 90_000;
const BOT = '@三社助手';
const ADMIN = 'admin01'; // harness.launchApp sets BOT_ADMINS=admin01

// Every app here runs with a clean registry (no demo community) and a command
// limit that this suite's admin, who sends some 40 commands in under a minute,
// cannot reach; the limit itself is not what this suite is about.
const COMMON_ARGS = ['--bot.local.seed-demo=false', '--bot.command-limit=1000'];

// ---------------------------------------------------------------- options

// ---------------------------------------------------------------- assertions

const count = (text, needle) => text.split(needle).length - 1;

function expectLacks(text, needle, what) {
  expect(!text.includes(needle), `${what}: reply should not contain ${JSON.stringify(needle)}; reply=${show(text)}`);
}
function expectOnce(text, needle, what) {
  const n = count(text, needle);
  expect(n === 1, `${what}: ${JSON.stringify(needle)} appears ${n} times, want exactly once; reply=${show(text)}`);
}

// ---------------------------------------------------------------- talking to one app

// ---------------------------------------------------------------- main

async function main() {
  const opts = parseSuiteArgs(process.argv.slice(2), 'commands.mjs');
  const runId = randomHex(3);
  const t0 = Date.now();
  const note = (what) => console.log(`# ${((Date.now() - t0) / 1000).toFixed(1)} s: ${what}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wecom-cmds-'));
  const results = [];
  const apps = [];   // every app started, all stopped at the end
  const fakes = [];
  const logsOfFailures = new Set();

  const report = (name, ok, reason = '', log = null) => {
    results.push({ name, ok, reason });
    if (!ok && log) logsOfFailures.add(log);
    console.log(ok ? `ok - ${name}` : `not ok - ${name}: ${reason}`);
  };
  const run = async (name, fn, log) => {
    try {
      await fn();
      report(name, true);
    } catch (e) {
      report(name, false, e instanceof CaseFailure ? e.message : `error: ${e.stack || e}`, log);
    }
  };

  /** Starts the jar against `fake` in tmp/<dir>; its data dir is tmp/<dataDir>. */
  async function start(dir, { fake, dataDir = dir, args = [], creds }) {
    const tmpDir = path.join(tmp, dir);
    fs.mkdirSync(tmpDir, { recursive: true });
    const launched = await launchApp({
      jar: opts.jar, fakeBaseUrl: fake.baseUrl, tmpDir, creds,
      args: [`--bot.local.data-dir=${path.join(tmp, dataDir)}`, ...COMMON_ARGS, ...args],
    });
    apps.push(launched.app);
    return launched;
  }

  try {
    // The refused start runs alongside the main app: it only has to fail.
    const badFake = await startFake();
    fakes.push(badFake);
    const bad = await start('bad-bootstrap', {
      fake: badFake,
      args: [
        `--bot.bootstrap.groups[0].chat-id=wrBad${runId}`,
        '--bot.bootstrap.groups[0].channel=aibot',
        '--bot.bootstrap.groups[0].type=不存在的群类型',
        '--bot.bootstrap.groups[0].name=配置错误的群',
      ],
    });

    const fake = await startFake();
    fakes.push(fake);
    const main = await start('main', { fake });
    const health = await waitHealthy(main.baseUrl, START_TIMEOUT_MS, main.app);
    note('main app started');
    if (!health.ok) {
      report('app starts and reports health UP', false, health.reason, main.logFile);
    } else {
      const cases = commandCases({ ...main, fake, runId });
      for (const [name, fn] of cases) await run(name, fn, main.logFile);
    }
    await stopApp(main.app);
    note('main app stopped');

    const bootFake = await startFake();
    fakes.push(bootFake);
    await run('h. bootstrap: two groups and two roles declared, applied once, unchanged by a second start with the same data dir',
      () => bootstrapCase({ start, fake: bootFake, runId, note }), path.join(tmp, 'boot', 'app.log'));

    await run('h. bootstrap with an unknown group type: the jar exits non-zero naming bot.bootstrap.groups[0].type',
      async () => {
        const end = Date.now() + START_TIMEOUT_MS;
        while (bad.app.child.exitInfo === null && Date.now() < end) {
          const h = await waitHealthy(bad.baseUrl, 1000, bad.app);
          expect(!h.ok, 'the app became healthy although bot.bootstrap.groups[0].type names no group type');
        }
        const code = bad.app.child.exitInfo;
        expect(code !== null, `still running after ${START_TIMEOUT_MS / 1000} s`);
        expect(typeof code === 'number' && code !== 0, `exit ${JSON.stringify(code)}, want a non-zero exit code`);
        const log = fs.readFileSync(bad.logFile, 'utf8');
        expect(log.includes('bot.bootstrap.groups[0].type'), 'the log does not name bot.bootstrap.groups[0].type');
        expect(log.includes('不存在的群类型'), 'the log does not quote the unknown type');
      }, bad.logFile);
  } catch (e) {
    report('harness', false, /^jar not found/.test(e.message) ? e.message : (e.stack || String(e)));
  }

  for (const app of apps) await stopApp(app);
  for (const f of fakes) await f.close();
  const failed = results.filter((r) => !r.ok).length;
  for (const log of logsOfFailures) {
    if (!fs.existsSync(log)) continue;
    console.log(`# last 40 lines of ${log}:`);
    console.log(tailFile(log, 40).split('\n').map((l) => `#   ${l}`).join('\n'));
  }
  if (opts.keepLogs) console.log(`# logs kept in ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

// ---------------------------------------------------------------- cases on one app

function commandCases({ creds, baseUrl, fake, runId }) {
  const say = talker({ creds, baseUrl, fake, runId });
  const cases = [];
  const add = (name, fn) => cases.push([name, fn]);

  // Chats and people of this run.
  const residentsChat = `wrA${runId}`;       // (a): bound as 居民群
  const focusChat = `wrB${runId}`;           // (b)–(e): bound as 聚焦服务群
  const otherChat = `wrX${runId}`;           // never bound
  const residentsName = `测试居民群${runId}`;
  const focusName = `测试聚焦群${runId}`;
  const resident = `res${runId}`;
  const someone = `someone${runId}`;
  const secretary = `sec${runId}`;
  const customerChat = `wrCust${runId}`;
  const customerName = '5栋居民群';
  let focusBound = false;

  add('a. a resident cannot grant a role ("只有群管理员可以授予角色"), and nothing is granted', async () => {
    const bound = await say.inGroup(residentsChat, ADMIN, `${BOT} /绑定群 居民群 ${residentsName}`);
    expectHas(bound, `已将本群登记为「${residentsName}」（线上小区居民群）`, 'admin01 /绑定群');
    const refused = await say.inGroup(residentsChat, resident, `${BOT} /角色 授予 ${someone} 群秘书`);
    expectHas(refused, '只有群管理员可以授予角色', 'resident /角色 授予');
    expectLacks(refused, '已授予', 'resident /角色 授予');
    const list = await say.inGroup(residentsChat, ADMIN, `${BOT} /角色 列表`);
    expectHas(list, `「${residentsName}」的工作人员`, 'admin01 /角色 列表');
    expectLacks(list, someone, 'admin01 /角色 列表 after the refused grant');
    expectLacks(list, '群秘书', 'admin01 /角色 列表 after the refused grant');
    const everywhere = await say.inGroup(residentsChat, ADMIN, `${BOT} /角色 列表 全部`);
    expectLacks(everywhere, someone, 'admin01 /角色 列表 全部 after the refused grant');
  });

  add('b. admin01 binds a group (/绑定群 聚焦服务群 name); /群信息 shows its name and type', async () => {
    const bound = await say.inGroup(focusChat, ADMIN, `${BOT} /绑定群 聚焦服务群 ${focusName}`);
    expectHas(bound, `已将本群登记为「${focusName}」（聚焦服务群）`, '/绑定群');
    focusBound = true;
    const info = await say.inGroup(focusChat, ADMIN, `${BOT} /群信息`);
    expectHas(info, `【${focusName}】`, 'admin01 /群信息');
    expectHas(info, '类型：聚焦服务群', 'admin01 /群信息');
    expectHas(info, '渠道：内部群', 'admin01 /群信息');
    const again = await say.inGroup(focusChat, ADMIN, `${BOT} /绑定群 聚焦服务群 ${focusName}`);
    expectHas(again, '无需重复绑定', 'the same /绑定群 a second time');
  });

  add('c. /群信息 refused for a member (naming 群秘书) until admin01 grants them 群秘书 there', async () => {
    expect(focusBound, `needs the group bound in (b)`);
    const before = await say.inGroup(focusChat, secretary, `${BOT} /群信息`);
    expectHas(before, '群秘书', `${secretary} /群信息 before the grant`);
    expectHas(before, '只有', `${secretary} /群信息 before the grant`);
    expectLacks(before, `【${focusName}】`, `${secretary} /群信息 before the grant`);
    const granted = await say.inGroup(focusChat, ADMIN, `${BOT} /角色 授予 ${secretary} 群秘书`);
    expectHas(granted, `已授予 ${secretary}「群秘书」角色，在「${focusName}」有效`, 'admin01 /角色 授予');
    const after = await say.inGroup(focusChat, secretary, `${BOT} /群信息`);
    expectHas(after, `【${focusName}】`, `${secretary} /群信息 after the grant`);
    expectHas(after, `群秘书：${secretary}`, `${secretary} /群信息 after the grant`);
    // the grant holds in that group only
    const elsewhere = await say.inGroup(otherChat, secretary, `${BOT} /群信息`);
    expectHas(elsewhere, '群秘书', `${secretary} /群信息 in another group`);
    expectLacks(elsewhere, `【${focusName}】`, `${secretary} /群信息 in another group`);
  });

  add('d. /帮助 differs by role: admin01 sees /角色 and /绑定群, a resident does not', async () => {
    const mine = await say.inGroup(focusChat, `res2${runId}`, `${BOT} /帮助`);
    const admins = await say.inGroup(focusChat, ADMIN, `${BOT} /帮助`);
    expectHas(mine, '/我是谁', 'resident /帮助');
    for (const cmd of ['/角色', '/绑定群']) {
      expectHas(admins, cmd, 'admin01 /帮助');
      expectLacks(mine, cmd, 'resident /帮助');
    }
    expect(mine !== admins, 'the two help texts are identical');
  });

  add('e. "／帮助" (full-width slash) and "@三社助手 @张三 /帮助" get the same help as "/帮助"', async () => {
    const who = `res3${runId}`;
    const plain = await say.inGroup(focusChat, who, `${BOT} /帮助`);
    expectHas(plain, '/我是谁', '/帮助');
    const wide = await say.inGroup(focusChat, who, `${BOT} ／帮助`);
    expect(wide === plain, `"／帮助" answered differently: ${show(wide)} vs ${show(plain)}`);
    const mention = await say.inGroup(focusChat, who, `${BOT} @张三 /帮助`);
    expect(mention === plain, `"@张三 /帮助" answered differently: ${show(mention)} vs ${show(plain)}`);
  });

  add('f. a misspelt command (/群信心) gets "您是不是想输入 /群信息？"', async () => {
    const text = await say.inGroup(focusChat, `res4${runId}`, `${BOT} /群信心`);
    expectHas(text, '您是不是想输入 /群信息？', '/群信心');
  });

  add('g. /登记客户群 privately: groupchat/get, member list to the admin, then /切换 and /群信息 show the customer group', async () => {
    const owner = `zhangsw${runId}`;
    fake.addCustomerGroup({
      chat_id: customerChat,
      name: '阳光小区5栋业主群',
      owner,
      member_list: [
        { userid: owner, type: 1, name: '张社工', group_nickname: '社工-张敏', join_scene: 1 },
        { userid: `wmLi${runId}`, type: 2, name: '李阿姨', group_nickname: '5栋1202-自住', join_scene: 3 },
        { userid: `wmWang${runId}`, type: 2, name: '王大爷', join_scene: 3 },
      ],
      admin_list: [{ userid: owner }],
    });
    const done = await say.inPrivate(ADMIN, `/登记客户群 ${customerChat} 居民群 ${customerName}`);
    const calls = fake.records.groupchats.filter((c) => c.body?.chat_id === customerChat);
    expect(calls.length >= 1, `the fake saw no groupchat/get for ${customerChat}`);
    expect(Number(calls[0].body.need_name) === 1, `groupchat/get body ${JSON.stringify(calls[0].body)}, want need_name 1`);
    expect(calls[0].tokenKnown, 'groupchat/get used an access_token the fake never issued');
    expectHas(done, `已登记客户群「${customerName}」（线上小区居民群）`, 'answer to /登记客户群');
    expectHas(done, '群主：社工-张敏', 'answer to /登记客户群');
    expectHas(done, '成员 3 人', 'answer to /登记客户群');
    for (const m of ['社工-张敏', '5栋1202-自住', '王大爷']) expectHas(done, m, 'member list');
    const use = await say.inPrivate(ADMIN, `/切换 ${customerName}`);
    expectHas(use, `接下来您在私聊中的命令将作用于「${customerName}」`, '/切换');
    const info = await say.inPrivate(ADMIN, '/群信息');
    expectHas(info, `【${customerName}】`, 'private /群信息');
    expectHas(info, '渠道：客户群', 'private /群信息');
    expectHas(info, '成员：3 人', 'private /群信息');
  });

  add('g. /登记客户群 with an unknown chat id: WeCom 86003 explained in Chinese ("没有找到这个客户群")', async () => {
    const unknown = `wrNope${runId}`;
    const text = await say.inPrivate(ADMIN, `/登记客户群 ${unknown} 居民群 不存在的群`);
    const calls = fake.records.groupchats.filter((c) => c.body?.chat_id === unknown);
    expect(calls.length >= 1 && calls.every((c) => c.errcode === 86003), `the fake saw ${calls.length} groupchat/get for ${unknown}`);
    expectHas(text, '没有找到这个客户群', 'answer to /登记客户群');
    expectHas(text, unknown, 'answer to /登记客户群');
    const use = await say.inPrivate(ADMIN, '/切换 不存在的群');
    expectHas(use, '没有找到群', '/切换 to the group that was not registered');
  });

  add('i. /审计 privately lists the grant from (c) and the refused grant from (a)', async () => {
    const focus = await say.inPrivate(ADMIN, `/审计 ${focusName} 50`);
    expectHas(focus, `「${focusName}」最近`, `/审计 ${focusName}`);
    const grant = focus.split('\n').find((l) => l.includes(`${ADMIN} /角色 授予`) && l.includes(`授予 ${secretary}「群秘书」`));
    expect(grant, `no line for admin01's grant of 群秘书 to ${secretary}; reply=${show(focus, 1200)}`);
    expectHas(grant, '［完成］', 'the grant line');
    const residents = await say.inPrivate(ADMIN, `/审计 ${residentsName} 50`);
    const refused = residents.split('\n').find((l) => l.includes(`${resident} /角色 授予`));
    expect(refused, `no line for ${resident}'s refused /角色 授予; reply=${show(residents, 1200)}`);
    expectHas(refused, '［拒绝］', 'the refused line');
    expectHas(refused, '只有群管理员可以授予角色', 'the refused line');
  });

  add('no duplicate response_url POSTs and no unknown API calls', async () => {
    expect(fake.records.duplicates.length === 0, `${fake.records.duplicates.length} duplicate response_url POSTs`);
    const unk = fake.records.unknown.map((u) => `${u.method} ${u.path}`);
    expect(!unk.length, `unknown API calls at the fake: ${unk.slice(0, 5).join(', ')}`);
  });

  return cases;
}

// ---------------------------------------------------------------- bootstrap

async function bootstrapCase({ start, fake, runId, note }) {
  const g = {
    internal: { chat: `wrBootA${runId}`, name: `配置聚焦群${runId}` },
    customer: { chat: `wrBootC${runId}`, name: `配置居民群${runId}` },
  };
  const worker = `bsw${runId}`;  // 社工 in the internal group only
  const sec = `bsec${runId}`;    // 群秘书 everywhere
  const args = [
    `--bot.bootstrap.groups[0].chat-id=${g.internal.chat}`,
    '--bot.bootstrap.groups[0].channel=aibot',
    '--bot.bootstrap.groups[0].type=聚焦服务群',
    `--bot.bootstrap.groups[0].name=${g.internal.name}`,
    `--bot.bootstrap.groups[1].chat-id=${g.customer.chat}`,
    '--bot.bootstrap.groups[1].channel=customer',
    '--bot.bootstrap.groups[1].type=RESIDENTS',
    `--bot.bootstrap.groups[1].name=${g.customer.name}`,
    `--bot.bootstrap.roles[0].user-id=${worker}`,
    '--bot.bootstrap.roles[0].role=社工',
    `--bot.bootstrap.roles[0].group=${g.internal.chat}`,
    `--bot.bootstrap.roles[1].user-id=${sec}`,
    '--bot.bootstrap.roles[1].role=SECRETARY',
    '--bot.bootstrap.roles[1].group=',
  ];
  const creds = genCredentials();

  for (const round of ['first start', 'second start, same data dir']) {
    const launched = await start('boot', { fake, dataDir: 'boot-data', args, creds });
    try {
      const health = await waitHealthy(launched.baseUrl, START_TIMEOUT_MS, launched.app);
      note(`bootstrap app started (${round})`);
      expect(health.ok, `${round}: ${health.reason}`);
      const say = talker({ ...launched, fake, runId: `${runId}${round[0]}` });
      const at = (what) => `${round}: ${what}`;

      const info = await say.inGroup(g.internal.chat, ADMIN, `${BOT} /群信息`);
      expectOnce(info, `【${g.internal.name}】`, at('/群信息 in the declared internal group'));
      expectHas(info, '类型：聚焦服务群', at('/群信息 in the declared internal group'));
      expectHas(info, '渠道：内部群', at('/群信息 in the declared internal group'));
      expectOnce(info, `社工：${worker}`, at('/群信息 in the declared internal group'));
      expectOnce(info, worker, at('/群信息 in the declared internal group'));
      // the declared everywhere grant and admin01 from BOT_ADMINS
      expectHas(info, '另有 2 位在所有群有效的工作人员', at('/群信息 in the declared internal group'));

      const roles = await say.inGroup(g.internal.chat, ADMIN, `${BOT} /角色 列表`);
      expectOnce(roles, `社工：${worker}`, at('/角色 列表 in the declared internal group'));
      expectOnce(roles, `群秘书：${sec}（所有群）`, at('/角色 列表 in the declared internal group'));
      expectOnce(roles, sec, at('/角色 列表 in the declared internal group'));

      const all = await say.inPrivate(ADMIN, '/角色 列表 全部');
      expectOnce(all, `群秘书：${sec}`, at('/角色 列表 全部'));
      expectLacks(all, worker, at('/角色 列表 全部 (a per-group grant)'));

      // the list of groups admin01 may pick (after the "当前群" line, which names the last pick)
      const listReply = await say.inPrivate(ADMIN, '/切换');
      expectHas(listReply, '您可以切换到：', at('/切换'));
      const list = listReply.slice(listReply.indexOf('您可以切换到：'));
      expectOnce(list, g.internal.name, at('/切换 list'));
      expectOnce(list, g.customer.name, at('/切换 list'));
      const use = await say.inPrivate(ADMIN, `/切换 ${g.customer.name}`);
      expectHas(use, `作用于「${g.customer.name}」`, at('/切换 to the declared customer group'));
      const cinfo = await say.inPrivate(ADMIN, '/群信息');
      expectOnce(cinfo, `【${g.customer.name}】`, at('private /群信息 of the declared customer group'));
      expectHas(cinfo, '类型：线上小区居民群', at('private /群信息 of the declared customer group'));
      expectHas(cinfo, '渠道：客户群', at('private /群信息 of the declared customer group'));
      expectHas(cinfo, '本群还没有单独授予的工作人员角色', at('private /群信息 of the declared customer group'));
      expectHas(cinfo, '另有 2 位在所有群有效的工作人员', at('private /群信息 of the declared customer group'));

      const audit = await say.inPrivate(ADMIN, '/审计 全部 50');
      const lines = audit.split('\n');
      const declared = lines.filter((l) => l.includes('配置声明'));
      const expectLine = (needle, what) => {
        const n = declared.filter((l) => l.includes(needle)).length;
        expect(n === 1, at(`/审计 全部 50: ${n} "配置声明" entries for ${what}, want exactly 1; entries=${show(declared.join('\n'), 1200)}`));
      };
      expectLine(`「${g.internal.name}」类型 FOCUS_SERVICE`, g.internal.name);
      expectLine(`「${g.customer.name}」类型 RESIDENTS`, g.customer.name);
      expectLine(`授予 ${worker}「社工」`, `${worker} 社工`);
      expectLine(`授予 ${sec}「群秘书」，在所有群有效`, `${sec} 群秘书`);
      expect(declared.length === 4, at(`/审计 全部 50: ${declared.length} "配置声明" entries, want 4; entries=${show(declared.join('\n'), 1200)}`));
      expect(declared.every((l) => l.includes(' system-config ')), at(`a "配置声明" entry not by system-config: ${show(declared.join('\n'), 1200)}`));
    } finally {
      await stopApp(launched.app);
      note(`bootstrap app stopped (${round})`);
    }
  }
}

await main();
