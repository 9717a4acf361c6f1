import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalFileStore } from './local-file-store.ts';

const root = mkdtempSync(path.join(tmpdir(), 'souk-files-'));
const store = new LocalFileStore(root);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('local file store', () => {
  it('stores, reads, streams and deletes a file by key', async () => {
    await store.put('catalog/images/a1/original.png', Buffer.from('png bytes'));
    expect((await store.get('catalog/images/a1/original.png'))?.toString()).toBe('png bytes');
    expect(await store.exists('catalog/images/a1/original.png')).toBe(true);
    const opened = await store.open('catalog/images/a1/original.png');
    expect(opened?.size).toBe(9);
    const chunks: Buffer[] = [];
    for await (const chunk of opened?.stream ?? []) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('png bytes');
    await store.delete('catalog/images/a1/original.png');
    expect(await store.get('catalog/images/a1/original.png')).toBeNull();
    expect(await store.open('catalog/images/a1/original.png')).toBeNull();
    await store.delete('catalog/images/a1/original.png');
  });

  it('overwrites whole files and leaves no temporary file behind', async () => {
    await store.put('kyc/doc/one.bin', Buffer.alloc(1000, 1));
    await store.put('kyc/doc/one.bin', Buffer.alloc(10, 2));
    expect(await store.get('kyc/doc/one.bin')).toEqual(Buffer.alloc(10, 2));
    expect(readdirSync(path.join(root, 'kyc/doc'))).toEqual(['one.bin']);
  });

  it('deletes everything under a prefix', async () => {
    await store.put('catalog/images/b2/w320.webp', Buffer.from('a'));
    await store.put('catalog/images/b2/w640.webp', Buffer.from('b'));
    await store.deletePrefix('catalog/images/b2');
    expect(await store.exists('catalog/images/b2/w320.webp')).toBe(false);
  });

  it('refuses keys that could leave the store', async () => {
    for (const key of ['../etc/passwd', '/etc/passwd', 'a/../../b', 'a//b', 'a/./b', '', 'A B']) {
      await expect(store.put(key, Buffer.from('x'))).rejects.toThrow(/Invalid file key/);
    }
  });
});
