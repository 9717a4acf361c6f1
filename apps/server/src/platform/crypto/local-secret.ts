import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Outside production a missing secret is generated once and kept in the data directory, so
 * sessions survive restarts without anyone having to configure anything.
 */
export function readOrCreateLocalSecret(dataDir: string, name: string): string {
  const file = path.join(path.resolve(dataDir), `${name}.secret`);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
