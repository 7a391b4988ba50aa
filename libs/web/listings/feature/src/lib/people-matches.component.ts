import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import {
  EXPERT_AVAILABILITY_LABELS,
  EXPERT_TITLE_LABELS,
  LABORATORY_KIND_LABELS,
  PEOPLE_CONTRACT_TYPE_LABELS,
  PeopleContractType,
  PeopleMatchReason,
} from '@xkx/contracts';
import { toApiError } from '@xkx/web/forms';
import { I18nService, LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { PeopleApiService } from '@xkx/web/matching/data-access';
import { map } from 'rxjs';

interface PersonRow {
  id: string;
  name: string;
  subtitle: string;
  directions: string;
  score: number;
  reasons: PeopleMatchReason[];
  link: string[];
}

const CONTRACT_TYPES = Object.keys(PEOPLE_CONTRACT_TYPE_LABELS) as PeopleContractType[];

/** A need's experts or laboratories tab: ranked, explained, and 申请对接 in place (issue 16). */
@Component({
  selector: 'xkx-people-matches',
  imports: [FormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, MatSelectModule, LocalizedPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (rows.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'home.loading' | t" />
    }
    @if (rows.error()) {
      <p class="alert" role="alert">{{ 'common.loadError' | t }}</p>
    }
    @if (rows.hasValue()) {
      <div class="list" [attr.data-testid]="kind() + '-matches'">
        @for (r of rows.value(); track r.id) {
          <article class="card" [attr.data-testid]="kind() + '-match'">
            <header>
              <a [routerLink]="r.link" class="name">{{ r.name }}</a>
              <span class="subtitle">{{ r.subtitle }}</span>
              <span class="score">{{ 'match.score' | t }} {{ r.score }}</span>
            </header>
            <p class="directions">{{ r.directions }}</p>
            <ul class="reasons">
              @for (reason of r.reasons; track reason.kind) {
                @if (reason.kind === 'terms') {
                  <li>{{ 'people.reasonTerms' | t }}：{{ reason.values.join('、') }}</li>
                } @else if (reason.kind === 'field') {
                  <li>{{ 'people.reasonField' | t }}：{{ reason.values.join('、') }}</li>
                }
              }
            </ul>
            @if (sentDeal()[r.id]; as dealCode) {
              <p class="sent" role="status">
                {{ 'people.sent' | t }} · <a [routerLink]="['/deals', dealCode]">{{ 'people.viewDeal' | t }}</a>
              </p>
            } @else if (open() === r.id) {
              <form class="ask" (ngSubmit)="send(r.id)">
                <mat-form-field>
                  <mat-label>{{ 'people.contractType' | t }}</mat-label>
                  <mat-select name="contractType" [(ngModel)]="contractType" data-testid="contract-type">
                    @for (c of contractTypes; track c) {
                      <mat-option [value]="c">{{ contractTypeLabels[c] | localized }}</mat-option>
                    }
                  </mat-select>
                </mat-form-field>
                <mat-form-field class="message">
                  <mat-label>{{ 'people.message' | t }}</mat-label>
                  <textarea matInput name="message" rows="3" [(ngModel)]="message" data-testid="introduction-message"></textarea>
                  <mat-hint>{{ 'people.messageHint' | t }}</mat-hint>
                </mat-form-field>
                @if (error()) {
                  <p class="alert" role="alert">{{ error() }}</p>
                }
                <button mat-flat-button type="submit" [disabled]="busy()" data-testid="send-introduction">{{ 'people.send' | t }}</button>
              </form>
            } @else {
              <button mat-stroked-button type="button" (click)="open.set(r.id)" data-testid="ask-introduction">{{ 'people.askIntroduction' | t }}</button>
            }
          </article>
        } @empty {
          <p class="empty">{{ 'match.none' | t }}</p>
        }
      </div>
    }
  `,
  styles: `
    .list { display: grid; gap: 12px; }
    .card { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 12px 16px; }
    header { display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; }
    .name { font: var(--mat-sys-title-medium); }
    .subtitle, .empty, .reasons { color: var(--mat-sys-on-surface-variant); }
    .score { margin-left: auto; }
    .reasons { margin: 4px 0 8px; padding-left: 18px; }
    .ask { display: grid; gap: 8px; max-width: 640px; }
    .alert { margin: 8px 0; padding: 8px 12px; border-radius: 8px; background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
  `,
})
export class PeopleMatchesComponent {
  private readonly api = inject(PeopleApiService);
  protected readonly i18n = inject(I18nService);

  readonly needId = input.required<string>();
  readonly kind = input.required<'expert' | 'laboratory'>();

  protected readonly contractTypes = CONTRACT_TYPES;
  protected readonly contractTypeLabels = PEOPLE_CONTRACT_TYPE_LABELS;
  protected readonly open = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly sentDeal = signal<Record<string, string>>({});
  protected contractType: PeopleContractType = 'DEVELOPMENT';
  protected message = '';

  protected readonly rows = rxResource({
    params: () => ({ needId: this.needId(), kind: this.kind() }),
    stream: ({ params }) =>
      params.kind === 'expert'
        ? this.api.expertMatches(params.needId).pipe(
            map((list): PersonRow[] =>
              list.items.map((m) => ({
                id: m.expert.id,
                name: m.expert.nameZh,
                subtitle: `${this.i18n.pick(EXPERT_TITLE_LABELS[m.expert.title])} · ${m.expert.organization.nameZh} · ${this.i18n.pick(EXPERT_AVAILABILITY_LABELS[m.expert.availability])}`,
                directions: m.expert.directions,
                score: m.score,
                reasons: m.reasons,
                link: ['/experts', m.expert.id],
              })),
            ),
          )
        : this.api.laboratoryMatches(params.needId).pipe(
            map((list): PersonRow[] =>
              list.items.map((m) => ({
                id: m.laboratory.id,
                name: m.laboratory.nameZh,
                subtitle: `${this.i18n.pick(LABORATORY_KIND_LABELS[m.laboratory.kind])} · ${m.laboratory.organization.nameZh}`,
                directions: m.laboratory.directions,
                score: m.score,
                reasons: m.reasons,
                link: ['/laboratories', m.laboratory.id],
              })),
            ),
          ),
  });

  protected send(id: string): void {
    this.busy.set(true);
    this.error.set(null);
    const target = this.kind() === 'expert' ? { expertId: id } : { laboratoryId: id };
    this.api.requestIntroduction({ ...target, needId: this.needId(), contractType: this.contractType, message: this.message }).subscribe({
      next: (intro) => {
        this.busy.set(false);
        this.open.set(null);
        this.sentDeal.update((sent) => ({ ...sent, [id]: intro.dealCode ?? intro.dealId ?? '' }));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const api = toApiError(error);
        const field = api.errors.find((e) => e.field === 'message');
        this.error.set(field ? `${this.i18n.t('people.message')}：${field.message}` : (api.message ?? this.i18n.t('common.loadError')));
      },
    });
  }
}
