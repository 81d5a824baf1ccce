// Self-test of wecom-crypto.mjs against the official WeCom vectors (A, B) and
// the AI-bot vectors (C) from WECOM.md §1.7. Values are copied verbatim.
//
//   node scripts/wecom-client/selftest.mjs
//
// Last line: "N passed, M failed"; exit code 1 on any failure.
// conformance.mjs imports runSelftest() for its "crypto selftest" case.

import { pathToFileURL } from 'node:url';
import { makeCrypto, sign } from './wecom-crypto.mjs';

const A = {
  token: 'QDG6eK',
  key: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  corpId: 'wx5823bf96d3bd56c7',
};
const B = {
  token: 'hJqcu3uJ9Tn2gXPmxx2w9kkCkCE2EPYo',
  key: '6qkdMrq68nTKduznJYO1A37W2oEgpkMUvkttRToqhUt',
  corpId: 'ww1436e0e65a779aee',
};

const A2_PLAIN = [
  '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>',
  '<FromUserName><![CDATA[mycreate]]></FromUserName>',
  '<CreateTime>1409659813</CreateTime>',
  '<MsgType><![CDATA[text]]></MsgType>',
  '<Content><![CDATA[hello]]></Content>',
  '<MsgId>4561255354251345929</MsgId>',
  '<AgentID>218</AgentID>',
  '</xml>',
].join('\n');

// random: the 16-byte random prefix to re-encrypt with; null → reuse the one
// recovered by decrypt (vector B gives no random, but re-encrypting with the
// decrypted prefix must still reproduce the ciphertext byte for byte).
const VECTORS = [
  {
    name: 'A1 URL verification', ...A, receiveid: A.corpId,
    sig: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3', ts: '1409659589', nonce: '263014780',
    enc: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
    plain: '1616140317555161061', random: 'c41b64491c2468d0',
  },
  {
    name: 'A2 message', ...A, receiveid: A.corpId,
    sig: '477715d11cdb4164915debcba66cb864d751f3e6', ts: '1409659813', nonce: '1372623149',
    enc: 'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==',
    plain: A2_PLAIN, random: '0960688932c47ef1', plainBytes: 284,
  },
  {
    name: 'B1 URL verification', ...B, receiveid: B.corpId,
    sig: '012bc692d0a58dd4b10f8dfe5c4ac00ae211ebeb', ts: '1476416373', nonce: '47744683',
    enc: 'fsi1xnbH4yQh0+PJxcOdhhK6TDXkjMyhEPA7xB2TGz6b+g7xyAbEkRxN/3cNXW9qdqjnoVzEtpbhnFyq6SVHyA==',
    plain: '1288432023552776189', random: null,
  },
  {
    name: 'B2 message', ...B, receiveid: B.corpId,
    sig: '0c3914025cb4b4d68103f6bfc8db550f79dcf48e', ts: '1476422779', nonce: '1597212914',
    enc: 'Kl7kjoSf6DMD1zh7rtrHjFaDapSCkaOnwu3bqLc5tAybhhMl9pFeK8NslNPVdMwmBQTNoW4mY7AIjeLvEl3NyeTkAgGzBhzTtRLNshw2AEew+kkYcD+Fq72Kt00fT0WnN87hGrW8SqGc+NcT3mu87Ha3dz1pSDi6GaUA6A0sqfde0VJPQbZ9U+3JWcoD4Z5jaU0y9GSh010wsHF8KZD24YhmZH4ch4Ka7ilEbjbfvhKkNL65HHL0J6EYJIZUC2pFrdkJ7MhmEbU2qARR4iQHE7wy24qy0cRX3Mfp6iELcDNfSsPGjUQVDGxQDCWjayJOpcwocugux082f49HKYg84EpHSGXAyh+/oxwaWbvL6aSDPOYuPDGOCI8jmnKiypE+',
    plain: '<xml><ToUserName>ww1436e0e65a779aee</ToUserName><FromUserName>ChenJiaShun</FromUserName><CreateTime>1476422779</CreateTime><MsgType>text</MsgType><Content>你好</Content><MsgId>1456453720</MsgId><AgentID>1000002</AgentID></xml>',
    random: null,
  },
  {
    name: 'C1 AI-bot URL verification', ...B, receiveid: '',
    sig: '075f7630bc91efa0ef78bf34a27f4334a4e388e8', ts: '1700000000', nonce: '1234567890',
    enc: 'G3HbuW8Ynm1PovCDgZw5u4It4w+49d4owXUFUiQztQeu3BxLOo1ULLZhUls2RioG1YPo4YXhCk/zm1m/8KP8aw==',
    plain: '1616140317555161061', random: 'c41b64491c2468d0',
  },
  {
    name: 'C2 AI-bot message', ...B, receiveid: '',
    sig: '00beba31926e0bbea4626308f5b9c6d86ea344b0', ts: '1700000000', nonce: '1234567890',
    enc: 'scEag1243Fmy/fYz4Ux8D7R18p8ql2Dr2S2yraX0zejEphKgz1Taooy3/yX5/5gB8KUQY8Adbb/awAO9xeArvUnsOZhBQevXvg5ZYWM7HL1U+UFhxPmkMviiDqfC822MO4o9RbpzRSfHbeK7wdKSu9SbO1ZOzSY8pxgAnPOw5GmyaNmvJW1zzdZnR3Teab+olhkrlkwS7LHGAsmmtDBMoXEFzNvWCfoNj5PCpGDt+c9HqrfVhJCWlUa7hQmdvXYiPoKQJUbRLtpOmNylMeibEXSRs497sENvk2HIxXAWAsubNKe5fK/XnPLHjlWvUaQYFYbw7c1HvlDO/25O5seyeA==',
    plain: '{"msgid":"CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI=","aibotid":"AIBOTID","chatid":"CHATID","chattype":"group","from":{"userid":"USERID"},"response_url":"RESPONSEURL","msgtype":"text","text":{"content":"@RobotA /help"}}',
    random: '0123456789abcdef',
  },
  {
    name: 'C3 AI-bot passive reply', ...B, receiveid: '',
    sig: 'bf1b4032edaa6b1b5ffb3be7c7b35770f2aae5e6', ts: '1700000001', nonce: '1234567890',
    enc: 'nO73TgapHYuqXuswhq+wMxa7Qk+C+WyM6TS/KDaEkB0Lg85WGsexbum2DuqQvsupfXBXCiFyAcmnyY8Ar08KFq+PwVB6w1FGZGc/PG8Oz/SzQMjur5glezWQN18qYZNszcFwXNGNweScsmzQZZmVikuWISNFAyMZEJTMOhg4ISc=',
    plain: '{"msgtype":"stream","stream":{"id":"STREAMID","finish":true,"content":"ok"}}',
    random: 'fedcba9876543210',
  },
];

/** Runs every check; returns [{name, ok, reason}]. Never throws. */
export function runSelftest() {
  const results = [];
  const check = (name, fn) => {
    try {
      const reason = fn();
      results.push({ name, ok: !reason, reason: reason || '' });
    } catch (e) {
      results.push({ name, ok: false, reason: `threw ${e.message}` });
    }
  };

  for (const v of VECTORS) {
    const c = makeCrypto(v.key);
    let dec;
    check(`${v.name}: signature`, () => {
      const got = sign(v.token, v.ts, v.nonce, v.enc);
      return got === v.sig ? null : `got ${got}, want ${v.sig}`;
    });
    check(`${v.name}: decrypt`, () => {
      dec = c.decrypt(v.enc);
      if (dec.msg !== v.plain) return `plaintext mismatch: ${JSON.stringify(dec.msg)}`;
      if (dec.receiveid !== v.receiveid) return `receiveid ${JSON.stringify(dec.receiveid)}, want ${JSON.stringify(v.receiveid)}`;
      if (v.plainBytes && Buffer.byteLength(dec.msg) !== v.plainBytes) return `length ${Buffer.byteLength(dec.msg)}, want ${v.plainBytes}`;
      if (v.random && dec.random.toString('latin1') !== v.random) return `random ${dec.random.toString('latin1')}, want ${v.random}`;
      return null;
    });
    check(`${v.name}: re-encrypt reproduces ciphertext`, () => {
      const rnd = v.random ?? dec?.random;
      if (!rnd) return 'no random available (decrypt failed)';
      const got = c.encrypt(rnd, v.plain, v.receiveid);
      return got === v.enc ? null : `got ${got.slice(0, 40)}…`;
    });
  }

  // Negative checks: the decryptor must reject rather than return garbage.
  const cb = makeCrypto(B.key);
  check('wrong key rejects or mismatches', () => {
    try {
      const d = makeCrypto(A.key).decrypt(VECTORS[3].enc);
      return d.msg === VECTORS[3].plain ? 'decrypted with the wrong key?!' : null;
    } catch { return null; }
  });
  check('random round trip (UTF-8, receiveid "")', () => {
    const msg = '{"text":{"content":"@三社助手 ／帮助 ✓"}}';
    const d = cb.decrypt(cb.encrypt(null, msg, ''));
    return d.msg === msg && d.receiveid === '' ? null : 'round trip mismatch';
  });
  check('padding is to 32 bytes (32-byte plaintext gets a full 32-byte pad block)', () => {
    // 16 random + 4 len + 12 msg = 32 → 64 bytes of ciphertext.
    const raw = Buffer.from(cb.encrypt('0123456789abcdef', '123456789012', ''), 'base64');
    return raw.length === 64 ? null : `ciphertext ${raw.length} bytes`;
  });
  return results;
}

// Run directly → print and set the exit code.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = runSelftest();
  for (const r of results) console.log(r.ok ? `ok - ${r.name}` : `not ok - ${r.name}: ${r.reason}`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}
