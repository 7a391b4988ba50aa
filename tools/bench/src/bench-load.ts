/*
 * npm run bench:load — the built app on PostgreSQL with a generated market, against a bare node:http + pg
 * server doing the same SQL (load/bare-server.ts), route by route, alternating; then a mixed workload on
 * the app alone that must end without a single error. Flags: see usage() below. `--smoke` is what CI runs.
 */
import { ChildProcess } from 'node:child_process';
import { appendFileSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { scratchDatabase, signIn } from './market';
import { buildApi, Child, forkBench, freePort, JWT_SECRET, stopAllChildren, waitFor, waitForLog } from './load/children';
import type { FixedJob, MixedJob, MixedResult, Target } from './load/load-worker';
import { loadMarket, Market } from './load/market-load';
import { measureWebFirstLoad, WEB_DIR } from './load/web-first-load';
import { migrateAndSeed, RATE_LIMIT_SEARCH, scratchDir, startProductionApp } from './load/setup';
import { normalizeSql, SqlTrace } from './load/sql-trace';
import { ratio, round, RunResult, SideSummary, summarize } from './load/stats';

interface Options {
  smoke: boolean;
  seconds: number;
  runs: number;
  connections: number;
  results: number;
  needs: number;
  deals: number;
  mixedSeconds: number;
  traceSql: boolean;
  compare: boolean;
  web: boolean;
  keep: boolean;
}

function usage(): string {
  return `npm run bench:load -- [--smoke] [--seconds N] [--runs N] [--connections N] [--results N] [--needs N] [--deals N]
                          [--mixed-seconds N] [--trace-sql] [--no-compare] [--web] [--keep]
  --smoke          CI: 2,000 results, 1-second runs, one run, 5 s mixed load, SQL trace check; exit 1 on any error
  --trace-sql      route the servers' database traffic through a wire-protocol trace and compare app and bare
                   statement by statement (adds a hop to every query: on by default only with --smoke)
  --no-compare     skip the app/bare runs (bench:web uses this)
  --web            open the portal in headless Chromium during the mixed load (needs npm run build's web app)
  --keep           keep the scratch database and logs`;
}

function parseOptions(argv: string[]): Options {
  const smoke = argv.includes('--smoke');
  const o: Options = {
    smoke,
    seconds: smoke ? 1 : 8,
    runs: smoke ? 1 : 3,
    connections: smoke ? 10 : 50,
    results: smoke ? 2000 : 100_000,
    needs: smoke ? 400 : 20_000,
    deals: smoke ? 200 : 10_000,
    mixedSeconds: smoke ? 5 : 60,
    traceSql: smoke || argv.includes('--trace-sql'),
    compare: !argv.includes('--no-compare'),
    web: argv.includes('--web'),
    keep: argv.includes('--keep'),
  };
  const numeric: Record<string, keyof Options> = { '--seconds': 'seconds', '--runs': 'runs', '--connections': 'connections', '--results': 'results', '--needs': 'needs', '--deals': 'deals', '--mixed-seconds': 'mixedSeconds' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help') {
      console.log(usage());
      process.exit(0);
    }
    const key = numeric[arg];
    if (key) {
      const value = Number(argv[++i]);
      if (!Number.isFinite(value) || value < 0) throw new Error(`${arg} needs a number\n${usage()}`);
      (o as unknown as Record<string, number>)[key] = value;
    } else if (!['--smoke', '--trace-sql', '--no-compare', '--web', '--keep'].includes(arg)) throw new Error(`unknown flag ${arg}\n${usage()}`);
  }
  return o;
}

const log = (line: string): void => void process.stderr.write(`[bench:load] ${line}\n`);
const machine = (): string => `${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`;

/** The load generator process: one job at a time over IPC. */
class LoadGenerator {
  private constructor(private readonly child: Child) {}

  static start(logFile: string): LoadGenerator {
    return new LoadGenerator(forkBench('load', 'load-worker.ts', [], logFile));
  }

  run(job: FixedJob): Promise<RunResult>;
  run(job: MixedJob): Promise<MixedResult>;
  run(job: FixedJob | MixedJob): Promise<RunResult | MixedResult> {
    const child: ChildProcess = this.child.process;
    return new Promise((ok, fail) => {
      const onExit = (code: number | null): void => fail(new Error(`load generator exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (message: { result?: RunResult | MixedResult; error?: string }) => {
        child.off('exit', onExit);
        if (message.error) fail(new Error(message.error));
        else ok(message.result as RunResult | MixedResult);
      });
      child.send(job);
    });
  }

  stop(): Promise<void> {
    return this.child.stop(2000);
  }
}

interface Route {
  name: string;
  targets: Target[];
}

function routes(market: Market, brokerToken: string): Route[] {
  const pick = <T>(xs: readonly T[], n: number): T[] => Array.from({ length: Math.min(n, xs.length) }, (_, i) => xs[Math.floor((i * xs.length) / Math.min(n, xs.length))] as T);
  const get = (path: string, headers?: Record<string, string>): Target => ({ method: 'GET', path, headers });
  return [
    { name: 'health (SELECT 1)', targets: [get('/api/health')] },
    { name: 'result detail', targets: pick(market.resultCodes, 500).map((code) => get(`/api/results/${code}`)) },
    { name: 'word search 锂电池', targets: [get(`/api/results?q=${encodeURIComponent('锂电池')}`)] },
    { name: 'filter-only first page', targets: [get('/api/results?field=NE&trlMin=3')] },
    { name: 'need top-20 matches', targets: pick(market.needIds, 200).map((id) => get(`/api/needs/${id}/matches?limit=20`, { authorization: `Bearer ${brokerToken}` })) },
  ];
}

/**
 * One request per route on each server through its SqlTrace: the statements must be the same, in the same
 * order. The app's timers (digests, the monthly report) may query during a traced request and only ever add
 * statements, so each side counts its shortest capture, and the two are traced again (up to six times, a
 * second apart) until they agree.
 */
async function compareSql(list: Route[], servers: Array<{ name: string; origin: string; trace: SqlTrace }>, dumpFile: string): Promise<string[]> {
  const problems: string[] = [];
  for (const route of list) {
    const seen: Record<string, { statements: string[]; roundTrips: number; status: number; ids: string[]; total: string }> = {};
    const target = route.targets[0] as Target;
    // Twice first: caches (search aggregates, the engine) warm, so the traced request is the steady state.
    for (const server of servers) for (let i = 0; i < 2; i++) await (await fetch(server.origin + target.path, { headers: target.headers })).text();
    for (let attempt = 0; attempt < 6; attempt++) {
      for (const server of servers) {
        await new Promise((r) => setTimeout(r, 50));
        server.trace.take();
        const res = await fetch(server.origin + target.path, { headers: target.headers });
        const body = (await res.json()) as { items?: Array<{ id?: string; counterpart?: { id: string } }>; id?: string; total?: number };
        // Every statement of a request is sent before its answer; the pause only lets the trace read the socket.
        await new Promise((r) => setTimeout(r, 100));
        const taken = server.trace.take();
        const capture = {
          statements: taken.statements.map((s) => normalizeSql(s.sql)),
          roundTrips: taken.roundTrips,
          status: res.status,
          ids: body.items ? body.items.map((i) => i.counterpart?.id ?? i.id ?? '') : [String(body.id ?? '')],
          total: String(body.total ?? ''),
        };
        const previous = seen[server.name];
        if (!previous || capture.statements.length < previous.statements.length) seen[server.name] = capture;
      }
      const [a, b] = [seen['app'], seen['bare']];
      if (a && b && a.statements.join('\n') === b.statements.join('\n')) break;
      // A timer's pass may span several requests: give it time to end.
      await new Promise((r) => setTimeout(r, 1000));
    }
    const [app, bare] = [seen['app'], seen['bare']];
    if (!app || !bare) continue;
    const same = app.statements.length === bare.statements.length && app.statements.every((s, i) => s === bare.statements[i]);
    // Matches rank by freshness against the clock, so near-ties may swap between two calls: compare as sets.
    const shared = app.ids.filter((id) => bare.ids.includes(id)).length / Math.max(1, app.ids.length, bare.ids.length);
    const sameAnswer = app.total === bare.total && shared >= 0.8;
    log(`SQL ${route.name}: app ${app.roundTrips} round trips, bare ${bare.roundTrips}${same ? ', same statements' : ', DIFFERENT statements'}, ${Math.round(shared * 100)} % of the listings answered in common (app ${app.ids.length}, bare ${bare.ids.length})`);
    if (!same || app.roundTrips !== bare.roundTrips) {
      problems.push(`${route.name}: the bare server's SQL differs from the app's`);
      for (const [name, side] of Object.entries(seen)) for (const s of side.statements) log(`  ${name}: ${s.slice(0, 300)}`);
      // The whole text, to copy into load/app-sql.ts.
      appendFileSync(dumpFile, `${JSON.stringify({ route: route.name, app: app.statements, bare: bare.statements })}\n`);
      log(`  full statements in ${dumpFile}`);
    }
    if (app.status !== 200 || bare.status !== 200) problems.push(`${route.name}: app answered ${app.status}, bare ${bare.status}`);
    else if (!sameAnswer) problems.push(`${route.name}: app and bare answered different listings`);
  }
  return problems;
}

function table(rows: Array<{ route: string; app: SideSummary; bare: SideSummary }>): string {
  const head = ['route', 'app req/s', 'bare req/s', 'app/bare', 'app p50', 'app p99', 'bare p50', 'bare p99', 'errors app/bare'];
  const body = rows.map((r) => [r.route, round(r.app.rps, 0), round(r.bare.rps, 0), round(ratio(r.app.rps, r.bare.rps), 3), `${round(r.app.p50)} ms`, `${round(r.app.p99)} ms`, `${round(r.bare.p50)} ms`, `${round(r.bare.p99)} ms`, `${r.app.errors}/${r.bare.errors}`].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] as string).length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  return [line(head), ...body.map(line)].join('\n');
}

async function mixedWorkload(o: Options, origin: string, market: Market, gen: LoadGenerator): Promise<MixedResult> {
  const brokers = await Promise.all(['broker@xkx.demo', 'broker.nju@xkx.demo', 'broker.wu@xkx.demo'].map((e) => signIn(origin, e, 'Xiake-Broker-2026')));
  const researchers = await Promise.all(['researcher@xkx.demo', 'researcher.njupt@xkx.demo'].map((e) => signIn(origin, e, 'Xiake-Research-2026')));
  const enterprise = await signIn(origin, 'enterprise@xkx.demo', 'Xiake-Enterprise-2026');
  const validUntil = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
  const needBody = {
    title: '动力电池包热失控早期预警技术需求', publicSummary: '企业需要一套可在量产电池包上部署的热失控早期预警方案，要求误报率低、成本可控。',
    problem: '现有BMS只能在温度明显升高后报警', indicators: [], mustHaves: ['提前5分钟预警'], niceToHaves: ['可远程升级'], fieldCodes: ['NE.BAT'], keywords: ['热失控', '电池包'],
    needType: 'TECH_BREAKTHROUGH', cooperationModes: ['CO_DEVELOPMENT'], budget: { negotiable: true, minFen: null, maxFen: null }, validUntil,
  };
  // Each enterprise writer edits its own draft, so no two writers race for one version.
  const drafts: Array<{ id: string; version: number }> = [];
  for (let i = 0; i < 2; i++) {
    const res = await fetch(`${origin}/api/needs`, { method: 'POST', headers: { authorization: `Bearer ${enterprise}`, 'content-type': 'application/json' }, body: JSON.stringify({ ...needBody, title: `${needBody.title}（压测${i}）` }) });
    if (res.status !== 201) throw new Error(`creating the enterprise's draft need answered ${res.status}: ${await res.text()}`);
    drafts.push((await res.json()) as { id: string; version: number });
  }
  const resultBody = {
    title: '高安全固态电解质薄膜制备技术', valueProposition: '成本降低三成的固态电解质薄膜工艺', publicSummary: '本成果提供一种可连续化生产的固态电解质薄膜制备工艺，适用于高安全动力电池。',
    problemSolved: '液态电解质易燃', advantages: '离子电导率高，界面稳定', indicators: [], applications: '动力电池、储能', fieldCodes: ['NE.BAT'], keywords: ['固态电池', '电解质'],
    form: 'NEW_TECHNOLOGY', trl: 5, stage: 'PILOT', ipAssets: [], owners: [{ name: '南京大学' }], inventors: [], serviceInvention: true, transferModes: ['LICENSE_GENERAL'],
    price: { negotiable: true, minFen: null, maxFen: null, priceType: null }, validUntil,
  };
  const get = (path: string, headers?: Record<string, string>): Target => ({ method: 'GET', path, headers });
  const sample = <T>(xs: readonly T[], n: number): T[] => Array.from({ length: Math.min(n, xs.length) }, (_, i) => xs[Math.floor((i * xs.length) / Math.min(n, xs.length))] as T);
  const words = ['锂电池', '催化剂', '机器人', '光伏', '传感器', '基因', '碳纤维 复合材料', '废水处理', '芯片', '图像识别'];
  const job: MixedJob = {
    kind: 'mixed',
    origin,
    connections: o.connections,
    seconds: o.mixedSeconds,
    reads: [
      { weight: 30, targets: sample(market.resultCodes, 1000).map((c) => get(`/api/results/${c}`)) },
      { weight: 15, targets: [get('/api/results?sort=newest'), get('/api/needs?sort=newest'), get('/api/results?field=NE'), get('/api/needs?field=AI')] },
      { weight: 20, targets: words.map((w) => get(`/api/results?q=${encodeURIComponent(w)}`)).concat(words.slice(0, 4).map((w) => get(`/api/needs?q=${encodeURIComponent(w)}`))) },
      { weight: 5, targets: [get('/api/portal/home'), get('/api/portal/site')] },
      { weight: 15, targets: sample(market.needIds, 300).map((id, i) => get(`/api/needs/${id}/matches?limit=20`, { authorization: `Bearer ${brokers[i % brokers.length] as string}` })) },
    ],
    writers: [
      ...researchers.map((token) => ({ kind: 'create-result' as const, token, body: resultBody })),
      ...drafts.map((d) => ({ kind: 'edit-need' as const, token: enterprise, needId: d.id, version: d.version, body: { problem: needBody.problem } })),
    ],
  };
  return gen.run(job);
}

async function main(): Promise<number> {
  const o = parseOptions(process.argv.slice(2));
  const startedAt = Date.now();
  log(`machine at start: ${machine()}`);
  const dir = scratchDir();
  const db = await scratchDatabase('xkx_bench_load');
  const traces: SqlTrace[] = [];
  let gen: LoadGenerator | undefined;
  const servers: Child[] = [];
  let cleaned = false;
  const cleanup = async (): Promise<void> => {
    if (cleaned) return;
    cleaned = true;
    await gen?.stop().catch(() => undefined);
    await Promise.all(servers.map((s) => s.stop().catch(() => undefined)));
    stopAllChildren('SIGKILL');
    await Promise.all(traces.map((t) => t.stop()));
    if (o.keep) log(`kept ${db.url} and ${dir}`);
    else {
      await db.drop().catch((e: unknown) => log(`could not drop ${db.url}: ${String(e)}`));
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const interrupted = (signal: NodeJS.Signals): void => {
    log(`${signal}: stopping the servers and dropping the scratch database`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  let failed = false;
  try {
    log(`building the API into dist/bench-load; scratch database ${db.url}`);
    buildApi();
    let t = Date.now();
    await migrateAndSeed(db.url, dir);
    log(`migrated and demo-seeded in ${round((Date.now() - t) / 1000)} s`);
    t = Date.now();
    const market = await loadMarket(db.url, { results: o.results, needs: o.needs, deals: o.deals }, (line) => log(`  market: ${line}`));
    log(`market of ${o.results} results, ${o.needs} needs, ${o.deals} deals written in ${round((Date.now() - t) / 1000)} s`);

    // Each server gets its own trace, so the statements of one request are that server's alone.
    const viaTrace = async (): Promise<{ url: string; trace?: SqlTrace }> => {
      if (!o.traceSql) return { url: db.url };
      const trace = new SqlTrace(new URL(db.url).hostname, Number(new URL(db.url).port || 5432));
      await trace.start();
      traces.push(trace);
      const url = new URL(db.url);
      url.hostname = '127.0.0.1';
      url.port = String(trace.port);
      return { url: url.toString(), trace };
    };
    const appDb = await viaTrace();
    const bareDb = await viaTrace();
    t = Date.now();
    const app = await startProductionApp(appDb.url, dir, o.web ? { XKX_WEB_DIR: WEB_DIR } : {});
    servers.push(app);
    const barePort = await freePort();
    const bare = o.compare ? forkBench('bare', 'bare-server.ts', [bareDb.url, String(barePort), JWT_SECRET, RATE_LIMIT_SEARCH], join(dir, 'bare.log'), barePort) : undefined;
    if (bare) servers.push(bare);
    // Both load the matching index from the whole market before they answer (the app's readiness says so).
    await Promise.all([waitFor(`http://127.0.0.1:${app.port}/api/health/ready`, app, 1_800_000), bare ? waitFor(`http://127.0.0.1:${barePort}/api/health`, bare, 1_800_000) : Promise.resolve()]);
    // Without a snapshot (loadMarket removes the demo seed's) the app fits its index from the listings, as the
    // bare server does, then its snapshot job writes one in the background: wait for it, so that job's CPU
    // is not in the figures.
    await waitForLog(app, /matching snapshot \d+ published/, 1_800_000);
    log(`app and bare server ready in ${round((Date.now() - t) / 1000)} s (matching index loaded in both, the app's snapshot written)`);
    const appOrigin = `http://127.0.0.1:${app.port}`;
    const bareOrigin = `http://127.0.0.1:${barePort}`;
    gen = LoadGenerator.start(join(dir, 'load.log'));

    const problems: string[] = [];
    const warnings: string[] = [];
    if (o.compare) {
      // Access tokens live 15 minutes: a fresh one for each route keeps long runs signed in.
      // (broker.zheng: the mixed workload signs in the other brokers, and sign-ins are limited per account.)
      const brokerToken = (): Promise<string> => signIn(appOrigin, 'broker.zheng@xkx.demo', 'Xiake-Broker-2026');
      if (appDb.trace && bareDb.trace) {
        problems.push(...(await compareSql(routes(market, await brokerToken()), [{ name: 'app', origin: appOrigin, trace: appDb.trace }, { name: 'bare', origin: bareOrigin, trace: bareDb.trace }], join(dir, 'sql-differences.jsonl'))));
      }
      const rows: Array<{ route: string; app: SideSummary; bare: SideSummary }> = [];
      for (let r = 0; r < routes(market, '').length; r++) {
        const route = routes(market, await brokerToken())[r] as Route;
        const runs: Record<'app' | 'bare', RunResult[]> = { app: [], bare: [] };
        // A short warm-up on each (JIT, pools, plans), then app, bare, app, bare, …
        // (The smoke skips it: its SQL check has just warmed both, and CI time counts.)
        if (!o.smoke) for (const origin of [appOrigin, bareOrigin]) await gen.run({ kind: 'fixed', origin, targets: route.targets, connections: o.connections, seconds: Math.min(1, o.seconds) });
        for (let run = 0; run < o.runs; run++) {
          for (const side of ['app', 'bare'] as const) {
            const result = await gen.run({ kind: 'fixed', origin: side === 'app' ? appOrigin : bareOrigin, targets: route.targets, connections: o.connections, seconds: o.seconds });
            runs[side].push(result);
            // Errors under saturation are part of the figures (printed); only the smoke, whose load is light, fails on them.
            for (const [failure, n] of Object.entries(result.failures)) (o.smoke ? problems : warnings).push(`${route.name} on ${side}: ${n}× ${failure}`);
          }
        }
        const row = { route: route.name, app: summarize(runs.app), bare: summarize(runs.bare) };
        rows.push(row);
        log(`${route.name}: app ${round(row.app.rps, 0)}/s, bare ${round(row.bare.rps, 0)}/s, ratio ${round(ratio(row.app.rps, row.bare.rps), 3)}`);
      }
      console.log(`\napp vs bare: ${o.runs} alternating run(s) of ${o.seconds} s per server and route, ${o.connections} connections, ${o.results} results / ${o.needs} needs / ${o.deals} deals${o.traceSql ? ' (through the SQL trace: figures not comparable with a full run)' : ''}`);
      console.log(table(rows));
      console.log(`load average now: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
      if (warnings.length > 0) console.log(`errors during the app/bare runs:\n${warnings.map((w) => `  - ${w}`).join('\n')}`);
    }
    // The bare server's work is done; the mixed load is the app's alone.
    if (bare) await bare.stop();

    log(`mixed workload on the app for ${o.mixedSeconds} s${o.web ? ', with a cold Chromium load of the portal in the middle' : ''}`);
    const web = o.web ? new Promise((r) => setTimeout(r, Math.min(10_000, (o.mixedSeconds * 1000) / 3))).then(() => measureWebFirstLoad(appOrigin)) : undefined;
    const mixed = await mixedWorkload(o, appOrigin, market, gen);
    const reads = summarize([mixed.reads]);
    const writes = summarize([mixed.writes]);
    console.log(`\nmixed workload, app only, ${o.mixedSeconds} s, ${o.connections} reader connections + ${Object.keys(mixed.byLabel).filter((l) => !l.startsWith('GET')).length} kinds of writers`);
    console.log(`  reads:  ${round(reads.rps, 0)}/s, p50 ${round(reads.p50)} ms, p99 ${round(reads.p99)} ms, errors ${reads.errors}`);
    console.log(`  writes: ${round(writes.rps, 1)}/s, p50 ${round(writes.p50)} ms, p99 ${round(writes.p99)} ms, errors ${writes.errors}`);
    for (const [label, n] of Object.entries(mixed.byLabel).sort()) console.log(`    ${label}: ${n.requests} requests, ${n.errors} errors`);
    for (const [failure, n] of Object.entries({ ...mixed.reads.failures, ...mixed.writes.failures })) problems.push(`mixed: ${n}× ${failure}`);
    if (web) console.log(`\n${await web}`);

    console.log(`\nmachine at end: ${machine()}; took ${round((Date.now() - startedAt) / 1000, 0)} s`);
    if (problems.length > 0) {
      failed = true;
      console.error(`\nFAILED: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}\nlogs: ${dir} (kept)`);
      o.keep = true;
    }
  } catch (error) {
    failed = true;
    o.keep = true;
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    console.error(`logs: ${dir} (kept); scratch database kept: ${db.url}`);
  } finally {
    await cleanup();
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    stopAllChildren('SIGKILL');
    process.exit(1);
  },
);
