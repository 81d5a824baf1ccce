// Independent end-to-end conformance suite for the bot's WeCom endpoints.
// It plays WeCom on both sides: it signs/encrypts callbacks into the app and
// runs fake-wecom.mjs to receive the app's outbound API calls.
//
//   node scripts/wecom-client/conformance.mjs [--jar PATH] [--keep-logs]
//   node scripts/wecom-client/conformance.mjs --base-url http://127.0.0.1:8080 --fake-port 18080
//        (app already running; credentials from BOT_WECOM_* env; the app
//         must have been started with --bot.wecom.api-base-url pointing at
//         http://127.0.0.1:<fake-port>)
//
// Output: "ok - name" / "not ok - name: reason" per case, then exactly one
// last line "N passed, M failed". Exit code 1 on any failure.

import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFake } from './fake-wecom.mjs';
import { runSelftest } from './selftest.mjs';
import { sign } from './wecom-crypto.mjs';
import {
  credsFromEnv, launchApp, stopApp, waitHealthy, tailFile,
  request, makeCallbacks, appTextXml, botText, replyText, randomHex, randomMsgId, randomNonce, nowTs,
  sleep, safeJson,
} from './harness.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const REPLY_TIMEOUT_MS = 10_000; // contract: replies within 10 s
const QUIET_MS = 2_000;          // how long we wait to be sure nothing arrives
const BOT_NAME = '三社助手';

// ---------------------------------------------------------------- options

function parseArgs(argv) {
  const o = { jar: path.join(REPO, 'bot-app/target/bot-app.jar'), keepLogs: false, baseUrl: null, fakePort: 0 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--jar') o.jar = argv[++i];
    else if (a === '--keep-logs') o.keepLogs = true;
    else if (a === '--base-url') o.baseUrl = argv[++i].replace(/\/$/, '');
    else if (a === '--fake-port') o.fakePort = Number(argv[++i]);
    else if (a === '-h' || a === '--help') {
      console.log('usage: conformance.mjs [--jar PATH] [--keep-logs] [--base-url URL --fake-port P]');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  return o;
}

// ---------------------------------------------------------------- assertions

class CaseFailure extends Error {}
function expect(cond, reason) { if (!cond) throw new CaseFailure(reason); }
const short = (s, n = 160) => { s = String(s ?? ''); return s.length > n ? `${s.slice(0, n)}…` : s; };
const looksChinese = (s) => /[\u4e00-\u9fff]/.test(s);
const looksLikeStackTrace = (s) => /(Exception|Error)\b.*(\n|\s)+at\s|\bat [\w$.]+\([\w$]+\.java:\d+\)|\.java:\d+\)|Caused by:/.test(s);

function expectStatus(r, want, what) {
  expect(r.status === want, `${what}: HTTP ${r.status}, want ${want}; body=${JSON.stringify(short(r.body))}`);
}
function expectEmpty(r, what) {
  expect(r.body === '', `${what}: body should be empty, got ${JSON.stringify(short(r.body))}`);
}
function expect4xx(r, what) {
  expect(r.status >= 400 && r.status < 500, `${what}: HTTP ${r.status}, want 4xx; body=${JSON.stringify(short(r.body))}`);
}

// ---------------------------------------------------------------- main

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const runId = randomHex(3);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wecom-conf-'));
  const logFile = path.join(tmp, 'app.log');
  const results = [];
  let app = null;
  let fake = null;
  let xxeProbe = null;

  const report = (name, ok, reason = '') => {
    results.push({ name, ok, reason });
    console.log(ok ? `ok - ${name}` : `not ok - ${name}: ${reason}`);
  };

  try {
    fake = await startFake({ port: opts.fakePort });
    let creds;
    let baseUrl;
    if (opts.baseUrl) {
      creds = credsFromEnv();
      baseUrl = opts.baseUrl;
      if (!opts.fakePort) console.log('# warning: --base-url without --fake-port: the app cannot reach this fake, reply checks will fail');
    } else {
      // Local profile (default): H2 under a fresh data dir.
      ({ app, baseUrl, creds } = await launchApp({
        jar: opts.jar, fakeBaseUrl: fake.baseUrl, tmpDir: tmp,
        args: [`--bot.local.data-dir=${path.join(tmp, 'data')}`],
      }));
    }

    const health = await waitHealthy(baseUrl, 90_000, app);
    if (!health.ok) {
      report('app starts and reports health UP', false, health.reason);
      return finish();
    }

    xxeProbe = await startProbe();
    const cases = defineCases({ creds, baseUrl, fake, runId, xxeProbe });
    for (const [name, fn] of cases) {
      try {
        await fn();
        report(name, true);
      } catch (e) {
        report(name, false, e instanceof CaseFailure ? e.message : `error: ${e.stack || e}`);
      }
    }
  } catch (e) {
    // A missing jar is an expected setup problem: no stack trace needed.
    report('harness', false, /^jar not found/.test(e.message) ? e.message : (e.stack || String(e)));
  }
  return finish();

  async function finish() {
    await stopApp(app);
    await fake?.close();
    await xxeProbe?.close();
    const failed = results.filter((r) => !r.ok).length;
    if (failed && fs.existsSync(logFile)) {
      console.log(`# last 60 lines of ${logFile}:`);
      console.log(tailFile(logFile, 60).split('\n').map((l) => `#   ${l}`).join('\n'));
    }
    if (opts.keepLogs) console.log(`# logs kept in ${tmp}`);
    else fs.rmSync(tmp, { recursive: true, force: true });
    console.log(`${results.length - failed} passed, ${failed} failed`);
    process.exitCode = failed ? 1 : 0;
  }
}

/** Tiny HTTP listener the XXE payloads point at; it must never be called. */
async function startProbe() {
  const hits = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'application/xml' });
    res.end('<!ENTITY leaked "LEAKED">');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    hits,
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
  };
}

// ---------------------------------------------------------------- cases

function defineCases({ creds, baseUrl, fake, runId, xxeProbe }) {
  const cb = makeCallbacks(creds);
  const send = (c, extra = {}) => request({ ...c, url: baseUrl + c.path, ...extra });
  let seq = 0;
  const uid = (tag) => `${tag}${runId}${++seq}`; // unique user / chat ids per case

  // Every rejected callback carries a real command, so a wrongly-accepted one
  // would produce a reply; the sweep case at the end checks all of these.
  const sentinels = { users: [], codes: [] };

  const responseUrl = (code) => `${fake.baseUrl}/cgi-bin/aibot/response?response_code=${encodeURIComponent(code)}`;

  /** AI-bot text callback with a fresh response_code; returns {cb, code, msg}. */
  function botMsg({ content, chat = true, from = uid('u'), msgid, cbOpts = {} }) {
    const code = `rc_${uid('c')}_${randomHex(4)}`;
    const msg = botText({ msgid, chatid: chat ? `wr${uid('g')}` : undefined, from, content, responseUrl: responseUrl(code) });
    return { cb: cb.botPost(msg, cbOpts), code, msg, from };
  }

  /** App text callback from a fresh user; returns {cb, user}. */
  function appMsg({ content, user = uid('u'), msgId, cbOpts = {}, doctype }) {
    const xml = appTextXml(creds, { from: user, content, msgId, doctype });
    return { cb: cb.appPost(xml, cbOpts), user, xml };
  }

  async function awaitBotReply(code, what) {
    const rec = await fake.waitFor(() => fake.aibotByCode.get(code), REPLY_TIMEOUT_MS);
    expect(rec, `${what}: no POST to response_url within ${REPLY_TIMEOUT_MS / 1000} s`
      + ` (fake saw ${fake.records.aibot.length} aibot replies, ${fake.records.unknown.length} unknown requests)`);
    expect(rec.body?.msgtype === 'markdown', `${what}: reply msgtype ${JSON.stringify(rec.body?.msgtype)}, want "markdown"; body=${short(JSON.stringify(rec.body))}`);
    expect(typeof rec.body?.markdown?.content === 'string', `${what}: reply has no markdown.content`);
    return rec.body.markdown.content;
  }

  async function awaitAppReply(user, what) {
    const recs = await fake.waitFor(() => { const r = fake.sendsTo(user); return r.length ? r : null; }, REPLY_TIMEOUT_MS);
    expect(recs, `${what}: no message/send to ${user} within ${REPLY_TIMEOUT_MS / 1000} s`
      + ` (fake saw ${fake.records.sends.length} sends, ${fake.records.tokens.length} gettoken, ${fake.records.unknown.length} unknown)`);
    const rec = recs[0];
    expect(rec.tokenKnown, `${what}: message/send used access_token ${JSON.stringify(rec.token)} that the fake never issued`);
    expect(String(rec.body?.agentid) === creds.agentId, `${what}: message/send agentid ${JSON.stringify(rec.body?.agentid)}, want ${creds.agentId}`);
    expect(['text', 'markdown'].includes(rec.body?.msgtype), `${what}: msgtype ${JSON.stringify(rec.body?.msgtype)}`);
    return replyText(rec.body);
  }

  async function expectNoBotReply(code, what, ms = QUIET_MS) {
    await sleep(ms);
    const rec = fake.aibotByCode.get(code);
    expect(!rec, `${what}: unexpected reply ${short(JSON.stringify(rec?.body))}`);
  }
  async function expectNoAppReply(user, what, ms = QUIET_MS) {
    await sleep(ms);
    const recs = fake.sendsTo(user);
    expect(!recs.length, `${what}: unexpected message/send ${short(JSON.stringify(recs[0]?.body))}`);
  }

  /** Sends and asserts 200 + empty body (the "accepted" answer). */
  async function accepted(c, what) {
    const r = await send(c);
    expectStatus(r, 200, what);
    expectEmpty(r, what);
  }

  const cases = [];
  const add = (name, fn) => cases.push([name, fn]);

  // -------------------------------------------------------------- crypto, URL verification

  add('crypto selftest (official vectors A1 A2 B1 B2, AI-bot C1-C3)', async () => {
    const bad = runSelftest().filter((r) => !r.ok);
    expect(!bad.length, bad.map((r) => `${r.name}: ${r.reason}`).join('; '));
  });

  add('app URL verification echoes decrypted echostr', async () => {
    const plain = String(BigInt('0x' + randomHex(8)) % 10n ** 19n); // WeCom sends a long number
    const r = await send(cb.appVerify(plain));
    expectStatus(r, 200, 'GET');
    expect(r.body === plain, `body ${JSON.stringify(short(r.body))}, want exactly ${JSON.stringify(plain)}`);
  });

  add('aibot URL verification echoes decrypted echostr (receive id "")', async () => {
    const plain = String(BigInt('0x' + randomHex(8)) % 10n ** 19n);
    const r = await send(cb.botVerify(plain));
    expectStatus(r, 200, 'GET');
    expect(r.body === plain, `body ${JSON.stringify(short(r.body))}, want exactly ${JSON.stringify(plain)}`);
  });

  // -------------------------------------------------------------- replies

  add('app /帮助 (private) → message/send to the sender containing "/我是谁"', async () => {
    const m = appMsg({ content: '/帮助' });
    await accepted(m.cb, 'POST');
    const text = await awaitAppReply(m.user, 'reply');
    expect(text.includes('/我是谁'), `reply does not contain "/我是谁": ${JSON.stringify(short(text, 300))}`);
    const tok = fake.records.tokens.at(-1);
    expect(tok && tok.corpid === creds.corpId && tok.corpsecret === creds.secret,
      `gettoken called with corpid=${tok?.corpid} corpsecret=${tok ? '(wrong)' : '(none)'}`);
  });

  add('app /help (ASCII alias) → help text', async () => {
    const m = appMsg({ content: '/help' });
    await accepted(m.cb, 'POST');
    const text = await awaitAppReply(m.user, 'reply');
    expect(text.includes('/我是谁'), `reply does not contain "/我是谁": ${JSON.stringify(short(text, 300))}`);
  });

  add('app /我是谁 → reply contains the sender userid', async () => {
    const m = appMsg({ content: '/我是谁' });
    await accepted(m.cb, 'POST');
    const text = await awaitAppReply(m.user, 'reply');
    expect(text.includes(m.user), `reply does not contain ${m.user}: ${JSON.stringify(short(text, 300))}`);
  });

  add(`aibot group "@${BOT_NAME} /帮助" → markdown reply at response_url`, async () => {
    const m = botMsg({ content: `@${BOT_NAME} /帮助` });
    await accepted(m.cb, 'POST');
    const text = await awaitBotReply(m.code, 'reply');
    expect(text.includes('/我是谁'), `reply does not contain "/我是谁": ${JSON.stringify(short(text, 300))}`);
  });

  add(`aibot group full-width "@${BOT_NAME} ／帮助"`, async () => {
    const m = botMsg({ content: `@${BOT_NAME} ／帮助` });
    await accepted(m.cb, 'POST');
    const text = await awaitBotReply(m.code, 'reply');
    expect(text.includes('/我是谁'), `reply does not contain "/我是谁": ${JSON.stringify(short(text, 300))}`);
  });

  add('aibot 1:1 "/help" (chattype single, no chatid)', async () => {
    const m = botMsg({ content: '/help', chat: false });
    await accepted(m.cb, 'POST');
    const text = await awaitBotReply(m.code, 'reply');
    expect(text.includes('/我是谁'), `reply does not contain "/我是谁": ${JSON.stringify(short(text, 300))}`);
  });

  add('aibot group /whoami → reply contains the sender userid', async () => {
    const m = botMsg({ content: `@${BOT_NAME} /whoami` });
    await accepted(m.cb, 'POST');
    const text = await awaitBotReply(m.code, 'reply');
    expect(text.includes(m.from), `reply does not contain ${m.from}: ${JSON.stringify(short(text, 300))}`);
  });

  add('aibot unknown command /不存在 → non-empty Chinese reply, no stack trace', async () => {
    const m = botMsg({ content: `@${BOT_NAME} /不存在` });
    await accepted(m.cb, 'POST');
    const text = await awaitBotReply(m.code, 'reply');
    expect(text.trim().length > 0, 'reply is empty');
    expect(looksChinese(text), `reply is not Chinese: ${JSON.stringify(short(text, 300))}`);
    expect(!looksLikeStackTrace(text), `reply looks like a stack trace: ${JSON.stringify(short(text, 300))}`);
  });

  // -------------------------------------------------------------- duplicates

  add('app duplicate callback ×3 (same MsgId) → all 200, exactly one reply', async () => {
    const m = appMsg({ content: '/帮助' });
    for (let i = 1; i <= 3; i++) await accepted(m.cb, `POST #${i}`);
    await awaitAppReply(m.user, 'reply');
    await sleep(QUIET_MS + 1000); // give a second reply time to show up
    const n = fake.sendsTo(m.user).length;
    expect(n === 1, `${n} message/send calls to ${m.user}, want 1`);
  });

  add('aibot duplicate callback ×3 (same msgid) → all 200, exactly one reply', async () => {
    const m = botMsg({ content: `@${BOT_NAME} /帮助` });
    for (let i = 1; i <= 3; i++) await accepted(m.cb, `POST #${i}`);
    await awaitBotReply(m.code, 'reply');
    await sleep(QUIET_MS + 1000);
    const dups = fake.records.duplicates.filter((d) => d.responseCode === m.code).length;
    expect(dups === 0, `${dups} extra POSTs to the single-use response_url`);
  });

  add('aibot duplicate callback ×3 sent concurrently → all 200, exactly one reply', async () => {
    const m = botMsg({ content: `@${BOT_NAME} /帮助` });
    const rs = await Promise.all([send(m.cb), send(m.cb), send(m.cb)]);
    rs.forEach((r, i) => { expectStatus(r, 200, `POST #${i + 1}`); expectEmpty(r, `POST #${i + 1}`); });
    await awaitBotReply(m.code, 'reply');
    await sleep(QUIET_MS + 1000);
    const dups = fake.records.duplicates.filter((d) => d.responseCode === m.code).length;
    expect(dups === 0, `${dups} extra POSTs to the single-use response_url`);
  });

  // -------------------------------------------------------------- rejections

  // Flip one hex digit of an otherwise valid signature.
  const tamper = (sig) => sig.slice(0, -1) + (sig.at(-1) === '0' ? '1' : '0');
  // Copy of a built callback with one query parameter replaced (null = removed).
  const withParam = (c, key, value) => {
    const [p, q] = c.path.split('?');
    const params = new URLSearchParams(q);
    if (value == null) params.delete(key); else params.set(key, value);
    return { ...c, path: `${p}?${params}` };
  };

  add('tampered signature → 403 with empty body (app+aibot, GET+POST)', async () => {
    const a = appMsg({ content: '/帮助' });
    const b = botMsg({ content: `@${BOT_NAME} /帮助` });
    sentinels.users.push(a.user); sentinels.codes.push(b.code);
    const botVer = cb.botVerify('123456');
    const verBad = cb.appVerify('123456');
    const attempts = [
      ['app POST', withParam(a.cb, 'msg_signature', tamper(a.cb.sig))],
      ['aibot POST', withParam(b.cb, 'msg_signature', tamper(b.cb.sig))],
      ['app GET', withParam(verBad, 'msg_signature', tamper(verBad.sig))],
      ['aibot GET', withParam(botVer, 'msg_signature', tamper(botVer.sig))],
      // Right algorithm, wrong token: the app message signed with the AI-bot token.
      ['app POST signed with the AI-bot token', withParam(a.cb, 'msg_signature', sign(creds.aibotToken, a.cb.ts, a.cb.nonce, a.cb.encrypt))],
    ];
    for (const [what, c] of attempts) {
      const r = await send(c);
      expectStatus(r, 403, what);
      expectEmpty(r, what);
    }
    // Missing msg_signature: the contract does not say 400 or 403, only "rejected".
    const r = await send(withParam(a.cb, 'msg_signature', null));
    expect4xx(r, 'app POST without msg_signature');
    await expectNoAppReply(a.user, 'app');
    await expectNoBotReply(b.code, 'aibot', 0);
  });

  add('stale timestamp (now-3600) → 403; also now+3600', async () => {
    for (const [label, delta] of [['now-3600', -3600], ['now+3600', 3600]]) {
      const ts = String(Math.floor(Date.now() / 1000) + delta);
      const a = appMsg({ content: '/帮助', cbOpts: { ts } });
      const b = botMsg({ content: `@${BOT_NAME} /帮助`, cbOpts: { ts } });
      sentinels.users.push(a.user); sentinels.codes.push(b.code);
      for (const [what, c] of [[`app POST ${label}`, a.cb], [`aibot POST ${label}`, b.cb]]) {
        const r = await send(c);
        expectStatus(r, 403, what);
        expectEmpty(r, what);
      }
    }
  });

  add('oversized body (>64 KiB, correctly signed) → 413', async () => {
    const big = `@${BOT_NAME} /帮助 ${'长'.repeat(24_000)}`; // ~72 KB UTF-8 → ~96 KB base64
    const b = botMsg({ content: big });
    sentinels.codes.push(b.code);
    expect(Buffer.byteLength(b.cb.body) > 65_536, 'test bug: body not large enough');
    let r = await send(b.cb);
    expectStatus(r, 413, 'aibot POST with Content-Length');
    const b2 = botMsg({ content: big });
    sentinels.codes.push(b2.code);
    r = await send(b2.cb, { chunked: true });
    expectStatus(r, 413, 'aibot POST chunked (no Content-Length)');
    const a = appMsg({ content: big });
    sentinels.users.push(a.user);
    r = await send(a.cb);
    expectStatus(r, 413, 'app POST with Content-Length');
  });

  add('aibot body not JSON → 400', async () => {
    const c = cb.botPost('{}', { envelope: 'this is not json <xml/>' });
    const r = await send(c);
    expectStatus(r, 400, 'POST');
  });

  add('app body not XML → 400', async () => {
    const c = cb.appPost('<xml/>', { envelope: '{"Encrypt":"not xml"}' });
    const r = await send(c);
    expectStatus(r, 400, 'POST');
  });

  add('missing encrypt field → 400 (aibot JSON and app XML)', async () => {
    let r = await send(cb.botPost('{}', { envelope: JSON.stringify({ msgid: 'x', text: 'no encrypt here' }) }));
    expectStatus(r, 400, 'aibot {} without encrypt');
    r = await send(cb.botPost('{}', { envelope: '{"encrypt":null}' }));
    expectStatus(r, 400, 'aibot encrypt=null');
    r = await send(cb.appPost('<xml/>', { envelope: `<xml><ToUserName><![CDATA[${creds.corpId}]]></ToUserName><AgentID><![CDATA[${creds.agentId}]]></AgentID></xml>` }));
    expectStatus(r, 400, 'app XML without Encrypt');
  });

  add('garbage ciphertext (correctly signed) → 400', async () => {
    const variants = {
      'not base64': '%%%not-base64%%%',
      'random 33 bytes (not block aligned)': Buffer.from(randomHex(33), 'hex').toString('base64'),
      // Decrypts cleanly at the AES level but the last (pad) byte is 0.
      'bad PKCS#7 pad byte': cb.botCrypto.encryptRaw(Buffer.alloc(64, 0)),
      // Valid padding (a full block of 0x20), but msg_len claims 1 MiB.
      'msg_len beyond plaintext': cb.botCrypto.encryptRaw(Buffer.concat([
        Buffer.alloc(16, 65), Buffer.from([0, 16, 0, 0]), Buffer.alloc(12, 66), Buffer.alloc(32, 32)])),
      // Decrypts and unpads fine, but the plaintext is not JSON.
      'plaintext not JSON': cb.botCrypto.encrypt(null, 'hello, not json', ''),
    };
    for (const [what, enc] of Object.entries(variants)) {
      const r = await send(cb.botPost('{}', { encrypt: enc }));
      expectStatus(r, 400, `aibot ${what}`);
    }
    let r = await send(cb.appPost('<xml/>', { encrypt: cb.appCrypto.encryptRaw(Buffer.alloc(64, 0)) }));
    expectStatus(r, 400, 'app bad PKCS#7 pad byte');
    r = await send(cb.appPost('<xml/>', { encrypt: cb.appCrypto.encrypt(null, 'not <xml at all', creds.corpId) }));
    expectStatus(r, 400, 'app plaintext not XML');
  });

  add('XXE / DOCTYPE in the plaintext → 400 and nothing fetched', async () => {
    const p = xxeProbe.url;
    const doctypes = {
      'external general entity': `<!DOCTYPE xml [<!ENTITY xxe SYSTEM "${p}/general">]>`,
      'external parameter entity': `<!DOCTYPE xml [<!ENTITY % ext SYSTEM "${p}/param"> %ext;]>`,
      'external DTD': `<!DOCTYPE xml SYSTEM "${p}/dtd">`,
      'internal entity only': '<!DOCTYPE xml [<!ENTITY a "aaaaaaaa">]>',
    };
    for (const [what, doctype] of Object.entries(doctypes)) {
      const user = uid('x');
      sentinels.users.push(user);
      const content = what === 'external general entity' ? '/帮助 &xxe;' : '/帮助';
      // Build by hand: CDATA would hide the entity reference, so use plain text.
      const xml = `<?xml version="1.0" encoding="UTF-8"?>${doctype}<xml><ToUserName>${creds.corpId}</ToUserName><FromUserName>${user}</FromUserName>`
        + `<CreateTime>${nowTs()}</CreateTime><MsgType>text</MsgType><Content>${content}</Content><MsgId>${randomMsgId()}</MsgId><AgentID>${creds.agentId}</AgentID></xml>`;
      const r = await send(cb.appPost(xml));
      expectStatus(r, 400, `plaintext with ${what}`);
    }
    // The outer envelope is XML too and is parsed before decryption.
    const user = uid('x');
    sentinels.users.push(user);
    const enc = cb.appCrypto.encrypt(null, appTextXml(creds, { from: user, content: '/帮助' }), creds.corpId);
    const env = `<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "${p}/envelope">]><xml><ToUserName>&xxe;</ToUserName><AgentID>${creds.agentId}</AgentID><Encrypt><![CDATA[${enc}]]></Encrypt></xml>`;
    const r = await send(cb.appPost('', { encrypt: enc, envelope: env }));
    expect4xx(r, 'envelope with external entity');
    await sleep(1000); // a parser fetch could be asynchronous
    expect(xxeProbe.hits.length === 0, `the app fetched ${xxeProbe.hits.join(', ')}`);
  });

  add('app message encrypted with a different receive id → 4xx, no reply', async () => {
    const otherCorp = 'ww' + randomHex(8);
    const m = appMsg({ content: '/帮助', cbOpts: { receiveId: otherCorp } });
    sentinels.users.push(m.user);
    const r = await send(m.cb);
    expect4xx(r, 'POST');
    await expectNoAppReply(m.user, 'wrong receive id');
  });

  // -------------------------------------------------------------- events, silence

  add('aibot enter_chat → signed passive JSON reply decrypting to a Chinese text welcome', async () => {
    const user = uid('u');
    const ev = {
      msgid: 'ev' + randomHex(12), create_time: Number(nowTs()), aibotid: 'AIBOT1', from: { userid: user },
      chattype: 'single', msgtype: 'event', event: { eventtype: 'enter_chat' },
    };
    const c = cb.botPost(ev);
    const r = await send(c);
    expectStatus(r, 200, 'POST');
    const j = safeJson(r.body);
    expect(j && typeof j === 'object', `body is not JSON: ${JSON.stringify(short(r.body))}`);
    for (const k of ['encrypt', 'msgsignature', 'timestamp', 'nonce']) expect(j[k] != null, `passive reply lacks "${k}": ${short(r.body)}`);
    expect(String(j.nonce) === c.nonce, `nonce ${j.nonce}, want the request nonce ${c.nonce}`);
    const want = sign(creds.aibotToken, String(j.timestamp), String(j.nonce), j.encrypt);
    expect(j.msgsignature === want, `msgsignature ${j.msgsignature}, want ${want}`);
    let dec;
    try { dec = cb.botCrypto.decrypt(j.encrypt); } catch (e) { expect(false, `encrypt does not decrypt: ${e.message}`); }
    expect(dec.receiveid === '', `receive id ${JSON.stringify(dec.receiveid)}, want ""`);
    const inner = safeJson(dec.msg);
    expect(inner?.msgtype === 'text', `decrypted msgtype ${JSON.stringify(inner?.msgtype)}, want "text": ${short(dec.msg)}`);
    expect(typeof inner.text?.content === 'string' && looksChinese(inner.text.content), `welcome is not Chinese text: ${short(dec.msg)}`);
  });

  add('aibot plain group text without a slash → no reply', async () => {
    const m = botMsg({ content: `@${BOT_NAME} 今天天气不错` });
    await accepted(m.cb, 'POST');
    await expectNoBotReply(m.code, 'plain text');
  });

  // -------------------------------------------------------------- final sweeps

  add('rejected callbacks produced no reply; no duplicate or unknown API calls', async () => {
    await sleep(QUIET_MS);
    const users = sentinels.users.filter((u) => fake.sendsTo(u).length);
    const codes = sentinels.codes.filter((c) => fake.aibotByCode.has(c));
    expect(!users.length && !codes.length, `replies for rejected callbacks: users=${users.join(',')} codes=${codes.join(',')}`);
    expect(fake.records.duplicates.length === 0, `${fake.records.duplicates.length} duplicate response_url POSTs`);
    const unk = fake.records.unknown.map((u) => `${u.method} ${u.path}`);
    expect(!unk.length, `unknown API calls at the fake: ${unk.slice(0, 5).join(', ')}`);
  });

  add('health endpoint still UP after all cases', async () => {
    const r = await request({ method: 'GET', url: `${baseUrl}/actuator/health` });
    expectStatus(r, 200, 'GET /actuator/health');
    expect(safeJson(r.body)?.status === 'UP', `status ${short(r.body)}`);
  });

  return cases;
}

await main();
