import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { LearnedWeights, MatchDoc, MatchIndex } from '@xkx/matching';
import { createAnalyzer } from '@xkx/text-zh';
import { createHash } from 'node:crypto';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { promisify } from 'node:util';
import { createGunzip, gzip } from 'node:zlib';
import { DataSource, EntityManager } from 'typeorm';
import { faultPoint } from '../../common/testing/fault-points';
import { ChangeFeed, FEED_RETENTION_DAYS } from '@xkx/api/modules/feed/change-feed.service';
import { LISTING_SPECS } from '@xkx/api/modules/listings/listing-kinds';
import { publishedMatchDocs } from '@xkx/api/modules/listings/listing-reader';
import { JobsService } from '@xkx/api/modules/jobs/jobs.service';
import { TaxonomyService } from '@xkx/api/modules/taxonomy/taxonomy.service';
import { MatchFeedbackEntity } from './match-feedback.entity';
import { MatchIndexSnapshotEntity, MatchIndexSnapshotPartEntity } from './match-index-snapshot.entity';

const gzipAsync = promisify(gzip);

/** Snapshots kept (the newest first); older rows are deleted when a new one is published. */
export const SNAPSHOT_KEEP = 3;
/** pg_advisory_xact_lock key of the publishing transaction: one publisher at a time across the cluster. */
const PUBLISH_LOCK_KEY = '7305281966117013';
const LOAD_BATCH = 2000;
/**
 * Bytes per stored part (match_index_snapshot_part): far below what one bytea value may be, and small enough
 * that reading one (as a hex string, twice its size) needs no large buffers.
 */
export const SNAPSHOT_PART_BYTES = 16 * 1024 * 1024;
/** The background job that publishes a snapshot, and its nightly schedule (the semantic layer's refit). */
export const SNAPSHOT_JOB = 'matching.snapshot';
export const SNAPSHOT_NIGHTLY_JOB = 'matching.snapshot.nightly';
const DAY_MS = 24 * 3600 * 1000;

export interface LoadedSnapshot {
  version: number;
  feedPosition: number;
  /** With the component weights learned from brokers' verdicts when the snapshot was built, if there were enough. */
  index: MatchIndex;
  /** Reading and decompressing the parts, then restoring the index from the bytes (ms). */
  readMs: number;
  restoreMs: number;
}

export type PublishOutcome =
  | { published: true; version: number; feedPosition: number; rawBytes: number; storedBytes: number; ms: number; learnedFrom: number; /** The index an instance had built, not a second build. */ reused: boolean }
  | { published: false; reason: string };

/**
 * Versioned snapshots of the matching index (issue 13). `publish` is the snapshot job: it reads the published
 * listings and the feed head in one consistent read, builds the index in pieces that give the event loop back
 * (MatchIndex.addAllChunked: analysis, word vectors, LSA), serialises and gzips it (zlib runs on libuv's thread
 * pool) and inserts the row in one transaction, so a job killed half-way leaves nothing behind. Deterministic:
 * the same listings and synonyms give the same bytes. Instances `loadLatest` at start and apply the change feed
 * after its position. A background job (`matching.snapshot`, JobsService): in the worker with Redis, in-process
 * otherwise; needs no matching index of its own. Requested at a start without a usable snapshot, after 1,000
 * listing changes and a synonym change, and nightly (`matching.snapshot.nightly`, once across the cluster).
 */
@Injectable()
export class MatchSnapshotService implements OnModuleInit {
  private readonly logger = new Logger(MatchSnapshotService.name);
  /** Jobs of this process run one after the other (a request during a build runs after it, and skips when nothing changed). */
  private chain: Promise<unknown> = Promise.resolve();
  /**
   * An index this process has just built from the listings (an API instance's start without a usable snapshot,
   * or its rebuild after a synonym change), with the feed position it covers and its analyzer's fingerprint:
   * the snapshot job, run in this process by the in-process runner, serialises it instead of building the same
   * index a second time. Taken by the next job.
   */
  private offered: BuiltIndex | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly taxonomy: TaxonomyService,
    private readonly feed: ChangeFeed,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    // Idempotent: a repeated attempt (its process killed mid-build) finds the snapshot published or builds it again.
    this.jobs.define(SNAPSHOT_JOB, () => this.publish(), { attempts: 3, backoffMs: 5000 });
    this.jobs.schedule(SNAPSHOT_NIGHTLY_JOB, () => this.publish(), { everyMs: DAY_MS, firstAfterMs: 3600 * 1000, attempts: 2 });
  }

  /**
   * Asks for a snapshot of the market as it is now: one job per feed position and synonym list (a second request
   * for the same state is the same job, whatever became of it). Returns the job's id.
   */
  async request(): Promise<string> {
    const [head, analyzerKey] = await Promise.all([this.contentHead(), this.currentAnalyzerKey()]);
    return this.jobs.enqueue(SNAPSHOT_JOB, { feedPosition: head }, { key: `${SNAPSHOT_JOB}@${head}:${analyzerKey.slice(0, 12)}` });
  }

  /**
   * Offers an index built here from the listings to this process's next snapshot job. Only with the in-process
   * runner (with REDIS_URL the job runs in a worker, which builds its own; holding the index would only keep it
   * in memory after the instance swapped to another).
   */
  offer(index: MatchIndex, feedPosition: number, synonymGroups: unknown): void {
    if (this.jobs.runnerKind !== 'in-process') return;
    this.offered = { index, feedPosition, analyzerKey: MatchSnapshotService.analyzerKey(synonymGroups) };
  }

  /** Fingerprint of the synonym groups an analyzer is built from (the index depends on nothing else outside the listings). */
  static analyzerKey(groups: unknown): string {
    return createHash('sha256').update(JSON.stringify(groups)).digest('hex');
  }

  async currentAnalyzerKey(): Promise<string> {
    return MatchSnapshotService.analyzerKey(await this.taxonomy.synonymGroups());
  }

  /**
   * The last feed position that is not a snapshot's own announcement: what a snapshot covers. (The head itself
   * would move with every publication, and a snapshot would never be up to date with the feed it announced in.)
   */
  async contentHead(manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [row] = await manager.query<Array<{ position: string }>>(`SELECT position::text AS position FROM change_feed WHERE topic <> 'matching.snapshot' ORDER BY position DESC LIMIT 1`);
    return Number(row?.position ?? 0);
  }

  /**
   * The snapshot job. Skips when the latest snapshot already covers the feed's head with the current synonyms
   * (so a retried or repeated job publishes once); `force` builds anyway (listings written around the feed,
   * as bench:match's bulk insert does).
   */
  publish(options: { force?: boolean } = {}): Promise<PublishOutcome> {
    const run = this.chain.then(() => this.build(options.force === true));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async build(force: boolean): Promise<PublishOutcome> {
    const started = Date.now();
    const offered = this.offered;
    this.offered = undefined;
    const built = offered && !force && offered.analyzerKey === (await this.currentAnalyzerKey()) ? offered : await this.buildFromListings(force);
    if (!built) return { published: false, reason: 'the latest snapshot is up to date' };
    const { index, feedPosition, analyzerKey } = built;
    const latest = await this.latestInfo();
    if (!force && latest && latest.feedPosition >= feedPosition && latest.analyzerKey === analyzerKey) return { published: false, reason: `snapshot ${latest.version} is up to date` };
    // Retraining from brokers: the component weights learned from the verdicts, kept with the snapshot (every
    // instance that swaps to it ranks with them); none below the learner's floor of examples. An index offered by
    // this instance is live: it keeps the weights it ranks with (learning re-ranks it between pauses), and the
    // next snapshot built from the listings relearns them.
    const learned = built.verdicts ? await index.learnFromVerdicts(built.verdicts, () => yieldToLoop()) : index.learnedWeights;
    // Synchronous: no change from the feed can reach the index half-way through (an offered index is live).
    const raw = index.toSnapshot({ feedPosition, analyzerKey, learnedWeights: learned ?? null });
    const payload = await gzipAsync(raw, { level: 6 });
    const version = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1::bigint)', [PUBLISH_LOCK_KEY]);
      const [newer] = await manager.query<Array<{ version: string }>>(
        `SELECT version::text AS version FROM match_index_snapshot WHERE feed_position >= $1 AND analyzer_key = $2 LIMIT 1`,
        [feedPosition, analyzerKey],
      );
      if (newer && !force) return undefined;
      const parts = Math.max(1, Math.ceil(payload.byteLength / SNAPSHOT_PART_BYTES));
      const saved = await manager.save(
        manager.create(MatchIndexSnapshotEntity, { feedPosition, analyzerKey, results: index.size('result'), needs: index.size('need'), rawBytes: raw.byteLength, storedBytes: payload.byteLength, parts }),
      );
      for (let part = 0; part < parts; part++) {
        const bytes = payload.subarray(part * SNAPSHOT_PART_BYTES, (part + 1) * SNAPSHOT_PART_BYTES);
        await manager.insert(MatchIndexSnapshotPartEntity, { version: saved.version, part, bytes });
      }
      await manager.query(`DELETE FROM match_index_snapshot WHERE version NOT IN (SELECT version FROM match_index_snapshot ORDER BY version DESC LIMIT ${SNAPSHOT_KEEP})`);
      await this.feed.append(manager, 'matching.snapshot', [{ version: Number(saved.version), feedPosition }]);
      await faultPoint('match.snapshot.before-commit');
      return Number(saved.version);
    });
    if (version === undefined) return { published: false, reason: 'another publisher got there first' };
    const ms = Date.now() - started;
    this.logger.log(
      `matching snapshot ${version} published${built === offered ? ' (the index this instance built)' : ''}: ${index.size('result')} results, ${index.size('need')} needs at feed position ${feedPosition}, ${raw.byteLength} bytes (${payload.byteLength} gzipped) in ${ms} ms; ${learned ? `weights learned from ${learned.examples} verdicts` : 'the configured weights'}`,
    );
    return { published: true, version, feedPosition, rawBytes: raw.byteLength, storedBytes: payload.byteLength, ms, learnedFrom: learned?.examples ?? 0, reused: built === offered };
  }

  /** Reads the listings and the feed position they include in one consistent read and builds the index; undefined when the latest snapshot already covers them. */
  private async buildFromListings(force: boolean): Promise<BuiltIndex | undefined> {
    // One consistent read: the listings and the feed position they include (appenders commit in position order).
    const read = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const feedPosition = await this.contentHead(manager);
      const groups = await this.taxonomy.synonymGroups(manager);
      return { feedPosition, groups, docs: await readPublished(manager), verdicts: await latestVerdicts(manager) };
    });
    const analyzerKey = MatchSnapshotService.analyzerKey(read.groups);
    const latest = await this.latestInfo();
    if (!force && latest && latest.feedPosition >= read.feedPosition && latest.analyzerKey === analyzerKey) return undefined;
    const index = new MatchIndex({ analyzer: createAnalyzer({ synonyms: read.groups }) });
    await index.addAllChunked(read.docs, () => yieldToLoop());
    return { index, feedPosition: read.feedPosition, analyzerKey, verdicts: read.verdicts };
  }

  /** The newest snapshot's row without its payload. */
  async latestInfo(): Promise<MatchIndexSnapshotEntity | undefined> {
    const [row] = await this.dataSource.manager.find(MatchIndexSnapshotEntity, {
      select: { version: true, feedPosition: true, analyzerKey: true, results: true, needs: true, rawBytes: true, storedBytes: true, parts: true, createdAt: true },
      order: { version: 'DESC' },
      take: 1,
    });
    return row;
  }

  /** A snapshot's bytes, decompressed (undefined when it is gone). */
  readBytes(info: Pick<MatchIndexSnapshotEntity, 'version' | 'parts' | 'rawBytes'>): Promise<Buffer | undefined> {
    return readSnapshotBytes(this.dataSource, info);
  }

  /**
   * The newest snapshot as an index with `analyzer`, when it can serve: built with the current synonyms and the
   * current matching configuration, and young enough that the change feed since its position is still kept.
   */
  async loadLatest(options: { analyzer: MatchIndex['analyzer']; newerThan?: number }): Promise<LoadedSnapshot | undefined> {
    const info = await this.latestInfo();
    if (!info || Number(info.version) <= (options.newerThan ?? 0)) return undefined;
    if (info.analyzerKey !== (await this.currentAnalyzerKey())) {
      this.logger.log(`matching snapshot ${info.version} was built with other synonyms: not used`);
      return undefined;
    }
    // The feed keeps FEED_RETENTION_DAYS; a day of margin, and the nightly job keeps snapshots far younger.
    if (Date.now() - info.createdAt.getTime() > (FEED_RETENTION_DAYS - 1) * 86_400_000) return undefined;
    const started = Date.now();
    const raw = await this.readBytes(info);
    if (!raw) return undefined;
    const read = Date.now();
    try {
      const bytes = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
      const index = MatchIndex.fromSnapshot(bytes, { analyzer: options.analyzer });
      index.setLearnedWeights((MatchIndex.snapshotMeta(bytes)['learnedWeights'] as LearnedWeights | null | undefined) ?? undefined);
      return { version: Number(info.version), feedPosition: info.feedPosition, index, readMs: read - started, restoreMs: Date.now() - read };
    } catch (error) {
      this.logger.warn(`matching snapshot ${info.version} not used: ${String(error)}`);
      return undefined;
    }
  }
}

/**
 * A snapshot's bytes, decompressed: its parts are read one at a time and fed to gunzip (libuv's thread pool)
 * as they come, so reading the next part overlaps decompressing the last. Undefined when a part is missing
 * (the snapshot was deleted meanwhile).
 */
async function readSnapshotBytes(dataSource: DataSource, info: Pick<MatchIndexSnapshotEntity, 'version' | 'parts' | 'rawBytes'>): Promise<Buffer | undefined> {
  const gunzip = createGunzip({ chunkSize: 1024 * 1024 });
  const out = Buffer.allocUnsafe(info.rawBytes);
  let length = 0;
  const done = new Promise<void>((resolve, reject) => {
    gunzip.on('data', (chunk: Buffer) => {
      if (length + chunk.byteLength > out.byteLength) return reject(new Error('snapshot larger than its recorded size'));
      out.set(chunk, length);
      length += chunk.byteLength;
    });
    gunzip.on('end', resolve);
    gunzip.on('error', reject);
  });
  for (let part = 0; part < info.parts; part++) {
    const [row] = await dataSource.query<Array<{ bytes: Buffer }>>(`SELECT bytes FROM match_index_snapshot_part WHERE version = $1 AND part = $2`, [info.version, part]);
    if (!row) {
      gunzip.destroy();
      return undefined;
    }
    if (!gunzip.write(row.bytes)) await new Promise((resolve) => gunzip.once('drain', resolve));
  }
  gunzip.end();
  await done;
  return length === out.byteLength ? out : out.subarray(0, length);
}

/** Every published listing's match document, both kinds, in batches by id. */
export async function readPublished(manager: EntityManager): Promise<MatchDoc[]> {
  const docs: MatchDoc[] = [];
  for (const spec of Object.values(LISTING_SPECS)) {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await publishedMatchDocs(manager, spec.kind, after, LOAD_BATCH);
      if (rows.length === 0) break;
      for (const row of rows) docs.push(row.doc);
      after = rows[rows.length - 1]?.id ?? after;
    }
  }
  return docs;
}

type Verdict = { needId: string; resultId: string; accepted: boolean };

/** An index ready to publish: built by the job from the listings (with the verdicts to learn from), or offered by this instance. */
interface BuiltIndex {
  index: MatchIndex;
  feedPosition: number;
  analyzerKey: string;
  verdicts?: Verdict[];
}

/** The latest verdict on each pair (GOOD accepted, DECLINED declined), oldest pair first. */
async function latestVerdicts(manager: EntityManager): Promise<Verdict[]> {
  const rows = await manager.find(MatchFeedbackEntity, { select: { needId: true, resultId: true, verdict: true, createdAt: true }, order: { createdAt: 'ASC', id: 'ASC' } });
  const latest = new Map<string, Verdict>();
  for (const r of rows) latest.set(`${r.needId}:${r.resultId}`, { needId: r.needId, resultId: r.resultId, accepted: r.verdict === 'GOOD' });
  return [...latest.values()];
}
