import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { ORGANIZATION_KIND_LABELS, ROLE_LABELS, UserSummary } from '@xkx/contracts';
import { FieldErrorPipe } from '@xkx/web/forms';
import { LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';

export interface RejectEvent {
  user: UserSummary;
  reason: string;
}

/** Pending accounts as cards: verify, or reject with a reason the applicant will read. */
@Component({
  selector: 'xkx-verification-queue',
  imports: [
    DatePipe,
    ReactiveFormsModule,
    MatButtonModule,
    MatCardModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    FieldErrorPipe,
    LocalizedPipe,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (user of users(); track user.id) {
      <mat-card appearance="outlined" class="item" data-testid="queue-item" [attr.data-email]="user.email">
        <mat-card-header>
          <mat-checkbox
            class="pick"
            data-testid="queue-select"
            [checked]="selected().has(user.id)"
            [disabled]="busyId() !== null"
            (change)="selectedChange.emit({ id: user.id, on: $event.checked })"
            [aria-label]="'bulk.selectItem' | t: { title: user.name }"
          />
          <mat-icon matCardAvatar aria-hidden="true">person</mat-icon>
          <mat-card-title>{{ user.name }}</mat-card-title>
          <mat-card-subtitle>{{ user.email }}</mat-card-subtitle>
        </mat-card-header>
        <mat-card-content>
          <dl>
            <dt>{{ 'user.role' | t }}</dt>
            <dd>{{ roleLabels[user.role] | localized }}</dd>
            <dt>{{ 'user.organization' | t }}</dt>
            <dd>
              @if (user.organization; as org) {
                {{ org.nameZh }} <span class="muted">{{ kindLabels[org.kind] | localized }}</span>
              } @else {
                —
              }
            </dd>
            <dt>{{ 'user.mobile' | t }}</dt>
            <dd>{{ user.mobile || '—' }}</dd>
            <dt>{{ 'user.registeredAt' | t }}</dt>
            <dd>{{ user.createdAt | date: 'yyyy-MM-dd HH:mm' }}</dd>
          </dl>
          @if (rejecting() === user.id) {
            <mat-form-field class="reason">
              <mat-label>{{ 'queue.reason' | t }}</mat-label>
              <textarea matInput rows="2" [formControl]="reason" data-testid="reject-reason"></textarea>
              <mat-hint>{{ 'queue.reasonHint' | t }}</mat-hint>
              <mat-error>{{ reason | fieldError }}</mat-error>
            </mat-form-field>
          }
        </mat-card-content>
        <mat-card-actions align="end">
          @if (rejecting() === user.id) {
            <button mat-button type="button" (click)="rejecting.set(null)">{{ 'common.cancel' | t }}</button>
            <button mat-flat-button type="button" class="danger" data-testid="reject-confirm" [disabled]="busyId() === user.id" (click)="confirmReject(user)">
              {{ 'queue.rejectConfirm' | t }}
            </button>
          } @else {
            <button mat-button type="button" data-testid="reject" [disabled]="busyId() === user.id" (click)="startReject(user)">{{ 'queue.reject' | t }}</button>
            <button mat-flat-button type="button" data-testid="verify" [disabled]="busyId() === user.id" (click)="verify.emit(user)">
              <mat-icon>verified</mat-icon> {{ 'queue.verify' | t }}
            </button>
          }
        </mat-card-actions>
      </mat-card>
    } @empty {
      <p class="empty" data-testid="queue-empty">{{ 'queue.empty' | t }}</p>
    }
  `,
  styles: `
    :host { display: grid; gap: 16px; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 8px 0; }
    dt { color: var(--mat-sys-on-surface-variant); }
    dd { margin: 0; }
    .muted { color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); }
    .reason { width: 100%; }
    .pick { align-self: center; margin-right: 4px; }
    .danger { background: var(--mat-sys-error); color: var(--mat-sys-on-error); }
    .empty { color: var(--mat-sys-on-surface-variant); }
  `,
})
export class VerificationQueueComponent {
  readonly users = input.required<readonly UserSummary[]>();
  /** The account an action is running for; its buttons wait. */
  readonly busyId = input<string | null>(null);
  /** Accounts picked for a bulk decision (the page's bar acts on them). */
  readonly selected = input<ReadonlySet<string>>(new Set());
  readonly selectedChange = output<{ id: string; on: boolean }>();
  readonly verify = output<UserSummary>();
  readonly reject = output<RejectEvent>();

  protected readonly roleLabels = ROLE_LABELS;
  protected readonly kindLabels = ORGANIZATION_KIND_LABELS;
  protected readonly rejecting = signal<string | null>(null);
  protected readonly reason = new FormControl('', { nonNullable: true, validators: [Validators.required] });

  protected startReject(user: UserSummary): void {
    this.reason.reset();
    this.rejecting.set(user.id);
  }

  protected confirmReject(user: UserSummary): void {
    if (this.reason.invalid || !this.reason.value.trim()) {
      this.reason.setErrors({ required: true });
      this.reason.markAsTouched();
      return;
    }
    this.reject.emit({ user, reason: this.reason.value.trim() });
    this.rejecting.set(null);
  }
}
