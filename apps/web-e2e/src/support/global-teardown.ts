import { removeDataDir, SEEDED_DATA_DIR_ENV } from './server';

export default function globalTeardown(): void {
  const dir = process.env[SEEDED_DATA_DIR_ENV];
  if (dir) removeDataDir(dir);
}
