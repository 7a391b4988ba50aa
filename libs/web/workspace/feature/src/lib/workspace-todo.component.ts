import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TODO_SECTION_LABELS, TodoItem, TodoSection } from '@xkx/contracts';
import { LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { todoLink, TodoStore } from '@xkx/web/notifications/data-access';

const DATE = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * The workspace opens on what needs the person now (issue 17): the sections of GET /api/me/todo that have
 * something in them, overdue first, each item a link to where it is done. The same list gives the menu its counts.
 */
@Component({
  selector: 'xkx-workspace-todo',
  imports: [RouterLink, MatButtonModule, MatIconModule, LocalizedPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="todo" data-testid="todo" [attr.data-total]="store.total()">
      <h2>
        {{ 'todo.title' | t }}
        @if (store.value(); as list) {
          <span class="badge" data-testid="todo-total">{{ list.total }}</span>
          @if (list.overdue) {
            <span class="badge warn">{{ 'todo.overdueCount' | t: { n: list.overdue } }}</span>
          }
        }
      </h2>
      @if (store.list.error()) {
        <p class="muted" role="alert">
          {{ 'todo.error' | t }}
          <button mat-button type="button" (click)="store.reload()">{{ 'todo.retry' | t }}</button>
        </p>
      } @else if (store.value(); as list) {
        @if (sections().length === 0) {
          <p class="muted" data-testid="todo-clear">{{ 'todo.allClear' | t }}</p>
        }
        <div class="grid">
          @for (s of sections(); track s.key) {
            <article class="section" data-testid="todo-section" [attr.data-key]="s.key" [attr.data-count]="s.count">
              <h3>
                {{ labels[s.key] | localized }} <span class="badge" [class.warn]="s.overdue > 0">{{ s.count }}</span>
              </h3>
              <ul>
                @for (item of s.items; track item.id) {
                  <li>
                    <a [routerLink]="link(s, item)" data-testid="todo-item" [attr.data-id]="item.id" [class.overdue]="item.overdue">
                      <span class="item-title">
                        @if (item.code) {
                          <span class="code">{{ item.code }}</span>
                        }
                        {{ item.title }}
                      </span>
                      @if (item.detail) {
                        <span class="detail">{{ item.detail }}</span>
                      }
                      <span class="when">
                        @if (item.overdue) {
                          <span class="flag">{{ 'todo.overdue' | t }}</span>
                        }
                        @if (item.dueOn) {
                          {{ 'todo.due' | t: { date: item.dueOn } }}
                        } @else if (item.since) {
                          {{ 'todo.since' | t: { date: day(item.since) } }}
                        }
                      </span>
                    </a>
                  </li>
                }
              </ul>
              @if (s.count > s.items.length) {
                <p class="muted">{{ 'todo.more' | t: { n: s.count - s.items.length } }}</p>
              }
            </article>
          }
        </div>
      }
    </section>
  `,
  styles: `
    h2 { display: flex; align-items: center; gap: 8px; margin: 32px 0 12px; font: var(--mat-sys-title-large); }
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(320px, 100%), 1fr)); gap: 16px; }
    .section { padding: 12px 16px; border-radius: 16px; background: var(--mat-sys-surface-container-low); border: 1px solid var(--mat-sys-outline-variant); min-width: 0; }
    h3 { display: flex; align-items: center; gap: 8px; margin: 0 0 8px; font: var(--mat-sys-title-small); }
    ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 4px; }
    a { display: grid; gap: 2px; padding: 6px 8px; border-radius: 8px; color: inherit; text-decoration: none; }
    a:hover, a:focus-visible { background: var(--mat-sys-surface-container-high); }
    .item-title { font-weight: 500; overflow-wrap: anywhere; }
    .code { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-label-small); margin-right: 4px; }
    .detail, .when, .muted { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); overflow-wrap: anywhere; }
    .flag { color: var(--mat-sys-error); font-weight: 600; margin-right: 6px; }
    .badge { display: inline-grid; place-items: center; min-width: 22px; height: 22px; padding: 0 6px; border-radius: 11px; background: var(--mat-sys-secondary-container); color: var(--mat-sys-on-secondary-container); font: var(--mat-sys-label-medium); }
    .badge.warn { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
  `,
})
export class WorkspaceTodoComponent {
  protected readonly store = inject(TodoStore);
  protected readonly labels = TODO_SECTION_LABELS;
  protected readonly sections = computed(() => (this.store.value()?.sections ?? []).filter((s) => s.count > 0));

  protected link(section: TodoSection, item: TodoItem): string[] {
    return todoLink(section.key, item);
  }

  protected day(iso: string): string {
    return DATE.format(new Date(iso));
  }
}
