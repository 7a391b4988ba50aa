import { HttpStatus, Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit, Optional } from '@nestjs/common';
import { DeclineReason, ErrorCode, ListingKind, MatchVerdict } from '@xkx/contracts';
import { MatchDoc, MatchHit, MatchIndex } from '@xkx/matching';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { DomainException } from '../../common/exceptions/domain.exception';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { findListingFacts, findMatchDoc, publishedCards, publishedChangedSince, publishedMatchDocsByIds } from '@xkx/api/modules/listings/listing-reader';
import { kindSpec } from '@xkx/api/modules/listings/listing-kinds';
import { canManage, isBroker } from '@xkx/api/modules/listings/listing-access';
import { introducedPairs } from '@xkx/api/modules/deals/introduction-reader';
import { ChangeFeed } from '@xkx/api/modules/feed/change-feed.service';
import { FeedEvent, FeedTopics, ofTopic } from '@xkx/api/modules/feed/feed-events';
import { findOrganizationsFacts } from '@xkx/api/modules/organizations/organization-reader';
import { allFieldNames } from '@xkx/api/modules/taxonomy/field-reader';
import { SearchTextService } from '@xkx/api/modules/search/search-text.service';
import { SynonymChangeListeners } from '@xkx/api/modules/taxonomy/synonym-change-listeners';
import { PROCESS_ROLE, ProcessRole } from '@xkx/api/modules/jobs/jobs.types';
import { BrokerMatchViewEntity } from './broker-match-view.entity';
import { MatchCounterpartDto, MatchDto, OpportunityDto, OpportunityListDto } from './dto/matching.dto';
import { MatchFeedbackEntity } from './match-feedback.entity';
import { MatchSnapshotService, readPublished } from './match-snapshot.service';

const NEVER_LOOKED_DAYS = 30;

/** Where the index came from at start and how long it took, in all and by phase (ms). */
export interface LoadReport {
  source: 'snapshot' | 'listings';
  ms: number;
  version: number;
  replayed: number;
  phases?: { read: number; restore: number; catchUp: number; feedback: number };
}
/** Listings upserted since the semantic layer was fitted before a new snapshot is asked for (imports bring new words). */
const UPSERTS_BEFORE_REFRESH = 1000;
const APPLY_BATCH = 1000;

/**
 * The matching engine (libs/api/matching) kept in memory and in step with the database: restored at start from
 * the latest snapshot (MatchSnapshotService) plus the change feed since its position, or built from the
 * published listings when there is none (then the snapshot job writes the first), then updated from the change feed as listings are published, changed
 * or withdrawn and as feedback is recorded, on every instance, within a second of the commit and
 * without a rebuild (consumer `matching-index`). Declined introductions become feedback rows once for
 * the whole cluster (consumer `match-feedback`).
 */
@Injectable()
export class MatchingService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(MatchingService.name);
  /** Replaced in `onApplicationBootstrap` by one built with the admin's analyzer (the one search uses). */
  private index: MatchIndex;
  /** Resolves when the index has loaded; feed events wait for it (they may arrive first). */
  private ready: Promise<void>;
  private markReady: () => void = () => undefined;
  private loaded = false;
  /** match_feedback rows already in the index: a row is counted once, however often its event is read. */
  private feedbackIds = new Set<string>();
  /** Listing changes are applied in order, one at a time. */
  private queue: Promise<void> = Promise.resolve();
  private upsertsSinceRefresh = 0;
  /** Listing changes received and not yet applied to the index (its lag, for the metrics). */
  private pending = 0;
  /** Feed position the live index's semantic layer was fitted at, and the snapshot it came from (0: built here). */
  private fittedAt = 0;
  private snapshotVersion = 0;
  /** How the index was loaded at start, and how long it took (bench:match, logs). */
  private loadedFrom: LoadReport | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly text: SearchTextService,
    private readonly feed: ChangeFeed,
    private readonly snapshots: MatchSnapshotService,
    synonymListeners: SynonymChangeListeners,
    /** `npm run start:worker` serves no matches: it keeps no index (it publishes snapshots instead). */
    @Optional() @Inject(PROCESS_ROLE) private readonly role: ProcessRole = 'api',
  ) {
    this.index = this.newIndex();
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    // One analyzer for search and matching: after search reloads an edited synonym list (0) and listings are
    // re-indexed (1), the index is rebuilt with it. In the queue: the old index answers until the new one is
    // in, and listing changes wait behind the rebuild. The synonym route does not wait for it. Other
    // instances do the same when the change feed tells them (SynonymChangeListeners).
    if (this.role !== 'worker')
      synonymListeners.add(2, () => {
        this.enqueueRebuild();
        return Promise.resolve();
      });
  }

  onModuleInit(): void {
    if (this.role !== 'worker') this.feed.register({ name: 'matching-index', scope: 'instance', topics: ['listing.changed', 'match.feedback', 'matching.snapshot'], handle: (events) => this.enqueue(events) });
    // A counterpart declining an introduction is the strongest feedback there is.
    this.feed.register({ name: 'match-feedback', scope: 'cluster', topics: ['introduction.declined'], handle: (events, manager) => this.recordDeclines(events, manager) });
  }

  /** Declined introductions become feedback rows, announced to every instance's index (once: a cluster consumer). */
  private async recordDeclines(events: readonly FeedEvent[], manager: EntityManager): Promise<void> {
    const recorded: Array<FeedTopics['match.feedback']> = [];
    for (const { payload: event } of ofTopic(events, 'introduction.declined')) {
      if (!event.needId || !event.resultId) continue;
      const saved = await manager.save(
        manager.create(MatchFeedbackEntity, { needId: event.needId, resultId: event.resultId, verdict: 'DECLINED', reason: event.reason, note: event.note, actorId: event.actorId, source: 'INTRODUCTION' }),
      );
      recorded.push({ feedbackId: saved.id, needId: saved.needId, resultId: saved.resultId, verdict: 'declined', reason: saved.reason });
    }
    await this.feed.append(manager, 'match.feedback', recorded);
  }

  onApplicationBootstrap(): void {
    if (this.role === 'worker') return;
    // Search has loaded the admin's synonyms by now (its module initialised first).
    const groups = this.text.synonymGroups;
    this.index = this.newIndex();
    // Routes answer 503 MATCHING_NOT_READY until the index is in (seconds from a snapshot, minutes from 100k listings).
    void this.boot(groups)
      .catch((error: unknown) => this.logger.error(`matching index failed to load: ${String(error)}`))
      .finally(() => this.markReady());    // Single upserts place new listings with the current semantic projection; the nightly snapshot job relearns it
    // (MatchSnapshotService, scheduled once across the cluster) and every instance swaps to the new snapshot.
  }

  /** The latest snapshot and the feed since it; the listings themselves when there is no usable snapshot. */
  private async boot(groups: unknown): Promise<void> {
    const started = Date.now();
    const restored = await this.snapshots.loadLatest({ analyzer: this.text.textAnalyzer }).catch((error: unknown) => {
      this.logger.warn(`matching snapshot not loaded: ${String(error)}`);
      return undefined;
    });
    if (!restored) {
      await this.load();
      this.loadedFrom = { source: 'listings', ms: Date.now() - started, version: 0, replayed: 0 };
      // A fresh install (or a stale snapshot): the job writes the snapshot the next start loads; run in this
      // process, it publishes the index just built rather than building it again.
      this.snapshots.offer(this.index, this.fittedAt, groups);
      this.requestSnapshot();
      return;
    }
    const restoredAt = Date.now();
    const replayed = await this.catchUp(restored.index, restored.feedPosition);
    const caughtUpAt = Date.now();
    await this.loadFeedback(restored.index);
    this.index = restored.index;
    this.fittedAt = restored.feedPosition;
    this.snapshotVersion = restored.version;
    this.upsertsSinceRefresh = replayed;
    this.loaded = true;
    const phases = { read: restored.readMs, restore: restored.restoreMs, catchUp: caughtUpAt - restoredAt, feedback: Date.now() - caughtUpAt };
    this.loadedFrom = { source: 'snapshot', ms: Date.now() - started, version: restored.version, replayed, phases };
    this.logger.log(
      `matching index loaded from snapshot ${restored.version} (feed position ${restored.feedPosition}) and ${replayed} listing changes since: ${this.index.size('result')} results, ${this.index.size('need')} needs in ${Date.now() - started} ms`,
    );
  }

  /** Asks for a new snapshot (the job fits the semantic layer off the request path; instances swap to it). */
  requestSnapshot(): void {
    void this.snapshots.request().catch((error: unknown) => this.logger.warn(`matching snapshot not requested: ${String(error)}`));
  }

  /** Where the index came from at start and how long it took (bench:match). */
  get loadReport(): LoadReport | undefined {
    return this.loadedFrom;
  }

  /**
   * Applies to `index` every listing change the feed recorded after `position` (each listing is read again, so
   * a change seen twice costs a read, never a wrong answer); returns how many listings were read.
   */
  private async catchUp(index: MatchIndex, position: number): Promise<number> {
    const rows = await this.dataSource.query<Array<{ payload: FeedTopics['listing.changed'] }>>(
      `SELECT payload FROM change_feed WHERE topic = 'listing.changed' AND position > $1 ORDER BY position`,
      [position],
    );
    return this.applyListingChanges(index, rows.map((r) => r.payload));
  }

  /** Rebuilds the index from the database (evaluation and maintenance; the app keeps it in step by itself). */
  async reload(): Promise<void> {
    await this.settled();
    const learned = this.index.learnedWeights;
    this.index = this.newIndex();
    this.index.setLearnedWeights(learned);
    this.loaded = false;
    this.ready = this.load();
    await this.ready;
  }

  /** Builds a fresh index with the current analyzer behind the queued changes and swaps it in when loaded. */
  enqueueRebuild(): void {
    this.queue = this.queue
      .then(() => this.ready)
      .then(async () => {
        const groups = this.text.synonymGroups;
        const fresh = this.newIndex();
        await this.load(fresh);
        // The weights learned from brokers stay until the next snapshot relearns them.
        fresh.setLearnedWeights(this.index.learnedWeights);
        this.index = fresh;
        this.snapshotVersion = 0;
        // The snapshots were built with the old synonyms: the job writes one with the new (from this index,
        // when the job runs in this process).
        this.snapshots.offer(fresh, this.fittedAt, groups);
        this.requestSnapshot();
      })
      .catch((error: unknown) => this.logger.warn(`matching index rebuild failed: ${String(error)}`));
  }

  /** An empty index with the analyzer search uses (the admin's synonyms). */
  private newIndex(): MatchIndex {
    return new MatchIndex({ analyzer: this.text.textAnalyzer });
  }

  /** Ids of the best counterparts of a listing already in the index, best first (no access check: internal use). */
  rankIds(kind: ListingKind, id: string, limit: number): string[] {
    return this.index.matchesFor(kindSpec(kind).table, id, { limit, reasons: false }).map((hit) => hit.id);
  }

  /** The component weights the live index ranks with, learned by the snapshot job (undefined: the configured mix). */
  get learnedWeights(): MatchIndex['learnedWeights'] {
    return this.index.learnedWeights;
  }

  /** Whether the index has finished loading (readiness reports it). */
  get isLoaded(): boolean {
    return this.loaded;
  }

  /** Listings in the index by kind, and listing changes still waiting to be applied (metrics). */
  get stats(): { results: number; needs: number; pendingUpdates: number } {
    return { results: this.index.size('result'), needs: this.index.size('need'), pendingUpdates: this.pending };
  }

  /** Resolves when the index has loaded and has applied the change feed up to its head (tests, maintenance). */
  async settled(): Promise<void> {
    await this.ready;
    await this.feed.settle();
    await this.queue;
  }

  async matchesFor(kind: ListingKind, id: string, user: AuthUser, limit = 20): Promise<MatchDto[]> {
    this.assertReady();
    const doc = await this.docFor(kind, id, user);
    const spec = kindSpec(kind);
    const hits = this.index.get(spec.table, id) !== undefined ? this.index.matchesFor(spec.table, id, { limit }) : this.index.match(doc, { limit });
    const counterparts = await this.counterparts(spec.counterpart, hits.map((h) => h.id), user);
    // Feedback is kept per (need, result): the same pair seen from either side.
    const pair = (hitId: string): [string, string] => (kind === 'NEED' ? [id, hitId] : [hitId, id]);
    const verdicts = await this.verdicts(hits.map((h) => pair(h.id)));
    const fields = await this.fieldNames();
    return hits.flatMap((hit) => {
      const counterpart = counterparts.get(hit.id);
      if (!counterpart) return [];
      return [{ ...this.scored(hit, fields), counterpart, origin: 'ALGORITHM' as const, verdict: verdicts.get(pair(hit.id).join(':')) ?? 'NONE' }];
    });
  }

  /** A verdict on a pair by a broker or by the owner of either side; declined pairs leave the rankings. */
  async feedback(needId: string, resultId: string, verdict: MatchVerdict, reason: DeclineReason | undefined, note: string | undefined, user: AuthUser, source = 'BROKER'): Promise<MatchFeedbackEntity> {
    const [need, result] = await Promise.all([findListingFacts(this.dataSource.manager, 'NEED', needId), findListingFacts(this.dataSource.manager, 'RESULT', resultId)]);
    if (!need || !result) throw new DomainException(ErrorCode.MATCH_PAIR_INVALID, HttpStatus.BAD_REQUEST, [{ field: need ? 'resultId' : 'needId', constraint: 'invalid', args: [] }]);
    const mayJudge = isBroker(user) || canManage(user, 'NEED', need) || canManage(user, 'RESULT', result);
    if (!mayJudge) throw new DomainException(ErrorCode.FORBIDDEN, HttpStatus.FORBIDDEN);
    const { saved, event } = await this.dataSource.transaction(async (manager) => {
      const row = await manager.save(
        manager.create(MatchFeedbackEntity, {
          needId,
          resultId,
          verdict,
          reason: verdict === 'DECLINED' ? (reason ?? 'OTHER') : null,
          note: note ?? null,
          actorId: user.id,
          source: isBroker(user) ? source : 'OWNER',
        }),
      );
      const recorded: FeedTopics['match.feedback'] = { feedbackId: row.id, needId, resultId, verdict: verdict === 'GOOD' ? 'good' : 'declined', reason: row.reason };
      await this.feed.append(manager, 'match.feedback', [recorded]);
      return { saved: row, event: recorded };
    });
    // This instance's answers reflect the verdict at once; the others learn it from the feed.
    this.addFeedbackOnce(event);
    return saved;
  }

  /** The best pairs among listings published or changed since the broker last looked. */
  async opportunities(user: AuthUser, filter: { field?: string; organizationId?: string; limit?: number; markSeen?: boolean }): Promise<OpportunityListDto> {
    this.assertReady();
    const view = await this.dataSource.manager.findOneBy(BrokerMatchViewEntity, { userId: user.id });
    const since = view?.lastSeenAt ?? new Date(Date.now() - NEVER_LOOKED_DAYS * 86_400_000);
    const fresh = await publishedChangedSince(this.dataSource.manager, 'NEED', since, 200);
    const ranked: Array<{ needId: string; hit: MatchHit }> = [];
    for (const needId of fresh) {
      if (this.index.get('need', needId) === undefined) continue;
      for (const hit of this.index.matchesFor('need', needId, { limit: 3 })) ranked.push({ needId, hit });
    }
    // A pair an introduction was sent for is work done: it leaves the queue.
    const introduced = await introducedPairs(this.dataSource.manager, ranked.map((p) => p.needId));
    const pairs = ranked.filter((p) => !introduced.has(`${p.needId}:${p.hit.id}`));
    const needs = await this.counterparts('NEED', pairs.map((p) => p.needId), user);
    const results = await this.counterparts('RESULT', pairs.map((p) => p.hit.id), user);
    const inField = (c: MatchCounterpartDto): boolean => !filter.field || c.fieldCodes.some((f) => f === filter.field || f.startsWith(`${filter.field}.`));
    const inOrg = (c: MatchCounterpartDto): boolean => !filter.organizationId || c.organization?.id === filter.organizationId;
    const items: OpportunityDto[] = [];
    const fields = await this.fieldNames();
    // Strongest pairs first: the calibrated strength is comparable across needs (the ranking score is not).
    for (const { needId, hit } of pairs.sort((a, b) => b.hit.confidence - a.hit.confidence || b.hit.score - a.hit.score)) {
      const need = needs.get(needId);
      const result = results.get(hit.id);
      if (!need || !result) continue;
      if (!(inField(need) || inField(result)) || !(inOrg(need) || inOrg(result))) continue;
      items.push({ need, result, ...this.scored(hit, fields) });
      if (items.length >= (filter.limit ?? 30)) break;
    }
    if (filter.markSeen !== false) await this.dataSource.manager.upsert(BrokerMatchViewEntity, { userId: user.id, lastSeenAt: new Date() }, ['userId']);
    return { items, since: view?.lastSeenAt.toISOString() ?? null };
  }

  /**
   * The engine words a field reason with the field's code (NE.BAT): people read its name in their language.
   * The taxonomy is small (about a hundred rows), so it is read per request rather than cached and invalidated.
   */
  private async fieldNames(): Promise<Map<string, { zh: string; en: string }>> {
    const rows = await allFieldNames(this.dataSource.manager);
    return new Map(rows.map((r) => [r.code, { zh: r.nameZh, en: r.nameEn }]));
  }

  private scored(hit: MatchHit, fields: ReadonlyMap<string, { zh: string; en: string }>): Pick<MatchDto, 'score' | 'components' | 'reasons'> {
    // One pass over the text, whole codes only (NE.BAT is not NE followed by .BAT), longest first.
    const named = (text: string, codes: readonly string[] | undefined, locale: 'zh' | 'en'): string => {
      if (!codes?.length) return text;
      const alternatives = [...codes].sort((a, b) => b.length - a.length).map((c) => c.replace(/\./g, '\\.'));
      return text.replace(new RegExp(`(?<![\\w.])(?:${alternatives.join('|')})(?![\\w.])`, 'g'), (code) => fields.get(code)?.[locale] ?? code);
    };
    const c = hit.components;
    return {
      // The calibrated strength (one scale for every need), not the ranking score, whose text and semantic parts
      // are scaled within each need's candidates (every list's first was near 1, shown as 100).
      score: Math.round(hit.confidence * 1000) / 1000,
      // Every component named, so the answer has the contract's shape whether or not the dense layer is trained.
      // The contract's components (the calibration's absolute evidence, coverage and cosine, stays inside).
      components: { text: c.text, semantic: c.semantic, relevance: c.relevance, field: c.field, trl: c.trl, price: c.price, modes: c.modes, freshness: c.freshness, feedback: c.feedback, dense: c.dense ?? 0 },
      reasons: hit.reasons.map((r) => ({ code: r.code, 'zh-CN': named(r.zh, r.fieldCodes, 'zh'), en: named(r.en, r.fieldCodes, 'en'), ...(r.terms ? { terms: r.terms } : {}) })),
    };
  }

  private assertReady(): void {
    if (!this.loaded) throw new DomainException(ErrorCode.MATCHING_NOT_READY, HttpStatus.SERVICE_UNAVAILABLE);
  }

  /** The listing as a query; only its owner (or a broker) may ask for its matches. */
  private async docFor(kind: ListingKind, id: string, user: AuthUser): Promise<MatchDoc> {
    const found = await findMatchDoc(this.dataSource.manager, kind, id);
    if (!found || (!canManage(user, kind, found.facts) && !isBroker(user))) throw DomainException.notFound(ErrorCode.LISTING_NOT_FOUND);
    return found.doc;
  }

  /** The public layer of published counterparts, in the given order. */
  private async counterparts(kind: ListingKind, ids: readonly string[], user: AuthUser): Promise<Map<string, MatchCounterpartDto>> {
    const rows = await publishedCards(this.dataSource.manager, kind, ids);
    const orgs = new Map((await findOrganizationsFacts(this.dataSource.manager, [...new Set(rows.map((r) => r.organizationId))])).map((o) => [o.id, o]));
    const map = new Map<string, MatchCounterpartDto>();
    for (const row of rows) {
      const org = orgs.get(row.organizationId);
      const { anonymous, ...face } = row.face;
      const hidden = anonymous && !isBroker(user);
      map.set(row.id, {
        id: row.id,
        kind,
        code: row.code,
        title: row.title,
        publicSummary: row.publicSummary,
        organization: org && !hidden ? { id: org.id, nameZh: org.nameZh, nameEn: org.nameEn, kind: org.kind } : null,
        fieldCodes: row.fieldCodes,
        keywords: row.keywords,
        ...face,
      });
    }
    return map;
  }

  private async verdicts(pairs: ReadonlyArray<readonly [string, string]>): Promise<Map<string, MatchVerdict>> {
    if (pairs.length === 0) return new Map();
    const rows = await this.dataSource.manager.find(MatchFeedbackEntity, {
      where: pairs.map(([needId, resultId]) => ({ needId, resultId })),
      order: { createdAt: 'ASC' },
    });
    return new Map(rows.map((r) => [`${r.needId}:${r.resultId}`, r.verdict]));
  }

  /** Fills `index` (the live one by default) from the published listings and the feedback. */
  private async load(index: MatchIndex = this.index): Promise<void> {
    const started = Date.now();
    // Everything committed up to this position is in what is read next (later changes come again by the feed).
    const position = await this.snapshots.contentHead();
    const docs = await readPublished(this.dataSource.manager);
    // addAll puts the listings in its canonical order, so the index (and every tie) is the same whatever order
    // the rows come in; in pieces, so health and other routes keep answering while a large market loads.
    await index.addAllChunked(docs, () => yieldToLoop());
    await this.loadFeedback(index);
    this.fittedAt = position;
    this.upsertsSinceRefresh = 0;
    this.loaded = true;
    this.logger.log(`matching index loaded: ${index.size('result')} results, ${index.size('need')} needs in ${Date.now() - started} ms`);
  }

  /** Broker feedback from its table (declined pairs leave the rankings). */
  private async loadFeedback(index: MatchIndex): Promise<void> {
    const feedback = await this.dataSource.manager.find(MatchFeedbackEntity, { order: { createdAt: 'ASC' } });
    index.setFeedback(feedback.map((f) => ({ needId: f.needId, resultId: f.resultId, verdict: f.verdict === 'GOOD' ? 'good' : 'declined', reason: f.reason ?? undefined })));
    // Loads run in the queue (or before it starts), so no feed batch interleaves with this swap.
    this.feedbackIds = new Set(feedback.map((f) => f.id));
  }

  /**
   * Feed events are applied in order, one batch at a time, after the load. The returned promise settles
   * when the batch is in the index: the consumer's position moves only then (a failure is read again).
   */
  private enqueue(events: readonly FeedEvent[]): Promise<void> {
    this.pending += events.length;
    const run = this.queue
      .then(() => this.ready)
      .then(() => this.apply(events))
      .finally(() => (this.pending -= events.length));
    this.queue = run.catch((error: unknown) => this.logger.warn(`matching update failed: ${String(error)}`));
    return run;
  }

  /** Each named listing is read again (its event says where to look, not what it holds): replays are harmless. */
  private async apply(events: readonly FeedEvent[]): Promise<void> {
    const applied = await this.applyListingChanges(this.index, ofTopic(events, 'listing.changed').map((e) => e.payload));
    // A bulk import brings new vocabulary the current projection has not learned: a new snapshot relearns it.
    this.upsertsSinceRefresh += applied;
    if (this.upsertsSinceRefresh >= UPSERTS_BEFORE_REFRESH) {
      this.upsertsSinceRefresh = 0;
      this.requestSnapshot();
    }
    for (const { payload } of ofTopic(events, 'match.feedback')) this.addFeedbackOnce(payload);
    const published = ofTopic(events, 'matching.snapshot').map((e) => e.payload);
    if (published.some((p) => p.version > this.snapshotVersion && p.feedPosition > this.fittedAt)) await this.swapToLatestSnapshot();
  }

  /** A snapshot fitted on more listings than the live index: restored, brought up to the feed's head, swapped in. */
  private async swapToLatestSnapshot(): Promise<void> {
    const fresh = await this.snapshots.loadLatest({ analyzer: this.text.textAnalyzer, newerThan: this.snapshotVersion });
    if (!fresh || fresh.feedPosition <= this.fittedAt) return;
    const replayed = await this.catchUp(fresh.index, fresh.feedPosition);
    await this.loadFeedback(fresh.index);
    this.index = fresh.index;
    this.fittedAt = fresh.feedPosition;
    this.snapshotVersion = fresh.version;
    this.upsertsSinceRefresh = replayed;
    this.logger.log(`matching index swapped to snapshot ${fresh.version} (feed position ${fresh.feedPosition}, ${replayed} listing changes since)`);
  }

  /** Re-reads the named listings in batches: published ones are upserted, the others removed. Returns how many were read. */
  private async applyListingChanges(index: MatchIndex, changes: ReadonlyArray<FeedTopics['listing.changed']>): Promise<number> {
    const byKind = new Map<ListingKind, Set<string>>();
    for (const change of changes) {
      const ids = byKind.get(change.kind) ?? new Set<string>();
      ids.add(change.id);
      byKind.set(change.kind, ids);
    }
    let read = 0;
    for (const [kind, ids] of byKind) {
      const spec = kindSpec(kind);
      const all = [...ids];
      for (let i = 0; i < all.length; i += APPLY_BATCH) {
        const chunk = all.slice(i, i + APPLY_BATCH);
        const rows = await publishedMatchDocsByIds(this.dataSource.manager, kind, chunk);
        const published = new Set(rows.map((r) => r.id));
        for (const id of chunk) if (!published.has(id)) index.remove(spec.table, id);
        for (const row of rows) index.upsert(row.doc);
        read += chunk.length;
      }
    }
    return read;
  }

  private addFeedbackOnce(feedback: FeedTopics['match.feedback']): void {
    if (this.feedbackIds.has(feedback.feedbackId)) return;
    this.feedbackIds.add(feedback.feedbackId);
    this.index.addFeedback({ needId: feedback.needId, resultId: feedback.resultId, verdict: feedback.verdict, reason: feedback.reason ?? undefined });
  }
}
