import type { Readable } from 'node:stream';

/**
 * Where uploaded files live (product images, KYC documents). Keys are paths chosen by the server,
 * never by the uploader (`catalog/images/<uuid>/w640.webp`). The embedded store writes under the
 * data directory; an S3-compatible store can take its place in production behind this interface.
 */
export interface FileStore {
  readonly kind: 'local';
  /** Writes the whole file; a reader never sees a half-written one. Overwrites an existing key. */
  put(key: string, data: Buffer): Promise<void>;
  /** The file's bytes, or null when there is none. */
  get(key: string): Promise<Buffer | null>;
  /** A stream and size for serving large files, or null when there is none. */
  open(key: string): Promise<{ stream: Readable; size: number } | null>;
  exists(key: string): Promise<boolean>;
  /** Deleting a missing file is not an error (deletes are retried by jobs). */
  delete(key: string): Promise<void>;
  /** Deletes every file whose key starts with `prefix/`. */
  deletePrefix(prefix: string): Promise<void>;
}

const keyPattern = /^[a-z0-9][a-z0-9_-]*(?:\/[a-zA-Z0-9][a-zA-Z0-9_.-]*)*$/;

/** Rejects keys that could escape the store (`..`, absolute paths, odd characters). */
export function assertValidKey(key: string): void {
  if (key.length > 512 || !keyPattern.test(key) || key.split('/').some((part) => part === '..' || part === '.')) {
    throw new Error(`Invalid file key: ${JSON.stringify(key)}`);
  }
}
