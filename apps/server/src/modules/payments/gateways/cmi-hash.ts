import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * CMI's HASH, version 3 (the NestPay one): every posted value but `hash` and `encoding`, in PHP
 * `natcasesort` order of their names, escaped and joined with `|`, then the escaped store key;
 * base64 of the SHA-512 of that text.
 */

const excluded = new Set(['hash', 'encoding']);

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * PHP's strnatcasecmp: case folded to upper case (so `_` sorts after letters), and runs of digits
 * compared as numbers (`Street2` < `Street12`). A plain or lower-case sort gives other hashes.
 */
export function naturalCaseCompare(left: string, right: string): number {
  const a = left.toUpperCase();
  const b = right.toUpperCase();
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(j);
    if (isDigit(ca) && isDigit(cb)) {
      let endA = i;
      let endB = j;
      while (endA < a.length && isDigit(a.charCodeAt(endA))) endA++;
      while (endB < b.length && isDigit(b.charCodeAt(endB))) endB++;
      const runA = a.slice(i, endA).replace(/^0+(?=\d)/, '');
      const runB = b.slice(j, endB).replace(/^0+(?=\d)/, '');
      if (runA.length !== runB.length) return runA.length - runB.length;
      if (runA !== runB) return runA < runB ? -1 : 1;
      i = endA;
      j = endB;
      continue;
    }
    if (ca !== cb) return ca - cb;
    i++;
    j++;
  }
  return a.length - i - (b.length - j);
}

function escapeValue(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('|', '\\|');
}

/** The text that is hashed, exposed for tests and for diagnosing a gateway's refusal. */
export function cmiHashPlaintext(params: Record<string, string>, storeKey: string, trimValues: boolean): string {
  const names = Object.keys(params)
    .filter((name) => !excluded.has(name.toLowerCase()))
    .sort(naturalCaseCompare);
  let plain = '';
  for (const name of names) {
    const raw = params[name] ?? '';
    plain += `${escapeValue(trimValues ? raw.trim() : raw)}|`;
  }
  return plain + escapeValue(storeKey);
}

/** Request side: values are trimmed. */
export function cmiRequestHash(params: Record<string, string>, storeKey: string): string {
  return sha512Base64(cmiHashPlaintext(params, storeKey, true));
}

/** Callback side: the values exactly as posted. */
export function cmiResponseHash(params: Record<string, string>, storeKey: string): string {
  return sha512Base64(cmiHashPlaintext(params, storeKey, false));
}

function sha512Base64(text: string): string {
  return createHash('sha512').update(text, 'utf8').digest('base64');
}

/** Constant-time comparison of a posted HASH with the expected one. */
export function hashesMatch(posted: string | undefined, expected: string): boolean {
  if (!posted) return false;
  const a = Buffer.from(posted, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The posted HASH, whatever the case of its name. */
export function postedHash(params: Record<string, string>): string | undefined {
  const name = Object.keys(params).find((key) => key.toLowerCase() === 'hash');
  return name ? params[name] : undefined;
}

/** Checks a form or callback signed by CMI (or by the sandbox that speaks its protocol). */
export function verifyCmiHash(params: Record<string, string>, storeKey: string): boolean {
  const posted = postedHash(params);
  // CMI hashes the request with trimmed values; a callback is hashed as posted. Accept either
  // only when it matches exactly: both are computed with the secret key.
  return (
    hashesMatch(posted, cmiResponseHash(params, storeKey)) || hashesMatch(posted, cmiRequestHash(params, storeKey))
  );
}
