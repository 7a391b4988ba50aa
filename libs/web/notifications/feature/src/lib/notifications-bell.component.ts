import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatBadgeModule } from '@angular/material/badge';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { NavigationEnd, Router } from '@angular/router';
import { NotificationItem } from '@xkx/contracts';
import { AuthSession, safeReturnUrl, WebPath } from '@xkx/web/auth/data-access';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';
import { NotificationsApiService } from '@xkx/web/notifications/data-access';
import { filter, interval } from 'rxjs';

/** How often the unread count is refreshed while the page stays open. */
const POLL_MS = 60_000;

const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/**
 * The shell's bell: unread count, the latest notifications (new messages, stage moves, introductions,
 * offers, review outcomes, reminders) in the UI language, each opening its deal or page; "mark all read". Refreshed on navigation and every
 * minute, so news shows without a reload. The same news also goes out by mail (outbox).
 */
@Component({
  selector: 'xkx-notifications-bell',
  imports: [MatBadgeModule, MatButtonModule, MatIconModule, MatMenuModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      mat-icon-button
      type="button"
      [matMenuTriggerFor]="menu"
      (menuOpened)="list.reload()"
      data-testid="notifications"
      [attr.data-unread]="unread()"
      [attr.aria-label]="'notify.label' | t: { n: unread() }"
    >
      <mat-icon [matBadge]="unread() || null" matBadgeColor="warn" matBadgeSize="small" aria-hidden="true"
        >notifications</mat-icon
      >
    </button>
    <mat-menu #menu="matMenu" xPosition="before" class="xkx-notifications-menu">
      <div
        class="head"
        (click)="$event.stopPropagation()"
        (keydown)="$event.stopPropagation()"
        role="presentation"
      >
        <strong>{{ 'notify.title' | t }}</strong>
        @if (unread() > 0) {
          <button mat-button type="button" data-testid="notifications-read-all" (click)="readAll()">
            {{ 'notify.readAll' | t }}
          </button>
        }
      </div>
      @for (n of items(); track n.id) {
        <button
          mat-menu-item
          type="button"
          class="item"
          [class.unread]="!n.readAt"
          data-testid="notification"
          [attr.data-kind]="n.kind"
          (click)="open(n)"
        >
          <span class="title">{{ titleOf(n) }}</span>
          <span class="time">{{ timeOf(n) }}</span>
        </button>
      } @empty {
        <p class="none">{{ 'notify.none' | t }}</p>
      }
    </mat-menu>
  `,
  styles: `
    .head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 16px;
      padding: 4px 12px 4px 16px;
    }
    .item {
      height: auto;
      min-height: 48px;
      line-height: 1.4;
      padding-top: 6px;
      padding-bottom: 6px;
    }
    .item.unread .title {
      font-weight: 600;
    }
    .title {
      display: block;
      white-space: normal;
      max-width: 340px;
    }
    .time {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .none {
      margin: 8px 16px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class NotificationsBellComponent {
  private readonly api = inject(NotificationsApiService);
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);

  protected readonly list = this.api.latestResource(() => this.session.user() !== null);
  private readonly value = computed(() => (this.list.hasValue() ? this.list.value() : undefined));
  protected readonly items = computed(() => this.value()?.items ?? []);
  protected readonly unread = computed(() => this.value()?.unread ?? 0);

  constructor() {
    const destroyRef = inject(DestroyRef);
    this.router.events
      .pipe(
        filter((e) => e instanceof NavigationEnd),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe(() => this.list.reload());
    interval(POLL_MS)
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe(() => this.list.reload());
  }

  protected titleOf(n: NotificationItem): string {
    return this.i18n.locale() === 'en' && n.titleEn ? n.titleEn : n.title;
  }

  protected timeOf(n: NotificationItem): string {
    return TIME.format(new Date(n.createdAt));
  }

  protected open(n: NotificationItem): void {
    const go = (): void => {
      this.list.reload();
      if (n.dealId) void this.router.navigate(['/', WebPath.deals, n.dealCode ?? n.dealId]);
      // Listing reviews, digests, organization news: a path inside the app (never another site).
      else if (n.link && safeReturnUrl(n.link)) void this.router.navigateByUrl(n.link);
    };
    if (n.readAt) go();
    else this.api.markRead(n.id).subscribe({ next: go, error: go });
  }

  protected readAll(): void {
    this.api.markAllRead().subscribe({ next: () => this.list.reload() });
  }
}
