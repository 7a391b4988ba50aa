import { join, resolve } from 'node:path';
import { AppConfig } from '../../config/app-config';
import { LocalObjectStorage } from './local-object-storage';
import { MemoryObjectStorage } from './memory-object-storage';
import { ObjectStorage } from './object-storage';

/** The storage the configuration names: local disk under XKX_DATA_DIR, or memory for `memory:`. */
export function createObjectStorage(config: AppConfig): ObjectStorage {
  const dataDir = config.embeddedDataDir;
  if (!dataDir) return new MemoryObjectStorage();
  return new LocalObjectStorage(join(resolve(dataDir), 'files'));
}
