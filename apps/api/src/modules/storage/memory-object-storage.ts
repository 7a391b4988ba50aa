import { assertObjectKey, ObjectStorage } from './object-storage';

/** For `XKX_DATA_DIR=memory:` (tests, demos): nothing survives the process, like the database. */
export class MemoryObjectStorage implements ObjectStorage {
  readonly kind = 'memory' as const;
  private readonly objects = new Map<string, Buffer>();

  async put(key: string, body: Buffer): Promise<void> {
    assertObjectKey(key);
    this.objects.set(key, Buffer.from(body));
  }

  async get(key: string): Promise<Buffer | undefined> {
    return this.objects.get(key);
  }

  async delete(key: string): Promise<void> {
    this.objects.delete(key);
  }

  async *list(): AsyncIterable<string> {
    yield* [...this.objects.keys()];
  }
}
