import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatExpansionModule } from '@angular/material/expansion';
import { codeMessageKey, MessageKey, TranslatePipe } from '@xkx/web/i18n';
import { OutboxMail } from '@xkx/contracts';

/** Outgoing mail kept when no SMTP server is configured: subject lines, bodies on demand. */
@Component({
  selector: 'xkx-outbox-list',
  imports: [DatePipe, MatExpansionModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-accordion multi data-testid="outbox">
      @for (mail of mails(); track mail.id) {
        <mat-expansion-panel data-testid="outbox-mail">
          <mat-expansion-panel-header>
            <mat-panel-title>{{ mail.subject }}</mat-panel-title>
            <mat-panel-description>{{ mail.to }} · {{ mail.createdAt | date: 'yyyy-MM-dd HH:mm' }} · {{ statusKey(mail.status) | t }}</mat-panel-description>
          </mat-expansion-panel-header>
          <pre>{{ mail.body }}</pre>
          <p class="muted">{{ 'outbox.attempts' | t: { n: mail.attempts } }}</p>
        </mat-expansion-panel>
      } @empty {
        <p class="muted">{{ 'outbox.empty' | t }}</p>
      }
    </mat-accordion>
  `,
  styles: `
    pre { white-space: pre-wrap; word-break: break-all; font: var(--mat-sys-body-medium); }
    .muted { color: var(--mat-sys-on-surface-variant); }
  `,
})
export class OutboxListComponent {
  readonly mails = input.required<readonly OutboxMail[]>();

  protected statusKey(status: string): MessageKey {
    return codeMessageKey('outbox.status', status);
  }
}
