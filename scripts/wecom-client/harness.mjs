// Shared helpers for conformance.mjs and bench-ingest.mjs: credentials,
// ports, spawning/stopping the bot jar, health polling, an HTTP client that
// tolerates early-closing servers, and builders for signed, encrypted
// WeCom callbacks (app = XML, receive id = corp id; AI bot = JSON, receive
// id = "").

import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { makeCrypto, sign } from './wecom-crypto.mjs';

// ---------------------------------------------------------------- credentials

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomAlnum(n) {
  // Rejection sampling keeps the distribution uniform (256 % 62 != 0).
  let out = '';
  while (out.length < n) {
    for (const b of crypto.randomBytes(n * 2)) {
      if (b < 248 && out.length < n) out += ALNUM[b % 62];
    }
  }
  return out;
}

export const randomHex = (bytes) => crypto.randomBytes(bytes).toString('hex');

/** A random 63-bit positive integer as a decimal string (app MsgId). */
export function randomMsgId() {
  return (crypto.randomBytes(8).readBigUInt64BE() >> 1n).toString();
}

/** Random digits, like the nonces WeCom sends. */
export function randomNonce() {
  return String(crypto.randomInt(100000000, 2000000000));
}

export const nowTs = () => String(Math.floor(Date.now() / 1000));

/**
 * EncodingAESKey: 43 alnum chars that must base64-decode to 32 bytes. The
 * 43rd char carries 2 spare bits; lenient decoders ignore them, strict ones
 * reject non-zero bits, so pick a last char whose low 2 bits are zero.
 */
const LAST_KEY_CHARS = 'AEIMQUYcgkosw048'; // base64 values 0,4,8,...,60
export function randomEncodingAesKey() {
  return randomAlnum(42) + LAST_KEY_CHARS[crypto.randomInt(LAST_KEY_CHARS.length)];
}

export function genCredentials() {
  return {
    corpId: 'ww' + randomHex(8),
    agentId: '1000002',
    secret: randomAlnum(43),
    token: randomAlnum(32),
    aesKey: randomEncodingAesKey(),
    aibotToken: randomAlnum(32),
    aibotAesKey: randomEncodingAesKey(),
  };
}

/** Reads credentials from the same env names the Java app uses. */
export function credsFromEnv(env = process.env) {
  const need = ['BOT_WECOM_CORP_ID', 'BOT_WECOM_SECRET', 'BOT_WECOM_TOKEN', 'BOT_WECOM_AES_KEY',
    'BOT_WECOM_AIBOT_TOKEN', 'BOT_WECOM_AIBOT_AES_KEY'];
  const missing = need.filter((k) => !env[k]);
  if (missing.length) throw new Error(`missing env: ${missing.join(', ')}`);
  return {
    corpId: env.BOT_WECOM_CORP_ID,
    agentId: env.BOT_WECOM_AGENT_ID || '1000002',
    secret: env.BOT_WECOM_SECRET,
    token: env.BOT_WECOM_TOKEN,
    aesKey: env.BOT_WECOM_AES_KEY,
    aibotToken: env.BOT_WECOM_AIBOT_TOKEN,
    aibotAesKey: env.BOT_WECOM_AIBOT_AES_KEY,
  };
}

export function credsToEnv(c) {
  return {
    BOT_WECOM_CORP_ID: c.corpId,
    BOT_WECOM_AGENT_ID: c.agentId,
    BOT_WECOM_SECRET: c.secret,
    BOT_WECOM_TOKEN: c.token,
    BOT_WECOM_AES_KEY: c.aesKey,
    BOT_WECOM_AIBOT_TOKEN: c.aibotToken,
    BOT_WECOM_AIBOT_AES_KEY: c.aibotAesKey,
  };
}

// ---------------------------------------------------------------- processes

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Spawns `java [jvmArgs] -jar jar [args]` with stdout+stderr appended to
 * logFile. Returns {child, exited} where exited resolves to the exit code.
 */
export function startApp({ jar, args = [], jvmArgs = [], env = {}, logFile }) {
  if (!fs.existsSync(jar)) throw new Error(`jar not found: ${jar}`);
  const fd = fs.openSync(logFile, 'a');
  const child = spawn('java', [...jvmArgs, '-jar', jar, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', fd, fd],
  });
  fs.closeSync(fd); // the child holds its own copy
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal));
    child.once('error', (e) => resolve(`spawn error: ${e.message}`));
  });
  child.exitInfo = null;
  exited.then((v) => { child.exitInfo = v; });
  return { child, exited };
}

/**
 * Picks a free port and starts the jar wired to the fake WeCom API, with the
 * credentials in BOT_WECOM_* env. Returns {app, baseUrl, creds, logFile}.
 */
export async function launchApp({ jar, fakeBaseUrl, tmpDir, args = [], jvmArgs = [], env = {}, creds = genCredentials() }) {
  const port = await freePort();
  const logFile = path.join(tmpDir, 'app.log');
  const app = startApp({
    jar,
    logFile,
    jvmArgs,
    env: { ...credsToEnv(creds), BOT_ADMINS: 'admin01', ...env },
    args: [`--server.port=${port}`, `--bot.wecom.api-base-url=${fakeBaseUrl}`, ...args],
  });
  return { app, baseUrl: `http://127.0.0.1:${port}`, creds, logFile };
}

/** SIGTERM, then SIGKILL after graceMs; resolves once the process is gone. */
export async function stopApp(app, graceMs = 10_000) {
  if (!app || app.child.exitInfo !== null) return;
  app.child.kill('SIGTERM');
  const t = setTimeout(() => app.child.kill('SIGKILL'), graceMs);
  await app.exited;
  clearTimeout(t);
}

/**
 * Polls GET /actuator/health until 200 with status UP. Gives up early if the
 * spawned process exits. Returns {ok, reason}.
 */
export async function waitHealthy(baseUrl, timeoutMs, app = null) {
  const end = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < end) {
    if (app && app.child.exitInfo !== null) return { ok: false, reason: `app exited (${app.child.exitInfo}) before becoming healthy` };
    try {
      const r = await request({ method: 'GET', url: `${baseUrl}/actuator/health`, timeoutMs: 2000 });
      const status = safeJson(r.body)?.status;
      if (r.status === 200 && status === 'UP') return { ok: true };
      last = `HTTP ${r.status} ${r.body.slice(0, 200)}`;
    } catch (e) {
      last = e.code || e.message;
    }
    await sleep(500);
  }
  return { ok: false, reason: `not healthy after ${timeoutMs / 1000} s (last: ${last})` };
}

export function tailFile(file, lines) {
  try {
    const text = fs.readFileSync(file, 'utf8').replace(/\n+$/, '');
    return text.split('\n').slice(-lines).join('\n');
  } catch (e) {
    return `(cannot read ${file}: ${e.message})`;
  }
}

export function safeJson(s) {
  try { return JSON.parse(s); } catch { return undefined; }
}

// ---------------------------------------------------------------- HTTP client

/**
 * Minimal HTTP request. body: string | Buffer; chunked: send without
 * Content-Length. Resolves {status, headers, body} even when the server
 * answers early and closes the socket while we are still writing (413s).
 */
export function request({ method, url, headers = {}, body, agent, timeoutMs = 15_000, chunked = false }) {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const buf = body == null ? null : Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
    const h = { ...headers };
    if (buf && !chunked) h['content-length'] = buf.length;
    let response = null;
    let settled = false;
    const done = (fn, v) => { if (!settled) { settled = true; fn(v); } };
    const req = http.request({
      method, hostname: u.hostname, port: u.port, path: u.pathname + u.search, headers: h, agent,
    }, (res) => {
      const chunks = [];
      response = { status: res.statusCode, headers: res.headers };
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => done(resolve, { ...response, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', () => done(resolve, { ...response, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(Object.assign(new Error(`timeout after ${timeoutMs} ms`), { code: 'ETIMEDOUT' })));
    req.on('error', (e) => {
      // Server replied (e.g. 413) then reset the connection mid-upload.
      if (response) done(resolve, { ...response, body: '' });
      else done(reject, e);
    });
    if (buf && chunked) {
      // Several writes so the body really goes out as multiple chunks.
      const step = 8192;
      for (let i = 0; i < buf.length; i += step) req.write(buf.subarray(i, i + step));
      req.end();
    } else {
      req.end(buf ?? undefined);
    }
  });
}

// ---------------------------------------------------------------- callbacks

/**
 * Builds signed, encrypted callbacks for one set of credentials. Every
 * builder returns {method, path, body?, headers, ts, nonce, sig, encrypt}; send it with
 * request({...cb, url: baseUrl + cb.path}). opts can override ts, nonce,
 * receiveId, signature (for negative tests) and random.
 */
export function makeCallbacks(creds) {
  const appCrypto = makeCrypto(creds.aesKey);
  const botCrypto = makeCrypto(creds.aibotAesKey);

  function query(params) {
    // URLSearchParams percent-encodes + / = in echostr/signature properly.
    return new URLSearchParams(params).toString();
  }

  function signed(token, enc, opts) {
    const ts = opts.ts ?? nowTs();
    const nonce = opts.nonce ?? randomNonce();
    const sig = opts.signature ?? sign(token, ts, nonce, enc);
    return { ts, nonce, sig };
  }

  return {
    appCrypto,
    botCrypto,

    /** GET URL verification; plain = the echostr plaintext expected back. */
    appVerify(plain, opts = {}) {
      const enc = appCrypto.encrypt(opts.random ?? null, plain, opts.receiveId ?? creds.corpId);
      const { ts, nonce, sig } = signed(creds.token, enc, opts);
      return { method: 'GET', path: `/wecom/app/callback?${query({ msg_signature: sig, timestamp: ts, nonce, echostr: enc })}`, headers: {}, ts, nonce, sig, encrypt: enc };
    },
    botVerify(plain, opts = {}) {
      const enc = botCrypto.encrypt(opts.random ?? null, plain, opts.receiveId ?? '');
      const { ts, nonce, sig } = signed(creds.aibotToken, enc, opts);
      return { method: 'GET', path: `/wecom/aibot/callback?${query({ msg_signature: sig, timestamp: ts, nonce, echostr: enc })}`, headers: {}, ts, nonce, sig, encrypt: enc };
    },

    /** Encrypts an app XML message; opts.encrypt supplies a raw Encrypt value. */
    appPost(xmlPlain, opts = {}) {
      const enc = opts.encrypt ?? appCrypto.encrypt(opts.random ?? null, xmlPlain, opts.receiveId ?? creds.corpId);
      const { ts, nonce, sig } = signed(creds.token, enc, opts);
      const body = opts.envelope ?? appEnvelope(creds, enc);
      return {
        method: 'POST',
        path: `/wecom/app/callback?${query({ msg_signature: sig, timestamp: ts, nonce })}`,
        headers: { 'content-type': 'text/xml; charset=utf-8' },
        body, ts, nonce, sig, encrypt: enc,
      };
    },

    /** Encrypts an AI-bot JSON message (object or string). */
    botPost(msg, opts = {}) {
      const plain = typeof msg === 'string' ? msg : JSON.stringify(msg);
      const enc = opts.encrypt ?? botCrypto.encrypt(opts.random ?? null, plain, opts.receiveId ?? '');
      const { ts, nonce, sig } = signed(creds.aibotToken, enc, opts);
      const body = opts.envelope ?? JSON.stringify({ encrypt: enc });
      return {
        method: 'POST',
        path: `/wecom/aibot/callback?${query({ msg_signature: sig, timestamp: ts, nonce })}`,
        headers: { 'content-type': 'application/json' },
        body, ts, nonce, sig, encrypt: enc,
      };
    },
  };
}

export function appEnvelope(creds, enc) {
  return `<xml><ToUserName><![CDATA[${creds.corpId}]]></ToUserName><AgentID><![CDATA[${creds.agentId}]]></AgentID><Encrypt><![CDATA[${enc}]]></Encrypt></xml>`;
}

/** WeCom app text message plaintext (WECOM.md §4.1). */
export function appTextXml(creds, { from, content, msgId = randomMsgId(), createTime = nowTs(), doctype = '' }) {
  return `${doctype}<xml><ToUserName><![CDATA[${creds.corpId}]]></ToUserName><FromUserName><![CDATA[${from}]]></FromUserName>`
    + `<CreateTime>${createTime}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content>`
    + `<MsgId>${msgId}</MsgId><AgentID>${creds.agentId}</AgentID></xml>`;
}

/** AI-bot text callback plaintext (WECOM.md §3.1–3.2); chatid only for groups. */
export function botText({ msgid = 'msg' + randomHex(12), aibotid = 'AIBOT1', chatid, from, content, responseUrl }) {
  const m = { msgid, aibotid };
  if (chatid) m.chatid = chatid;
  m.chattype = chatid ? 'group' : 'single';
  m.from = { userid: from };
  m.response_url = responseUrl;
  m.msgtype = 'text';
  m.text = { content };
  return m;
}

/** Text of a message/send or response_url reply body, whatever its type. */
export function replyText(body) {
  if (!body || typeof body !== 'object') return typeof body === 'string' ? body : '';
  return body.markdown?.content ?? body.text?.content ?? body.markdown_v2?.content ?? '';
}

/** Percentiles over a numeric array (nearest-rank). */
export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}
