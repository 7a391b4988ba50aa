import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { ListingDetail, ListingStatus } from '@xkx/contracts';
import { TranslatePipe } from '@xkx/web/i18n';
import { ListingSegment, OwnerAction } from '@xkx/web/listings/util';
import { ListingStatusComponent } from './listing-status.component';

export interface OwnerActionRequest {
  listing: ListingDetail;
  action: OwnerAction;
}

const SUBMITTABLE: readonly ListingStatus[] = [ListingStatus.DRAFT, ListingStatus.CHANGES_REQUESTED];
const RENEWABLE: readonly ListingStatus[] = [ListingStatus.PUBLISHED, ListingStatus.EXPIRED];
const EDITABLE: readonly ListingStatus[] = [
  ListingStatus.DRAFT,
  ListingStatus.SUBMITTED,
  ListingStatus.CHANGES_REQUESTED,
  ListingStatus.PUBLISHED,
  ListingStatus.EXPIRED,
];

/** An owner's listings: status, what needs attention (review notes, expiry), and what can be done next. */
@Component({
  selector: 'xkx-my-listing-list',
  imports: [RouterLink, MatButtonModule, MatIconModule, TranslatePipe, ListingStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul class="list" data-testid="my-listing-list">
      @for (l of listings(); track l.id) {
        <li data-testid="my-listing" [attr.data-code]="l.code" [attr.data-status]="l.status">
          <div class="line">
            <xkx-listing-status [status]="l.status" />
            <a class="title" [routerLink]="['/', segment(), l.code]">{{ l.title }}</a>
            <span class="code">{{ l.code }}</span>
          </div>
          @if (l.management?.reviewNote && (l.status === 'CHANGES_REQUESTED' || l.status === 'REJECTED')) {
            <p class="note" data-testid="review-note"><mat-icon inline aria-hidden="true">rate_review</mat-icon> {{ 'mine.reviewNote' | t }}: {{ l.management?.reviewNote }}</p>
          }
          @if (l.status === 'EXPIRED') {
            <p class="warn" data-testid="expired-warning"><mat-icon inline aria-hidden="true">event_busy</mat-icon> {{ 'mine.expired' | t: { date: l.validUntil } }}</p>
          } @else if (l.staleSoon && l.status === 'PUBLISHED') {
            <p class="warn" data-testid="stale-warning"><mat-icon inline aria-hidden="true">schedule</mat-icon> {{ 'mine.staleSoon' | t: { date: l.validUntil } }}</p>
          }
          @if (actions()) {
            <div class="actions">
              @if (editable(l)) {
                <a mat-button [routerLink]="['/workspace', segment(), l.id, 'edit']" data-testid="edit-listing"><mat-icon>edit</mat-icon> {{ 'common.edit' | t }}</a>
              }
              @if (submittable(l)) {
                <button mat-button type="button" data-testid="submit-listing" (click)="act.emit({ listing: l, action: 'submit' })"><mat-icon>send</mat-icon> {{ 'mine.submit' | t }}</button>
              }
              @if (renewable(l)) {
                <button mat-button type="button" data-testid="renew-listing" (click)="act.emit({ listing: l, action: 'renew' })"><mat-icon>update</mat-icon> {{ 'mine.renew' | t }}</button>
              }
              @if (l.status !== 'ARCHIVED') {
                <button mat-button type="button" data-testid="archive-listing" (click)="act.emit({ listing: l, action: 'archive' })"><mat-icon>archive</mat-icon> {{ 'mine.archive' | t }}</button>
              }
            </div>
          }
        </li>
      } @empty {
        <li class="empty">{{ empty() }}</li>
      }
    </ul>
  `,
  styles: `
    .list { list-style: none; margin: 0; padding: 0; display: grid; gap: 8px; }
    li { padding: 12px 16px; border-radius: 12px; border: 1px solid var(--mat-sys-outline-variant); }
    .line { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
    .title { color: var(--mat-sys-primary); font-weight: 500; text-decoration: none; }
    .code { margin-left: auto; color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-label-small); }
    .note, .warn { margin: 6px 0 0; font: var(--mat-sys-body-small); }
    .note { color: var(--mat-sys-on-tertiary-container); }
    .warn { color: var(--mat-sys-error); }
    .actions { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 6px; }
    .empty { color: var(--mat-sys-on-surface-variant); text-align: center; }
  `,
})
export class MyListingListComponent {
  readonly listings = input.required<readonly ListingDetail[]>();
  readonly segment = input.required<ListingSegment>();
  readonly empty = input('');
  readonly actions = input(true);
  readonly act = output<OwnerActionRequest>();

  protected editable(l: ListingDetail): boolean {
    return EDITABLE.includes(l.status);
  }

  protected submittable(l: ListingDetail): boolean {
    return SUBMITTABLE.includes(l.status);
  }

  protected renewable(l: ListingDetail): boolean {
    return RENEWABLE.includes(l.status);
  }
}
