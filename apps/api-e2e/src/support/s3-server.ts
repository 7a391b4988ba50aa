import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// s3rver has no typings; it is a dev-only test server.
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
};

/**
 * A real S3-compatible server for one test file: s3rver (the S3 REST API over a directory). MinIO would be
 * closer to production but is neither on npm nor in Debian's archive on this machine.
 */
export async function startS3Server(
  bucket = 'xkx-test',
): Promise<{ url: string; directory: string; close(): Promise<void> }> {
  const directory = await mkdtemp(join(tmpdir(), 'xkx-s3-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  return {
    url: `http://S3RVER:S3RVER@127.0.0.1:${port}/${bucket}`,
    directory,
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
