import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormControl, FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Opportunity, OrganizationKind, OrganizationSummary } from '@xkx/contracts';
import { OrganizationsApiService } from '@xkx/web/accounts/data-access';
import { OrganizationAutocompleteComponent, OrganizationChoice } from '@xkx/web/accounts/ui';
import { toApiError } from '@xkx/web/forms';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';
import { FieldsApiService } from '@xkx/web/listings/data-access';
import { MatchingApiService } from '@xkx/web/matching/data-access';
import { OpportunityCardComponent } from '@xkx/web/matching/ui';
import { DeclineChoice, OpportunityQuery } from '@xkx/web/matching/util';
import { OpenIntroductionComponent } from './open-introduction.component';

const key = (o: Opportunity): string => `${o.need.id}:${o.result.id}`;
const ALL_KINDS = Object.values(OrganizationKind);

/**
 * The best new pairs since the broker last looked, filtered by field and organization. Browsing does not
 * count as a look; "mark as seen" does, so the next visit starts from there.
 */
@Component({
  selector: 'xkx-opportunities',
  imports: [
    DatePipe,
    FormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatProgressBarModule,
    MatSelectModule,
    TranslatePipe,
    OrganizationAutocompleteComponent,
    OpportunityCardComponent,
    OpenIntroductionComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="filters" data-testid="opportunity-filters">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'listing.fields' | t }}</mat-label>
        <mat-select [ngModel]="field()" (ngModelChange)="setField($event)" data-testid="opportunity-field">
          <mat-option [value]="null">{{ 'common.all' | t }}</mat-option>
          @for (f of fieldOptions(); track f.code) {
            <mat-option [value]="f.code" [style.padding-left.px]="16 + f.depth * 16">{{
              locale() === 'en' ? f.nameEn : f.nameZh
            }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <div class="org">
        <xkx-organization-autocomplete
          [control]="organization"
          [options]="organizations()"
          [label]="'match.organization' | t"
          testId="opportunity-organization"
          (lookup)="lookup($event)"
        />
      </div>
      <button mat-stroked-button type="button" (click)="apply()" data-testid="opportunity-apply">
        <mat-icon>filter_alt</mat-icon> {{ 'common.apply' | t }}
      </button>
      <button mat-button type="button" (click)="clear()">{{ 'common.clear' | t }}</button>
      <span class="spacer"></span>
      <button
        mat-flat-button
        type="button"
        (click)="markSeen()"
        [disabled]="!(list.hasValue() ? list.value() : undefined)?.items?.length"
        data-testid="opportunity-mark-seen"
      >
        <mat-icon>done_all</mat-icon> {{ 'match.markSeen' | t }}
      </button>
    </div>
    @if (list.isLoading()) {
      <mat-progress-bar mode="indeterminate" [attr.aria-label]="'home.loading' | t" />
    }
    @if (list.error()) {
      <p class="alert" role="alert">
        {{ 'common.loadError' | t }}
        <button mat-button type="button" (click)="list.reload()">{{ 'home.retry' | t }}</button>
      </p>
    }
    @if (list.hasValue() ? list.value() : undefined; as l) {
      <p class="since muted" data-testid="opportunity-since">
        @if (l.since) {
          {{ 'match.since' | t: { date: (l.since | date: 'yyyy-MM-dd HH:mm') ?? '' } }}
        } @else {
          {{ 'match.sinceNever' | t }}
        }
      </p>
      <div class="list" data-testid="opportunities">
        @for (o of l.items; track keyOf(o)) {
          <xkx-opportunity-card
            [opportunity]="o"
            [good]="good().has(keyOf(o))"
            [busy]="busy() === keyOf(o)"
            (marked)="judge(o, null)"
            (declined)="judge(o, $event)"
            (pick)="pickNeed.emit(o.need.id)"
          >
            @if (good().has(keyOf(o))) {
              <xkx-open-introduction
                xkxMatchActions
                [needId]="o.need.id"
                [resultId]="o.result.id"
                [score]="o.score"
                [draft]="draft(o)"
              />
            }
          </xkx-opportunity-card>
        } @empty {
          <p class="muted" data-testid="opportunities-empty">{{ 'match.noOpportunities' | t }}</p>
        }
      </div>
    }
  `,
  styles: `
    :host {
      display: block;
      padding-top: 16px;
    }
    .filters {
      display: flex;
      gap: 12px;
      align-items: center;
      flex-wrap: wrap;
      margin-bottom: 12px;
    }
    .filters mat-form-field {
      min-width: 220px;
    }
    .org {
      min-width: 280px;
    }
    .spacer {
      flex: 1;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .list {
      display: grid;
      gap: 12px;
    }
    .alert {
      margin: 16px 0;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class OpportunitiesComponent {
  private readonly api = inject(MatchingApiService);
  private readonly organizationsApi = inject(OrganizationsApiService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  /** "Open in the workbench" on a pair: the page selects its need. */
  readonly pickNeed = output<string>();

  protected readonly locale = this.i18n.locale;
  protected readonly fieldOptions = inject(FieldsApiService).options;
  protected readonly field = signal<string | null>(null);
  protected readonly organization = new FormControl<OrganizationChoice>(null);
  protected readonly organizations = signal<OrganizationSummary[]>([]);
  private readonly query = signal<OpportunityQuery>({ field: null, organizationId: null });
  protected readonly list = rxResource({
    params: () => this.query(),
    stream: ({ params }) => this.api.opportunities(params, false),
  });
  protected readonly good = signal<ReadonlySet<string>>(new Set());
  protected readonly busy = signal<string | null>(null);
  protected readonly keyOf = key;

  protected setField(code: string | null): void {
    this.field.set(code);
    this.apply();
  }

  protected lookup(q: string): void {
    this.organizationsApi
      .search(q, ALL_KINDS, 5)
      .subscribe({ next: (found) => this.organizations.set(found), error: () => this.organizations.set([]) });
  }

  protected apply(): void {
    const org = this.organization.value;
    this.query.set({ field: this.field(), organizationId: org && typeof org === 'object' ? org.id : null });
  }

  protected clear(): void {
    this.field.set(null);
    this.organization.setValue(null);
    this.apply();
  }

  /** Records this look: the next visit lists only pairs newer than now. */
  protected markSeen(): void {
    this.api.opportunities(this.query(), true).subscribe({
      next: () => {
        this.snackBar.open(this.i18n.t('match.markedSeen'), undefined, { duration: 3000 });
        this.list.reload();
      },
      error: (error: unknown) =>
        this.snackBar.open(toApiError(error).message ?? this.i18n.t('common.loadError'), undefined, {
          duration: 5000,
        }),
    });
  }

  protected draft(o: Opportunity): string {
    return this.i18n.t('deal.introDraft', { need: o.need.title, result: o.result.title });
  }

  protected judge(o: Opportunity, decline: DeclineChoice | null): void {
    const k = key(o);
    this.busy.set(k);
    this.api.judge({ needId: o.need.id, resultId: o.result.id }, decline).subscribe({
      next: () => {
        this.busy.set(null);
        if (decline) this.list.update((l) => (l ? { ...l, items: l.items.filter((i) => key(i) !== k) } : l));
        else this.good.update((set) => new Set(set).add(k));
        this.snackBar.open(this.i18n.t(decline ? 'match.declined' : 'match.markedGood'), undefined, {
          duration: 3000,
        });
      },
      error: (error: unknown) => {
        this.busy.set(null);
        this.snackBar.open(toApiError(error).message ?? this.i18n.t('common.loadError'), undefined, {
          duration: 5000,
        });
      },
    });
  }
}
