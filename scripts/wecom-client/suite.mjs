// What the scenario suites (commands.mjs, escalation.mjs, nicknames.mjs) share:
// their command line, their assertions, WeCom users talking to one running
// app, and the run of a suite against one start of the jar.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFake } from './fake-wecom.mjs';
import {
  request, makeCallbacks, appTextXml, botText, replyText, randomHex, nowTs,
  launchApp, stopApp, waitHealthy, tailFile,
} from './harness.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const REPLY_TIMEOUT_MS = 10_000; // contract: replies within 10 s

/** --jar PATH, --keep-logs, --verbose (every exchange printed as # lines). */
export function parseSuiteArgs(argv, script) {
  const o = { jar: path.join(REPO, 'bot-app/target/bot-app.jar'), keepLogs: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--jar') o.jar = argv[++i];
    else if (a === '--keep-logs') o.keepLogs = true;
    else if (a === '--verbose') o.verbose = true;
    else if (a === '-h' || a === '--help') {
      console.log(`usage: ${script} [--jar PATH] [--keep-logs] [--verbose]`);
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  verbose = o.verbose;
  return o;
}

/** A case's expectation not met: reported as "not ok - name: reason", without a stack trace. */
export class CaseFailure extends Error {}
export function expect(cond, reason) { if (!cond) throw new CaseFailure(reason); }
export const show = (s, n = 400) => { s = String(s ?? ''); return JSON.stringify(s.length > n ? `${s.slice(0, n)}…` : s); };
export function expectHas(text, needle, what) {
  expect(String(text).includes(needle), `${what}: does not contain ${JSON.stringify(needle)}; text=${show(text)}`);
}

let verbose = false;
export const trace = (what, text) => {
  if (verbose) console.log(`# ${what}\n${String(text).split('\n').map((l) => `#   | ${l}`).join('\n')}`);
};

/**
 * WeCom users talking to one running app: inGroup() (AI bot, chattype group,
 * answered at the response_url) and inPrivate() (self-built app XML, answered
 * by message/send) wait for the one answer they cause and return its text;
 * postInGroup() and click() only deliver a callback (checked for 200), and the
 * caller reads what the bot did from the fake's records.
 */
export function talker({ creds, baseUrl, fake, runId }) {
  const cb = makeCallbacks(creds);
  let seq = 0;

  async function accepted(c, what) {
    const r = await request({ ...c, url: baseUrl + c.path });
    expect(r.status === 200, `${what}: callback answered HTTP ${r.status} ${show(r.body, 160)}, want 200`);
  }

  /** `from` @-mentions the bot in group `chat`; answers the response_url code this message carries. */
  async function postInGroup(chat, from, content) {
    const code = `rc_${runId}_${++seq}_${randomHex(4)}`;
    const responseUrl = `${fake.baseUrl}/cgi-bin/aibot/response?response_code=${encodeURIComponent(code)}`;
    await accepted(cb.botPost(botText({ chatid: chat, from, content, responseUrl })), `${from} in ${chat}: ${JSON.stringify(content)}`);
    return code;
  }

  async function inGroup(chat, from, content) {
    const what = `${from} in ${chat}: ${JSON.stringify(content)}`;
    const code = await postInGroup(chat, from, content);
    const rec = await fake.waitFor(() => fake.aibotByCode.get(code), REPLY_TIMEOUT_MS);
    expect(rec, `${what}: no POST to response_url within ${REPLY_TIMEOUT_MS / 1000} s`);
    expect(rec.body?.msgtype === 'markdown', `${what}: reply msgtype ${JSON.stringify(rec.body?.msgtype)}, want "markdown"`);
    trace(what, replyText(rec.body));
    return replyText(rec.body);
  }

  /** `from` writes to the app privately; answers the text of the next text message/send to them. */
  async function inPrivate(from, content) {
    const texts = () => fake.sendsTo(from).filter((x) => x.body?.msgtype === 'text');
    const before = texts().length;
    const what = `${from} privately: ${JSON.stringify(content)}`;
    await accepted(cb.appPost(appTextXml(creds, { from, content })), what);
    const recs = await fake.waitFor(() => { const r = texts(); return r.length > before ? r : null; }, REPLY_TIMEOUT_MS);
    expect(recs, `${what}: no message/send to ${from} within ${REPLY_TIMEOUT_MS / 1000} s`);
    const rec = recs[before];
    expect(rec.tokenKnown, `${what}: message/send used an access_token the fake never issued`);
    trace(what, replyText(rec.body));
    return replyText(rec.body);
  }

  /** `from` clicks the button `key` of the card `taskId` (app event template_card_event). */
  async function click(from, taskId, key, responseCode) {
    const xml = `<xml><ToUserName><![CDATA[${creds.corpId}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName>`
      + `<CreateTime>${nowTs()}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[template_card_event]]></Event>`
      + `<EventKey><![CDATA[${key}]]></EventKey><TaskId><![CDATA[${taskId}]]></TaskId>`
      + `<CardType><![CDATA[button_interaction]]></CardType><ResponseCode><![CDATA[${responseCode}]]></ResponseCode>`
      + `<AgentID>${creds.agentId}</AgentID></xml>`;
    await accepted(cb.appPost(xml), `${from} clicks ${key} on ${taskId}`);
  }

  return { postInGroup, inGroup, inPrivate, click };
}

/**
 * Runs one scenario suite against one start of the jar with a fresh fake WeCom: prints "ok - …" / "not ok - …" per
 * case and the last line "N passed, M failed", sets the exit code, and shows the app's last log lines on a failure.
 * makeCases({creds, baseUrl, fake, runId, note}) returns the [name, async fn] pairs, run in order.
 */
export async function runJarSuite({ script, tmpPrefix, appArgs, env = {}, startTimeoutMs, makeCases }) {
  const opts = parseSuiteArgs(process.argv.slice(2), script);
  const runId = randomHex(3);
  const t0 = Date.now();
  const note = (what) => console.log(`# ${((Date.now() - t0) / 1000).toFixed(1)} s: ${what}`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), tmpPrefix));
  const results = [];
  let app = null;
  let fake = null;
  let logFile = null;
  let failedWithLog = false;

  const report = (name, ok, reason = '') => {
    results.push({ name, ok, reason });
    if (!ok) failedWithLog = true;
    console.log(ok ? `ok - ${name}` : `not ok - ${name}: ${reason}`);
  };
  const run = async (name, fn) => {
    try {
      await fn();
      report(name, true);
    } catch (e) {
      report(name, false, e instanceof CaseFailure ? e.message : `error: ${e.stack || e}`);
    }
  };

  try {
    fake = await startFake();
    const tmpDir = path.join(tmp, 'app');
    fs.mkdirSync(tmpDir, { recursive: true });
    const launched = await launchApp({
      jar: opts.jar,
      fakeBaseUrl: fake.baseUrl,
      tmpDir,
      args: [`--bot.local.data-dir=${path.join(tmp, 'data')}`, ...appArgs],
      env,
    });
    app = launched.app;
    logFile = launched.logFile;
    const health = await waitHealthy(launched.baseUrl, startTimeoutMs, app);
    note('app started');
    if (!health.ok) {
      report('app starts and reports health UP', false, health.reason);
    } else {
      for (const [name, fn] of makeCases({ ...launched, fake, runId, note })) await run(name, fn);
    }
  } catch (e) {
    report('harness', false, /^jar not found/.test(e.message) ? e.message : (e.stack || String(e)));
  }

  await stopApp(app);
  if (fake) await fake.close();
  const failed = results.filter((r) => !r.ok).length;
  if (failedWithLog && logFile && fs.existsSync(logFile)) {
    console.log(`# last 40 lines of ${logFile}:`);
    console.log(tailFile(logFile, 40).split('\n').map((l) => `#   ${l}`).join('\n'));
  }
  if (opts.keepLogs) console.log(`# logs kept in ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
  note('done');
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}
