import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { readSheetRows, SheetRefusal, SheetRequest, SheetRow } from '../../common/excel/xlsx-rows';

/** Posted back to the API thread: the rows, or why the file was refused. */
export type SheetWorkerReply = { ok: true; rows: SheetRow[] } | { ok: false; reason: SheetRefusal['reason']; limit?: number };

export interface SheetWorkerInput extends SheetRequest {
  file: Uint8Array;
}

// On Linux a nice value belongs to the calling thread: on a busy machine the parse gives way to the
// event loop that answers everyone else. Elsewhere it may apply to the process, or be refused; both harmless.
try {
  if (process.platform === 'linux') setPriority(10);
} catch {
  // Not allowed here: run at normal priority.
}

const input = workerData as SheetWorkerInput;
readSheetRows(Buffer.from(input.file.buffer, input.file.byteOffset, input.file.byteLength), input).then(
  (rows) => parentPort?.postMessage({ ok: true, rows } satisfies SheetWorkerReply),
  (error: unknown) => {
    const refusal = error instanceof SheetRefusal ? error : new SheetRefusal('FILE_INVALID');
    parentPort?.postMessage({ ok: false, reason: refusal.reason, limit: refusal.limit } satisfies SheetWorkerReply);
  },
);
