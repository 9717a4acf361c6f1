import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock.ts';

const directories: string[] = [];
function freshDir(): string {
  const directory = mkdtempSync(path.join(tmpdir(), 'souk-lock-'));
  directories.push(directory);
  return directory;
}
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

describe('acquireDataDirLock', () => {
  it('refuses a directory held by a live process', () => {
    const directory = freshDir();
    // pid 1 is always alive: stands for "another Souk process".
    writeFileSync(path.join(directory, 'souk.lock'), '1');
    expect(() => acquireDataDirLock(directory)).toThrow(DataDirLockedError);
  });

  it('reclaims a lock left by a dead process', () => {
    const directory = freshDir();
    writeFileSync(path.join(directory, 'souk.lock'), '999999999');
    const lock = acquireDataDirLock(directory);
    expect(existsSync(lock.path)).toBe(true);
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
  });

  it('takes and releases a free directory', () => {
    const directory = freshDir();
    const lock = acquireDataDirLock(directory);
    expect(() => acquireDataDirLock(directory)).not.toThrow(DataDirLockedError);
    lock.release();
  });
});
