import { Injectable, OnModuleInit } from '@nestjs/common';
import { ChangeFeed } from '@xkx/api/modules/feed/change-feed.service';
import { ofTopic } from '@xkx/api/modules/feed/feed-events';

/**
 * `instance`: state each process keeps (an analyzer's synonym list, the matching index built with it) —
 * runs on the writing instance in its request and on every other one from the change feed's
 * 'synonyms.changed'. `writer`: work on shared rows (re-indexing every listing) — runs once, on the
 * instance whose synonym route made the change.
 */
export type SynonymListenerScope = 'instance' | 'writer';

/**
 * Who must follow a change of the synonym list. Search folds synonyms at index time, so the text pipeline
 * reloads the list and every listing is re-indexed. Those modules depend on taxonomy, not the other way:
 * they register here at start-up (their module's `onModuleInit`) and the synonym routes await them in order.
 * Other instances hear of the change through the change feed and run the `instance` listeners.
 */
@Injectable()
export class SynonymChangeListeners implements OnModuleInit {
  private readonly listeners: Array<{ order: number; run: () => Promise<unknown>; scope: SynonymListenerScope }> = [];

  constructor(private readonly feed: ChangeFeed) {}

  onModuleInit(): void {
    this.feed.register({
      name: 'synonyms',
      scope: 'instance',
      topics: ['synonyms.changed'],
      // The writing instance ran every listener in its request; a batch of changes needs one reload.
      handle: async (events) => {
        if (ofTopic(events, 'synonyms.changed').some((e) => e.payload.origin !== this.feed.instance)) await this.changedElsewhere();
      },
    });
  }

  /** Lower `order` runs first: the text pipeline reloads (0) before listings are re-indexed (1). */
  add(order: number, run: () => Promise<unknown>, scope: SynonymListenerScope = 'instance'): void {
    this.listeners.push({ order, run, scope });
    this.listeners.sort((a, b) => a.order - b.order);
  }

  /** On the instance that changed the list, after its transaction committed: every listener, in order. */
  async changed(): Promise<void> {
    for (const listener of this.listeners) await listener.run();
  }

  /** From the change feed, on the instances that did not make the change: the per-instance listeners. */
  async changedElsewhere(): Promise<void> {
    for (const listener of this.listeners) if (listener.scope === 'instance') await listener.run();
  }
}
