import { join, resolve } from 'node:path';
import { AppConfig } from '../../config/app-config';
import { LocalObjectStorage } from './local-object-storage';
import { MemoryObjectStorage } from './memory-object-storage';
import { ObjectStorage } from './object-storage';
import { parseS3Url, S3ObjectStorage } from './s3-object-storage';

/** The storage the configuration names: S3 when S3_URL is set, else local disk under XKX_DATA_DIR, or memory for `memory:`. */
export function createObjectStorage(config: AppConfig): ObjectStorage {
  if (config.S3_URL) return new S3ObjectStorage(parseS3Url(config.S3_URL));
  const dataDir = config.embeddedDataDir;
  if (!dataDir) return new MemoryObjectStorage();
  return new LocalObjectStorage(join(resolve(dataDir), 'files'));
}
