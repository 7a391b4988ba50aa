import { HttpStatus, Injectable } from '@nestjs/common';
import { ErrorCode } from '@xkx/contracts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DomainException } from '../../common/exceptions/domain.exception';
import { AppConfig } from '../../config/app-config';
import { SheetRefusalReason, SheetRequest, SheetRow } from '../../common/excel/xlsx-rows';
import type { SheetWorkerInput, SheetWorkerReply } from './xlsx-rows.worker';

/** More parts than any workbook of ours has; a zip of thousands of tiny entries is an attack. */
const MAX_ZIP_ENTRIES = 1000;

/**
 * Reads uploaded workbooks in worker threads, so a hostile file costs a worker (with a heap cap
 * and a time limit) and never the event loop that serves everyone else. At most
 * IMPORT_MAX_PARALLEL_PARSES run at once; further uploads wait their turn.
 */
@Injectable()
export class SheetParserService {
  private running = 0;
  private readonly queue: Array<() => void> = [];

  constructor(private readonly config: AppConfig) {}

  async parse(file: Buffer, request: Omit<SheetRequest, 'limits'>): Promise<SheetRow[]> {
    await this.acquire();
    try {
      const reply = await this.runWorker({
        ...request,
        file: new Uint8Array(file.buffer, file.byteOffset, file.byteLength),
        limits: { maxRows: this.config.IMPORT_MAX_ROWS, maxUncompressedBytes: this.config.IMPORT_MAX_UNCOMPRESSED_BYTES, maxEntries: MAX_ZIP_ENTRIES },
      });
      if (reply.ok) return reply.rows;
      throw this.refusal(reply.reason);
    } finally {
      this.release();
    }
  }

  private runWorker(input: SheetWorkerInput): Promise<SheetWorkerReply> {
    const script = workerScript();
    return new Promise((resolve) => {
      let settled = false;
      const settle = (reply: SheetWorkerReply): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        resolve(reply);
      };
      const worker = new Worker(script.filename, {
        workerData: input,
        execArgv: script.execArgv,
        resourceLimits: { maxOldGenerationSizeMb: this.config.IMPORT_WORKER_HEAP_MB, maxYoungGenerationSizeMb: 16 },
        stdout: true,
        stderr: true,
      });
      // Too slow counts as too big: the limits above should refuse first.
      const timer = setTimeout(() => settle({ ok: false, reason: 'TOO_LARGE' }), this.config.IMPORT_PARSE_TIMEOUT_MS);
      worker.once('message', (reply: SheetWorkerReply) => settle(reply));
      worker.once('error', (error: Error & { code?: string }) => settle({ ok: false, reason: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'TOO_LARGE' : 'FILE_INVALID' }));
      worker.once('exit', () => settle({ ok: false, reason: 'FILE_INVALID' }));
    });
  }

  private refusal(reason: SheetRefusalReason): DomainException {
    switch (reason) {
      case 'TOO_MANY_ROWS':
        return new DomainException(ErrorCode.IMPORT_TOO_MANY_ROWS, HttpStatus.BAD_REQUEST, [{ field: 'file', constraint: 'arrayMaxSize', args: [this.config.IMPORT_MAX_ROWS] }]);
      case 'TOO_LARGE':
        return new DomainException(ErrorCode.IMPORT_FILE_TOO_LARGE, HttpStatus.PAYLOAD_TOO_LARGE, [{ field: 'file', constraint: 'maxUncompressedMb', args: [Math.floor(this.config.IMPORT_MAX_UNCOMPRESSED_BYTES / 1_048_576)] }]);
      case 'FILE_INVALID':
        return new DomainException(ErrorCode.IMPORT_FILE_INVALID, HttpStatus.BAD_REQUEST, [{ field: 'file', constraint: 'invalid', args: [] }]);
    }
  }

  private async acquire(): Promise<void> {
    if (this.running < this.config.IMPORT_MAX_PARALLEL_PARSES) {
      this.running++;
      return;
    }
    await new Promise<void>((resolve) => this.queue.push(resolve));
  }

  private release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.running--;
  }
}

/** The built worker next to this file, or its TypeScript source compiled on load (API tests run from source). */
function workerScript(): { filename: string; execArgv: string[] } {
  const built = join(__dirname, 'xlsx-rows.worker.js');
  if (existsSync(built)) return { filename: built, execArgv: [] };
  return { filename: join(__dirname, 'xlsx-rows.worker.ts'), execArgv: ['-r', '@swc-node/register'] };
}
