import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { LearnedWeights, MatchDoc, MatchIndex } from '@xkx/matching';
import { createAnalyzer } from '@xkx/text-zh';
import { createHash } from 'node:crypto';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { DataSource, EntityManager } from 'typeorm';
import { faultPoint } from '../../common/testing/fault-points';
import { ChangeFeed, FEED_RETENTION_DAYS } from '@xkx/api/modules/feed/change-feed.service';
import { LISTING_SPECS } from '@xkx/api/modules/listings/listing-kinds';
import { publishedMatchDocs } from '@xkx/api/modules/listings/listing-reader';
import { JobsService } from '@xkx/api/modules/jobs/jobs.service';
import { TaxonomyService } from '@xkx/api/modules/taxonomy/taxonomy.service';
import { MatchFeedbackEntity } from './match-feedback.entity';
import { MatchIndexSnapshotEntity } from './match-index-snapshot.entity';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Snapshots kept (the newest first); older rows are deleted when a new one is published. */
export const SNAPSHOT_KEEP = 3;
/** pg_advisory_xact_lock key of the publishing transaction: one publisher at a time across the cluster. */
const PUBLISH_LOCK_KEY = '7305281966117013';
const LOAD_BATCH = 2000;
/** The background job that publishes a snapshot, and its nightly schedule (the semantic layer's refit). */
export const SNAPSHOT_JOB = 'matching.snapshot';
export const SNAPSHOT_NIGHTLY_JOB = 'matching.snapshot.nightly';
const DAY_MS = 24 * 3600 * 1000;

export interface LoadedSnapshot {
  version: number;
  feedPosition: number;
  /** With the component weights learned from brokers' verdicts when the snapshot was built, if there were enough. */
  index: MatchIndex;
}

export type PublishOutcome = { published: true; version: number; feedPosition: number; rawBytes: number; storedBytes: number; ms: number; learnedFrom: number } | { published: false; reason: string };

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
    // One consistent read: the listings and the feed position they include (appenders commit in position order).
    const read = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const feedPosition = await this.contentHead(manager);
      const groups = await this.taxonomy.synonymGroups(manager);
      return { feedPosition, groups, docs: await readPublished(manager), verdicts: await latestVerdicts(manager) };
    });
    const analyzerKey = MatchSnapshotService.analyzerKey(read.groups);
    const latest = await this.latestInfo();
    if (!force && latest && latest.feedPosition >= read.feedPosition && latest.analyzerKey === analyzerKey) return { published: false, reason: `snapshot ${latest.version} is up to date` };
    const index = new MatchIndex({ analyzer: createAnalyzer({ synonyms: read.groups }) });
    await index.addAllChunked(read.docs, () => yieldToLoop());
    // Retraining from brokers: the component weights learned from the verdicts, kept with the snapshot (every
    // instance that swaps to it ranks with them); none below the learner's floor of examples.
    const learned = await index.learnFromVerdicts(read.verdicts, () => yieldToLoop());
    const raw = index.toSnapshot({ feedPosition: read.feedPosition, analyzerKey, learnedWeights: learned ?? null });
    const payload = await gzipAsync(raw, { level: 6 });
    const version = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1::bigint)', [PUBLISH_LOCK_KEY]);
      const [newer] = await manager.query<Array<{ version: string }>>(
        `SELECT version::text AS version FROM match_index_snapshot WHERE feed_position >= $1 AND analyzer_key = $2 LIMIT 1`,
        [read.feedPosition, analyzerKey],
      );
      if (newer && !force) return undefined;
      const saved = await manager.save(
        manager.create(MatchIndexSnapshotEntity, { feedPosition: read.feedPosition, analyzerKey, results: index.size('result'), needs: index.size('need'), rawBytes: raw.byteLength, payload }),
      );
      await manager.query(`DELETE FROM match_index_snapshot WHERE version NOT IN (SELECT version FROM match_index_snapshot ORDER BY version DESC LIMIT ${SNAPSHOT_KEEP})`);
      await this.feed.append(manager, 'matching.snapshot', [{ version: Number(saved.version), feedPosition: read.feedPosition }]);
      await faultPoint('match.snapshot.before-commit');
      return Number(saved.version);
    });
    if (version === undefined) return { published: false, reason: 'another publisher got there first' };
    const ms = Date.now() - started;
    this.logger.log(`matching snapshot ${version} published: ${index.size('result')} results, ${index.size('need')} needs at feed position ${read.feedPosition}, ${raw.byteLength} bytes (${payload.byteLength} gzipped) in ${ms} ms; ${learned ? `weights learned from ${learned.examples} verdicts` : `${read.verdicts.length} verdicts, the configured weights`}`);
    return { published: true, version, feedPosition: read.feedPosition, rawBytes: raw.byteLength, storedBytes: payload.byteLength, ms, learnedFrom: learned?.examples ?? 0 };
  }

  /** The newest snapshot's row without its payload. */
  async latestInfo(): Promise<Omit<MatchIndexSnapshotEntity, 'payload'> | undefined> {
    const [row] = await this.dataSource.manager.find(MatchIndexSnapshotEntity, {
      select: { version: true, feedPosition: true, analyzerKey: true, results: true, needs: true, rawBytes: true, createdAt: true },
      order: { version: 'DESC' },
      take: 1,
    });
    return row;
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
    const [row] = await this.dataSource.query<Array<{ payload: Buffer }>>(`SELECT payload FROM match_index_snapshot WHERE version = $1`, [info.version]);
    if (!row) return undefined;
    const raw = await gunzipAsync(row.payload);
    try {
      const bytes = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
      const index = MatchIndex.fromSnapshot(bytes, { analyzer: options.analyzer });
      index.setLearnedWeights((MatchIndex.snapshotMeta(bytes)['learnedWeights'] as LearnedWeights | null | undefined) ?? undefined);
      return { version: Number(info.version), feedPosition: info.feedPosition, index };
    } catch (error) {
      this.logger.warn(`matching snapshot ${info.version} not used: ${String(error)}`);
      return undefined;
    }
  }
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

/** The latest verdict on each pair (GOOD accepted, DECLINED declined), oldest pair first. */
async function latestVerdicts(manager: EntityManager): Promise<Array<{ needId: string; resultId: string; accepted: boolean }>> {
  const rows = await manager.find(MatchFeedbackEntity, { select: { needId: true, resultId: true, verdict: true, createdAt: true }, order: { createdAt: 'ASC', id: 'ASC' } });
  const latest = new Map<string, { needId: string; resultId: string; accepted: boolean }>();
  for (const r of rows) latest.set(`${r.needId}:${r.resultId}`, { needId: r.needId, resultId: r.resultId, accepted: r.verdict === 'GOOD' });
  return [...latest.values()];
}
