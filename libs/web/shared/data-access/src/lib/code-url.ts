import { effect, inject, linkedSignal, Signal } from '@angular/core';
import { Router } from '@angular/router';

/** A record people know by its code (R2026-000012, N…, D…, C…) as well as by its uuid. */
export interface CodedRecord {
  id: string;
  code: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(ref: string): boolean {
  return UUID.test(ref);
}

function names(ref: string, record: CodedRecord): boolean {
  return ref.toLowerCase() === record.id || ref.toUpperCase() === record.code;
}

/**
 * A detail page addressed by its record's code (/deals/D2026-000004). Old links and notifications carry
 * the uuid: once the record is loaded, `follow` shows its code in the address bar instead, replacing the
 * history entry. `ref` is what the page asks the API for: the route's reference, except that the swap
 * of uuid for code keeps the old one, so the record is not fetched a second time.
 */
export class CodeAddress {
  /** The record on screen, kept outside the signal graph: `ref` feeds the resource that loads it. */
  private shown: CodedRecord | undefined;
  readonly ref: Signal<string>;

  constructor(private readonly routeRef: Signal<string>) {
    this.ref = linkedSignal<string, string>({
      source: routeRef,
      computation: (next, previous) => {
        const record = this.shown;
        return previous && record && names(previous.value, record) && names(next, record) ? previous.value : next;
      },
    });
  }

  /** Call from a constructor (injection context). */
  follow(loaded: () => CodedRecord | undefined, commands: (code: string) => unknown[]): void {
    const router = inject(Router);
    effect(() => {
      const record = loaded();
      const ref = this.routeRef();
      this.shown = record;
      if (!record || ref === record.code || !names(ref, record)) return;
      void router.navigate(commands(record.code), { replaceUrl: true, queryParamsHandling: 'preserve', preserveFragment: true });
    });
  }
}
