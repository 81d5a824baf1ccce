// Fake WeCom API server (node:http on 127.0.0.1) that records what the bot
// sends out, so tests can assert on replies without touching the real
// platform. Endpoints (WECOM.md §3.5, §5.1, §6.1):
//
//   GET  /cgi-bin/gettoken?corpid=&corpsecret=      → FAKE_TOKEN_<n>
//   POST /cgi-bin/message/send?access_token=        → msgid m<n> (any msgtype:
//        text, template_card …; fake.cardsTo(user) lists the template cards)
//   POST /cgi-bin/message/update_template_card?access_token=
//        {"userids","agentid","response_code","button":{"replace_name"}}
//        → ok; recorded in records.cardUpdates, a response_code used before
//        is marked reused (the real one works once)
//   POST /cgi-bin/aibot/response?response_code=XYZ  → ok once per code;
//        a second POST with the same code → errcode 600039 and is counted
//        as a duplicate delivery (tests expect zero of those)
//   POST /cgi-bin/externalcontact/groupchat/get?access_token=
//        {"chat_id","need_name"} → the customer group added with
//        fake.addCustomerGroup({chat_id, name, owner, member_list, …});
//        an unknown chat id → errcode 86003
//   POST /cgi-bin/externalcontact/add_msg_template?access_token=
//        {"chat_type":"group","sender","chat_id_list","text":{"content"}}
//        → msgid; recorded in records.msgTemplates (a group-send WeCom would
//        send only after the sender confirms it); chat_type group without a
//        sender → errcode 41048
//   anything else                                   → HTTP 404, errcode 404
//
// Faults: fake.fault('/cgi-bin/message/send', 2, { errcode: -1 }) makes the
// next 2 requests to that path answer errcode -1; { status: 500 } answers a
// bare HTTP 500 instead; { hang: 'before' } holds the request unanswered and
// does nothing with it (a WeCom that never got it); { hang: 'after' } handles
// it as usual (recorded, a response_url used up, a message sent) and then
// never answers (the ambiguous timeout). fake.faultFor(path, ms, spec) does
// the same for every request to path during the next ms milliseconds.
// Hung requests stay open until the client gives up or the fake closes.
//
// Duplicate check (startFake({ duplicateCheck: true })): message/send with
// "enable_duplicate_check": 1 whose payload (the whole JSON body) equals one
// accepted within its "duplicate_check_interval" (default 1800 s) is not
// delivered again (WECOM.md §5: "suppresses identical payloads"); it is
// answered errcode 0 with the first message's msgid and recorded in
// records.suppressed. What the real WeCom answers to a suppressed duplicate is
// not documented (UNCONFIRMED); off by default.
//
// Library use:  const fake = await startFake({ port: 0 });
// Standalone:   node fake-wecom.mjs [--port P]   (control API under /__fake/:
//               GET records, POST reset, POST fault, POST customer-group)

import http from 'node:http';
import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const MAX_BODY = 4 * 1024 * 1024; // generous: we want to see what the bot sends

export async function startFake({ port = 0, host = '127.0.0.1', quiet = true, duplicateCheck = false } = {}) {
  const events = new EventEmitter();
  const records = {
    all: [],        // {t, method, path, query}
    tokens: [],     // gettoken: {t, corpid, corpsecret, token}
    sends: [],      // message/send: {t, token, tokenKnown, body}
    aibot: [],      // first POST per response_code: {t, responseCode, body}
    duplicates: [], // repeated POSTs to a used response_code
    unknown: [],    // 404s: {t, method, path, raw}
    faulted: [],    // requests answered by the fault injector
    groupchats: [], // groupchat/get: {t, token, tokenKnown, body, errcode}
        cardUpdates: [], // update_template_card: {t, token, tokenKnown, body, reused}
    msgTemplates: [], // add_msg_template: {t, token, tokenKnown, body, errcode}
    suppressed: [], // message/send dropped by the duplicate check: {t, body, msgid}
    hung: [],       // requests left unanswered by a hang fault: {t, method, path, query, hang}
  };
  const hungResponses = new Set();
  const recentSends = new Map(); // payload → {at, msgid}, for the duplicate check
  const customerGroups = new Map(); // chat_id → group_chat object as WeCom returns it
  const aibotByCode = new Map();
  const issuedTokens = new Set();
  const faults = new Map(); // path → [{remaining, errcode, errmsg, status}]
  let tokenSeq = 0;
  let msgSeq = 0;

  function fault(path, count, spec) {
    if (!faults.has(path)) faults.set(path, []);
    faults.get(path).push({ remaining: count, ...spec });
  }

  /** Every request to path in the next ms milliseconds gets the fault (after any counted ones before it). */
  function faultFor(path, ms, spec) {
    if (!faults.has(path)) faults.set(path, []);
    faults.get(path).push({ until: Date.now() + ms, ...spec });
  }

  function takeFault(path) {
    const list = faults.get(path);
    while (list && list.length) {
      const f = list[0];
      if (f.until != null) {
        if (Date.now() < f.until) return f;
      } else if (f.remaining > 0) { f.remaining -= 1; return f; }
      list.shift();
    }
    return null;
  }

  function reset() {
    for (const k of Object.keys(records)) records[k].length = 0;
    aibotByCode.clear();
    faults.clear();
    recentSends.clear();
    customerGroups.clear();
  }

  /**
   * Programs a customer group for groupchat/get. Missing fields get WeCom's
   * defaults; member_list entries need userid and type (1 staff, 2 WeChat
   * user) and may carry name, group_nickname, join_time, join_scene, invitor.
   */
  function addCustomerGroup(g) {
    if (!g || !g.chat_id) throw new Error('addCustomerGroup: chat_id required');
    const now = Math.floor(Date.now() / 1000);
    const members = (g.member_list ?? []).map((m) => ({
      userid: m.userid,
      type: m.type ?? 1,
      join_time: m.join_time ?? now,
      join_scene: m.join_scene ?? 1,
      ...(m.invitor ? { invitor: m.invitor } : {}),
      ...(m.group_nickname != null ? { group_nickname: m.group_nickname } : {}),
      ...(m.name != null ? { name: m.name } : {}),
      ...(m.unionid != null ? { unionid: m.unionid } : {}),
    }));
    const groupChat = {
      chat_id: g.chat_id,
      name: g.name ?? '',
      owner: g.owner ?? members[0]?.userid ?? '',
      create_time: g.create_time ?? now,
      notice: g.notice ?? '',
      member_list: members,
      admin_list: g.admin_list ?? [],
      member_version: g.member_version ?? '71217227bbd112ecfe3a49c482195cb4',
    };
    customerGroups.set(g.chat_id, groupChat);
    return groupChat;
  }

  function send(res, status, obj) {
    const body = JSON.stringify(obj);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  }

  function parseJson(raw) {
    try { return JSON.parse(raw); } catch { return undefined; }
  }

  const server = http.createServer((req, realRes) => {
    let res = realRes;
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => {
      const t = performance.now();
      const url = new URL(req.url, 'http://fake');
      const path = url.pathname;
      const q = Object.fromEntries(url.searchParams);
      const raw = Buffer.concat(chunks).toString('utf8');

      // Control API for standalone use; not recorded.
      if (path.startsWith('/__fake/')) return control(req, res, path, raw);

      records.all.push({ t, method: req.method, path, query: q });
      const f = takeFault(path);
      if (f && f.hang) {
        records.hung.push({ t, method: req.method, path, query: q, hang: f.hang });
        hungResponses.add(realRes);
        realRes.on('close', () => hungResponses.delete(realRes));
        if (f.hang === 'before') return undefined;
        // 'after': do the work, never answer
        res = { writeHead() {}, end() {} };
      } else if (f) {
        records.faulted.push({ t, method: req.method, path, query: q, body: parseJson(raw) ?? raw, fault: f });
        if (f.status) { res.writeHead(f.status); return res.end(); }
        return send(res, 200, { errcode: f.errcode, errmsg: f.errmsg ?? 'fault injected' });
      }

      if (req.method === 'GET' && path === '/cgi-bin/gettoken') {
        const token = `FAKE_TOKEN_${++tokenSeq}`;
        issuedTokens.add(token);
        records.tokens.push({ t, corpid: q.corpid, corpsecret: q.corpsecret, token });
        return send(res, 200, { errcode: 0, errmsg: 'ok', access_token: token, expires_in: 7200 });
      }

      if (req.method === 'POST' && path === '/cgi-bin/message/send') {
        const body = parseJson(raw);
        if (duplicateCheck && body && Number(body.enable_duplicate_check) === 1) {
          const interval = 1000 * Math.min(4 * 3600, Number(body.duplicate_check_interval ?? 1800) || 1800);
          const seen = recentSends.get(raw);
          if (seen && Date.now() - seen.at < interval) {
            records.suppressed.push({ t, body, msgid: seen.msgid });
            events.emit('suppressed', body);
            return send(res, 200, { errcode: 0, errmsg: 'ok', msgid: seen.msgid });
          }
        }
        const rec = { t, token: q.access_token, tokenKnown: issuedTokens.has(q.access_token), body: body ?? raw };
        records.sends.push(rec);
        events.emit('send', rec);
        if (body === undefined) return send(res, 200, { errcode: 47001, errmsg: 'data format error' });
        const msgid = `m${++msgSeq}`;
        if (duplicateCheck && Number(body.enable_duplicate_check) === 1) recentSends.set(raw, { at: Date.now(), msgid });
        return send(res, 200, { errcode: 0, errmsg: 'ok', msgid });
      }

      if (req.method === 'POST' && path === '/cgi-bin/message/update_template_card') {
        const body = parseJson(raw);
        const code = body?.response_code;
        const reused = code != null && records.cardUpdates.some((r) => r.body?.response_code === code);
        const rec = { t, token: q.access_token, tokenKnown: issuedTokens.has(q.access_token), body: body ?? raw, reused };
        records.cardUpdates.push(rec);
        events.emit('cardUpdate', rec);
        if (body === undefined) return send(res, 200, { errcode: 47001, errmsg: 'data format error' });
        if (typeof code !== 'string' || !code) return send(res, 200, { errcode: 40003, errmsg: 'invalid response_code' });
        return send(res, 200, { errcode: 0, errmsg: 'ok', invaliduser: [] });
      }

      if (req.method === 'POST' && path === '/cgi-bin/aibot/response') {
        const code = q.response_code;
        const body = parseJson(raw);
        const rec = { t, responseCode: code, body: body ?? raw };
        // response_url is single-use on the real platform (WECOM.md §3.5).
        if (aibotByCode.has(code)) {
          records.duplicates.push(rec);
          events.emit('duplicate', rec);
          return send(res, 200, { errcode: 600039, errmsg: 'response_code already used' });
        }
        aibotByCode.set(code, rec);
        records.aibot.push(rec);
        events.emit('aibot', rec);
        return send(res, 200, { errcode: 0, errmsg: 'ok' });
      }

      if (req.method === 'POST' && path === '/cgi-bin/externalcontact/groupchat/get') {
        const body = parseJson(raw);
        const rec = { t, token: q.access_token, tokenKnown: issuedTokens.has(q.access_token), body: body ?? raw };
        records.groupchats.push(rec);
        events.emit('groupchat', rec);
        let answer;
        if (body === undefined || typeof body !== 'object' || body === null) {
          answer = { errcode: 47001, errmsg: 'data format error' };
        } else if (typeof body.chat_id !== 'string' || !body.chat_id) {
          answer = { errcode: 86001, errmsg: 'invalid chat_id' };
        } else if (!customerGroups.has(body.chat_id)) {
          answer = { errcode: 86003, errmsg: `chat not exists, hint: [fake] chat_id ${body.chat_id}` };
        } else {
          const g = customerGroups.get(body.chat_id);
          // Without need_name WeCom leaves the members' names out.
          const memberList = Number(body.need_name) === 1
            ? g.member_list
            : g.member_list.map(({ name, ...m }) => m);
          answer = { errcode: 0, errmsg: 'ok', group_chat: { ...g, member_list: memberList } };
        }
        rec.errcode = answer.errcode;
        return send(res, 200, answer);
      }

            if (req.method === 'POST' && path === '/cgi-bin/externalcontact/add_msg_template') {
        const body = parseJson(raw);
        const rec = { t, token: q.access_token, tokenKnown: issuedTokens.has(q.access_token), body: body ?? raw };
        records.msgTemplates.push(rec);
        let answer;
        if (body === undefined || typeof body !== 'object' || body === null) {
          answer = { errcode: 47001, errmsg: 'data format error' };
        } else if (body.chat_type === 'group' && !body.sender) {
          answer = { errcode: 41048, errmsg: 'missing sender' };
        } else {
          answer = { errcode: 0, errmsg: 'ok', fail_list: [], msgid: `msgGROUP_${records.msgTemplates.length}` };
        }
        rec.errcode = answer.errcode;
        return send(res, 200, answer);
      }

      records.unknown.push({ t, method: req.method, path, query: q, raw });
      return send(res, 404, { errcode: 404, errmsg: `fake-wecom: no such endpoint ${req.method} ${path}` });
    });
  });

  function control(req, res, path, raw) {
    if (path === '/__fake/records') return send(res, 200, records);
    if (path === '/__fake/reset' && req.method === 'POST') { reset(); return send(res, 200, { ok: true }); }
    if (path === '/__fake/customer-group' && req.method === 'POST') {
      try { return send(res, 200, { ok: true, group_chat: addCustomerGroup(parseJson(raw)) }); } catch (e) { return send(res, 400, { error: e.message }); }
    }
    if (path === '/__fake/fault' && req.method === 'POST') {
      const b = parseJson(raw) || {};
      if (!b.path) return send(res, 400, { error: 'path required' });
      const spec = { errcode: b.errcode, errmsg: b.errmsg, status: b.status, hang: b.hang };
      if (b.ms != null) faultFor(b.path, Number(b.ms), spec);
      else fault(b.path, Number(b.count ?? 1), spec);
      return send(res, 200, { ok: true });
    }
    return send(res, 404, { error: 'unknown control endpoint' });
  }

  server.keepAliveTimeout = 30_000;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actualPort = server.address().port;
  if (!quiet) console.log(`fake-wecom listening on http://${host}:${actualPort}`);

  /** Polls predicate() until truthy or timeout; returns its value or null. */
  async function waitFor(predicate, timeoutMs, intervalMs = 50) {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const v = predicate();
      if (v) return v;
      if (Date.now() >= end) return null;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }

  return {
    port: actualPort,
    baseUrl: `http://${host}:${actualPort}`,
    records,
    aibotByCode,
    events,
    fault,
    faultFor,
    reset,
    addCustomerGroup,
    waitFor,
    /** message/send records addressed to a user (touser may be "a|b"). */
    sendsTo: (user) => records.sends.filter((r) => String(r.body?.touser ?? '').split('|').includes(user)),
    /** message/send template cards addressed to a user. */
    cardsTo: (user) => records.sends.filter((r) => r.body?.msgtype === 'template_card'
      && String(r.body?.touser ?? '').split('|').includes(user)),
    /** Ends every hung request (the sockets are destroyed, as a dead peer's would be). */
    releaseHung: () => { for (const r of hungResponses) r.destroy(); hungResponses.clear(); },
    close: () => new Promise((r) => {
      for (const h of hungResponses) h.destroy();
      server.closeAllConnections?.();
      server.close(() => r());
    }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--port');
  const port = i > 0 ? Number(process.argv[i + 1]) : 0;
  const fake = await startFake({ port, quiet: false });
  const stop = async () => { await fake.close(); process.exit(0); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
