// WeCom (企业微信) callback crypto, written from the platform description
// (WECOM.md §1.2–1.4), using only node:crypto.
//
//   AESKey    = base64decode(EncodingAESKey + "=")      (32 bytes, AES-256)
//   cipher    = AES-256-CBC, IV = AESKey[0..16)
//   padding   = PKCS#7 to a multiple of 32 bytes (NOT the 16-byte block size,
//               so we disable Node's auto padding and do it by hand)
//   plaintext = random(16) | msg_len (4 bytes BE) | msg (UTF-8) | receiveid
//   signature = hex(SHA1(sorted([token, timestamp, nonce, encrypt]).join("")))
//
// Usage:
//   const c = makeCrypto(encodingAesKey);
//   const b64 = c.encrypt(random16, msg, receiveid);
//   const { msg, receiveid } = c.decrypt(b64);
//   sign(token, ts, nonce, b64);

import crypto from 'node:crypto';

const PAD_BLOCK = 32;

/** Decode the 43-char EncodingAESKey into the 32-byte AES key. */
export function aesKeyFrom(encodingAesKey) {
  if (typeof encodingAesKey !== 'string' || encodingAesKey.length !== 43) {
    throw new Error('EncodingAESKey must be 43 characters');
  }
  const key = Buffer.from(encodingAesKey + '=', 'base64');
  if (key.length !== 32) throw new Error('EncodingAESKey does not decode to 32 bytes');
  return key;
}

function pkcs7Pad(buf) {
  const n = PAD_BLOCK - (buf.length % PAD_BLOCK); // 1..32, never 0
  return Buffer.concat([buf, Buffer.alloc(n, n)]);
}

function pkcs7Unpad(buf) {
  if (buf.length === 0) throw new Error('empty plaintext');
  const n = buf[buf.length - 1];
  if (n < 1 || n > PAD_BLOCK || n > buf.length) throw new Error(`bad padding byte ${n}`);
  return buf.subarray(0, buf.length - n);
}

/** Returns {encrypt, decrypt} bound to one EncodingAESKey. */
export function makeCrypto(encodingAesKey) {
  const key = aesKeyFrom(encodingAesKey);
  const iv = key.subarray(0, 16);

  /**
   * random16: 16-byte Buffer or 16-char string (the official vectors use
   * ASCII strings such as "c41b64491c2468d0"); omitted → random bytes.
   */
  function encrypt(random16, msg, receiveid = '') {
    const rnd = random16 == null ? crypto.randomBytes(16)
      : Buffer.isBuffer(random16) ? random16 : Buffer.from(random16, 'utf8');
    if (rnd.length !== 16) throw new Error('random must be 16 bytes');
    const body = Buffer.from(msg, 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length, 0);
    const plain = pkcs7Pad(Buffer.concat([rnd, len, body, Buffer.from(receiveid, 'utf8')]));
    const c = crypto.createCipheriv('aes-256-cbc', key, iv);
    c.setAutoPadding(false);
    return Buffer.concat([c.update(plain), c.final()]).toString('base64');
  }

  /** Throws on anything malformed; returns {msg, receiveid, random}. */
  function decrypt(b64) {
    const raw = Buffer.from(b64, 'base64');
    if (raw.length === 0 || raw.length % 16 !== 0) throw new Error('ciphertext length not a multiple of 16');
    const d = crypto.createDecipheriv('aes-256-cbc', key, iv);
    d.setAutoPadding(false);
    const plain = pkcs7Unpad(Buffer.concat([d.update(raw), d.final()]));
    if (plain.length < 20) throw new Error('plaintext too short');
    const n = plain.readUInt32BE(16);
    if (20 + n > plain.length) throw new Error(`msg_len ${n} exceeds plaintext`);
    return {
      random: plain.subarray(0, 16),
      msg: plain.subarray(20, 20 + n).toString('utf8'),
      receiveid: plain.subarray(20 + n).toString('utf8'),
    };
  }

  /**
   * Test helper: AES-CBC over caller-supplied bytes (length must be a multiple
   * of 16) with no framing or padding, to build ciphertexts that decrypt to
   * deliberately broken plaintexts (bad pad byte, oversized msg_len, ...).
   */
  function encryptRaw(plainBytes) {
    const c = crypto.createCipheriv('aes-256-cbc', key, iv);
    c.setAutoPadding(false);
    return Buffer.concat([c.update(plainBytes), c.final()]).toString('base64');
  }

  return { encrypt, decrypt, encryptRaw };
}

/** msg_signature: lowercase hex SHA1 over the sorted concatenation. */
export function sign(token, timestamp, nonce, encrypt) {
  // Default JS sort compares UTF-16 code units; all inputs are ASCII, so this
  // equals the byte-wise lexicographic order the platform uses.
  const parts = [String(token), String(timestamp), String(nonce), String(encrypt)].sort();
  return crypto.createHash('sha1').update(parts.join(''), 'utf8').digest('hex');
}
