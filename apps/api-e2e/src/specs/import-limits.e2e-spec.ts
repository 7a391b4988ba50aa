import { readFileSync, writeFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { ImportsService } from '@xkx/api/testing';
import { DataSource } from 'typeorm';
import { bearer, loginDemo, Session } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { binary, buildImportFile, lieAboutSize, rezipWithSheetContent, unzipAll } from '../support/xlsx';

const MB = 1024 * 1024;

interface Measured<T> {
  result: T;
  ms: number;
  /** p99 of the same health loop just before, with nothing else running: what the machine gives us. */
  baselineP99: number;
  healthP99: number;
  healthMax: number;
  healthSamples: number;
  peakRssIncreaseMb: number;
}

/** Linux keeps the peak RSS (VmHWM); writing 5 to clear_refs resets it, so no sampler can miss a spike. */
function resetPeakRss(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux: the 20 ms sampler below is all we have.
  }
}

function peakRss(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(safeRead('/proc/self/status'));
  return match ? Number(match[1]) * 1024 : 0;
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/**
 * Runs `action` while another client asks `/api/health` back to back over a real socket. The server
 * runs in this process, so its peak RSS (worker threads included) is ours, and a blocked event loop
 * shows up as a slow health answer.
 */
function pollHealth(base: string): { latencies: number[]; stop(): Promise<void> } {
  const latencies: number[] = [];
  let done = false;
  const poller = (async () => {
    while (!done) {
      const t0 = performance.now();
      const res = await fetch(`${base}/api/health`);
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`health answered ${res.status}`);
    }
  })();
  return {
    latencies,
    stop: async () => {
      done = true;
      await poller;
    },
  };
}

async function measured<T>(base: string, action: () => Promise<T>): Promise<Measured<T>> {
  const baseline = pollHealth(base);
  await new Promise((r) => setTimeout(r, 2000));
  await baseline.stop();
  const before = process.memoryUsage().rss;
  resetPeakRss();
  let sampled = before;
  const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 20);
  const health = pollHealth(base);
  const started = performance.now();
  let result: T;
  try {
    result = await action();
  } finally {
    clearInterval(sampler);
    await health.stop();
  }
  const ms = performance.now() - started;
  const peak = Math.max(sampled, peakRss());
  const { latencies } = health;
  return {
    result,
    ms,
    baselineP99: percentile(baseline.latencies, 0.99),
    healthP99: percentile(latencies, 0.99),
    healthMax: Math.max(...latencies),
    healthSamples: latencies.length,
    peakRssIncreaseMb: (peak - before) / MB,
  };
}

/**
 * The bound is 200 ms p99 for health during an upload. The test machine is shared (CI runs two
 * spec files at once), so the bound applies on top of what health takes there with nothing uploading.
 */
const within = (m: Measured<unknown>, ms: number): number => ms + m.baselineP99;
/**
 * A stalled event loop holds health answers for most of the operation, so p99 nears its whole duration; a
 * busy 2-core CI machine (the test lanes run beside this tier) only adds a few hundred ms. The bound is
 * therefore the larger of baseline + `ms` and a fifth of the operation, as for the import below.
 */
const notStalled = (m: Measured<unknown>, ms: number): number => Math.max(within(m, ms), m.ms / 5);
const report = (label: string, m: Measured<unknown>): void =>
  console.log(`${label}: ${m.ms.toFixed(0)} ms, health p99 ${m.healthP99.toFixed(1)} ms (baseline ${m.baselineP99.toFixed(1)}, max ${m.healthMax.toFixed(1)}, n=${m.healthSamples}), peak RSS +${m.peakRssIncreaseMb.toFixed(0)} MB`);

describe('Uploads that cannot stall the server', () => {
  let t: TestApp;
  let base: string;
  let broker: Session;
  let template: Buffer;
  let parts: Map<string, Buffer>;

  beforeAll(async () => {
    t = await startTestApp({ XKX_DEMO_SEED: 'true' });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    broker = await loginDemo(t.http, 'broker');
    template = (await t.http.get('/api/imports/template?kind=RESULT').set(...bearer(broker)).buffer(true).parse(binary).expect(200)).body as Buffer;
    parts = await unzipAll(await buildImportFile(template, 1));
  }, 180_000);
  afterAll(() => t.close());

  const upload = async (file: Buffer, name: string): Promise<{ status: number; body: { code?: string; status?: string } }> => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), name);
    const res = await fetch(`${base}/api/imports?kind=RESULT`, { method: 'POST', body: form, headers: { Authorization: `Bearer ${broker.accessToken}` } });
    return { status: res.status, body: (await res.json()) as { code?: string } };
  };

  it('refuses a small file of 300,000 rows at the row limit, in bounded memory, while health stays fast', async () => {
    const rows = await rezipWithSheetContent(parts, function* () {
      let xml = '';
      for (let r = 3; r < 300_003; r++) {
        xml += `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>成果${r}</t></is></c></row>`;
        if (xml.length > 64 * 1024) {
          yield xml;
          xml = '';
        }
      }
      yield xml;
    });
    expect(rows.length).toBeLessThan(3 * MB);

    const m = await measured(base, () => upload(rows, 'rows.xlsx'));
    report('300k rows refused', m);
    expect(m.result.status).toBe(400);
    expect(m.result.body.code).toBe('IMPORT_TOO_MANY_ROWS');
    expect(m.peakRssIncreaseMb).toBeLessThan(300);
    expect(m.healthP99).toBeLessThan(notStalled(m, 200));
  }, 300_000);

  it('refuses a 200 KB zip bomb of whitespace by its declared size, and one that lies about it while inflating', async () => {
    const bomb = await rezipWithSheetContent(parts, function* () {
      const spaces = ' '.repeat(MB);
      for (let i = 0; i < 200; i++) yield spaces;
    });
    expect(bomb.length).toBeLessThan(400 * 1024);
    const liar = lieAboutSize(bomb, 'xl/worksheets/sheet1.xml', 64 * 1024);

    const m = await measured(base, async () => [await upload(bomb, 'bomb.xlsx'), await upload(liar, 'liar.xlsx')]);
    report('zip bombs refused', m);
    for (const res of m.result) {
      expect(res.status).toBe(413);
      expect(res.body.code).toBe('IMPORT_FILE_TOO_LARGE');
    }
    expect(m.peakRssIncreaseMb).toBeLessThan(300);
    expect(m.healthP99).toBeLessThan(notStalled(m, 200));
  }, 300_000);

  it('still accepts the template-built workbook the bombs were made from', async () => {
    const file = await rezipWithSheetContent(parts, function* () {
      yield '\n';
    });
    const res = await upload(file, 'one.xlsx');
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('VALIDATED');
  });

  const draftsTitled = async (prefix: string): Promise<number> =>
    Number((await t.app.get(DataSource).query(`SELECT count(*) AS n FROM result WHERE status = 'DRAFT' AND title LIKE $1`, [`${prefix}%`]))[0].n);

  // Unpublished on purpose: publishing hands the rows to the matching index afterwards, which is measured elsewhere.
  it('keeps serving other requests while a large import commits', async () => {
    const file = await buildImportFile(template, 800, '分块导入测试成果');
    const uploaded = await upload(file, 'big.xlsx');
    expect(uploaded.status).toBe(201);
    const id = (uploaded.body as { id?: string }).id!;
    const imports = t.app.get(ImportsService);
    const m = await measured(base, async () => {
      await t.http.post(`/api/imports/${id}/decision`).set(...bearer(broker)).send({ mode: 'VALID' }).expect(202);
      return imports.waitFor(id, 280_000);
    });
    report('797-row import', m);
    expect(m.result.failure).toBeNull();
    expect(m.result.status).toBe('DONE');
    expect(m.result.importedRows).toBe(797);
    // Before: the whole import held the embedded connection, so health waited for all of it (103 s for
    // 1,497 rows). Now it is answered all along; no answer waits for more than a small part of the run.
    expect(m.healthSamples).toBeGreaterThanOrEqual(10);
    expect(m.healthMax).toBeLessThan(Math.max(within(m, 500), m.ms / 5));
    expect(await draftsTitled('分块导入测试成果')).toBe(797);
  }, 300_000);

  it('deletes every committed chunk when a later row fails: all or nothing', async () => {
    const uploaded = await upload(await buildImportFile(template, 300, '回滚导入测试成果'), 'fails.xlsx');
    const id = (uploaded.body as { id?: string }).id!;
    // Row 250 breaks only when written (a title longer than the column), after earlier chunks committed.
    await t.app.get(DataSource).query(`UPDATE import_job SET payload = jsonb_set(payload, '{250,input,title}', to_jsonb(repeat('长', 300))) WHERE id = $1`, [id]);
    await t.http.post(`/api/imports/${id}/decision`).set(...bearer(broker)).send({ mode: 'VALID' }).expect(202);
    const done = await t.app.get(ImportsService).waitFor(id, 200_000);
    expect(done).toMatchObject({ status: 'FAILED', importedRows: 0, processedRows: 0 });
    expect(await draftsTitled('回滚导入测试成果')).toBe(0);
    expect(await t.app.get(DataSource).query(`SELECT 1 FROM import_job_listing WHERE job_id = $1`, [id])).toEqual([]);
  }, 300_000);

  it('an import job delivered again after it finished (a runner that died before recording it) writes nothing twice', async () => {
    const uploaded = await upload(await buildImportFile(template, 10, '重复投递导入测试成果'), 'again.xlsx');
    const id = (uploaded.body as { id?: string }).id!;
    await t.http.post(`/api/imports/${id}/decision`).set(...bearer(broker)).send({ mode: 'VALID' }).expect(202);
    const imports = t.app.get(ImportsService);
    expect(await imports.waitFor(id)).toMatchObject({ status: 'DONE', importedRows: 10 });
    // What a process that died before recording the outcome leaves behind: its job RUNNING under a lapsed lease.
    const db = t.app.get(DataSource);
    const [job] = await db.query<Array<{ id: string }>>(`UPDATE background_job SET state = 'RUNNING', locked_until = now() - interval '1 second' WHERE key = $1 RETURNING id`, [`import:${id}`]);
    expect(job).toBeDefined();
    const deadline = Date.now() + 20_000;
    while ((await db.query<Array<{ state: string }>>(`SELECT state FROM background_job WHERE key = $1`, [`import:${id}`]))[0]?.state !== 'COMPLETED' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await db.query(`SELECT state, attempts FROM background_job WHERE key = $1`, [`import:${id}`])).toEqual([{ state: 'COMPLETED', attempts: 2 }]);
    expect(await draftsTitled('重复投递导入测试成果')).toBe(10);
  }, 300_000);
});
