import { Injectable } from '@nestjs/common';
import { ListingKind, ListingStatus } from '@xkx/contracts';

export type ListingChangeListener = (kind: ListingKind, id: string, status: ListingStatus) => void;

/**
 * In-process notifications after a listing change commits, so the matching index can follow within a
 * second without polling. Listeners must not throw; they run after the response is decided.
 */
@Injectable()
export class ListingEvents {
  private readonly listeners: ListingChangeListener[] = [];

  subscribe(listener: ListingChangeListener): void {
    this.listeners.push(listener);
  }

  changed(kind: ListingKind, id: string, status: ListingStatus): void {
    for (const listener of this.listeners) listener(kind, id, status);
  }
}
