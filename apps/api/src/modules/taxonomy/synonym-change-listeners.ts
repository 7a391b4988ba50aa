import { Injectable } from '@nestjs/common';

/**
 * Who must follow a change of the synonym list. Search folds synonyms at index time, so the text pipeline
 * reloads the list and every listing is re-indexed. Those modules depend on taxonomy, not the other way:
 * they register here at start-up (their module's `onModuleInit`) and the synonym routes await them in order.
 */
@Injectable()
export class SynonymChangeListeners {
  private readonly listeners: Array<{ order: number; run: () => Promise<unknown> }> = [];

  /** Lower `order` runs first: the text pipeline reloads (0) before listings are re-indexed (1). */
  add(order: number, run: () => Promise<unknown>): void {
    this.listeners.push({ order, run });
    this.listeners.sort((a, b) => a.order - b.order);
  }

  async changed(): Promise<void> {
    for (const listener of this.listeners) await listener.run();
  }
}
