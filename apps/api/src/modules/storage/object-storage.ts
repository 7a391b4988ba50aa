/**
 * Where attachment bytes live. One interface for local disk, S3-compatible storage and memory (tests),
 * so uploads, downloads and backups take the same code path whatever the deployment uses.
 * Keys are opaque, slash-separated, ASCII (`<entity>/<uuid>`); content type and names live in the database.
 */
export interface ObjectStorage {
  readonly kind: 'local' | 's3' | 'memory';
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The stored bytes, or undefined when there is no such object. */
  get(key: string): Promise<Buffer | undefined>;
  delete(key: string): Promise<void>;
  /** Every key, in no particular order. */
  list(): AsyncIterable<string>;
}

export const OBJECT_STORAGE = Symbol('ObjectStorage');

const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;

/** Keys come from our own code, but a key that could climb out of the storage root is refused anyway. */
export function assertObjectKey(key: string): void {
  if (!KEY.test(key) || key.split('/').some((part) => part === '..' || part === '.'))
    throw new Error(`invalid object key: ${key}`);
}
