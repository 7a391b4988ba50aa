import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router, RouterLink } from '@angular/router';
import { Duplicate, ErrorCode, FieldError, IP_STATUS_LABELS, IP_TYPE_LABELS, IpStatus, IpType, ListingInput, ListingStatus, NEED_TYPE_LABELS, NeedType, PRICE_TYPE_LABELS, PriceType, RESULT_FORM_LABELS, RESULT_STAGE_LABELS, ResultForm, ResultStage, TRANSFER_MODE_LABELS, TransferMode } from '@xkx/contracts';
import { PATENT_NUMBER_EXAMPLE } from '@xkx/util';
import { AuthSession } from '@xkx/web/auth/data-access';
import { AmountEchoComponent, applyFieldErrors, FieldErrorPipe, toApiError } from '@xkx/web/forms';
import { I18nService, LocalizedPipe, MessageKey, TranslatePipe } from '@xkx/web/i18n';
import { FieldsApiService, ListingsApiService } from '@xkx/web/listings/data-access';
import { DuplicatesListComponent, ListingStatusComponent } from '@xkx/web/listings/ui';
import { ListingSegment } from '@xkx/web/listings/util';
import { map, Observable, of, startWith, switchMap } from 'rxjs';
import {
  buildListingForm,
  changedKeys,
  controlPath,
  fieldLabelKey,
  indicatorGroup,
  ipAssetGroup,
  needBody,
  NON_MATERIAL,
  ownerGroup,
  patchForm,
  resultBody,
  syncMoney,
  useKind,
} from './listing-form';

const TRL_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9];

/**
 * Create and edit a result (/workspace/results/new, …/:id/edit) or a need. Saves a draft, or saves and
 * submits for review; a stale version is refused by the API and offered for reload, never overwritten.
 */
@Component({
  selector: 'xkx-listing-form-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatSlideToggleModule,
    AmountEchoComponent,
    FieldErrorPipe,
    LocalizedPipe,
    TranslatePipe,
    DuplicatesListComponent,
    ListingStatusComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './listing-form-page.component.html',
  styleUrl: './listing-form-page.component.scss',
})
export class ListingFormPageComponent {
  private readonly api = inject(ListingsApiService);
  private readonly session = inject(AuthSession);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  readonly segment = input.required<ListingSegment>();
  /** Absent on /new. */
  readonly id = input<string>();
  /** On /new: a title to start from (`?title=`, from an empty search's "post this as a need"). */
  readonly title = input<string>();

  protected readonly results = computed(() => this.segment() === 'results');
  protected readonly form = buildListingForm();
  protected readonly c = this.form.controls;
  protected readonly fieldOptions = inject(FieldsApiService).options;
  protected readonly trlLevels = TRL_LEVELS;
  protected readonly modes = Object.values(TransferMode);
  protected readonly modeLabels = TRANSFER_MODE_LABELS;
  protected readonly resultForms = Object.values(ResultForm);
  protected readonly resultFormLabels = RESULT_FORM_LABELS;
  protected readonly stages = Object.values(ResultStage);
  protected readonly stageLabels = RESULT_STAGE_LABELS;
  protected readonly ipTypes = Object.values(IpType);
  protected readonly ipTypeLabels = IP_TYPE_LABELS;
  protected readonly ipStatuses = Object.values(IpStatus);
  protected readonly ipStatusLabels = IP_STATUS_LABELS;
  protected readonly priceTypes = Object.values(PriceType);
  protected readonly priceTypeLabels = PRICE_TYPE_LABELS;
  protected readonly needTypes = Object.values(NeedType);
  protected readonly needTypeLabels = NEED_TYPE_LABELS;
  /** One example for every patent field, kept valid by a unit test. */
  protected readonly patentExample = PATENT_NUMBER_EXAMPLE;

  protected readonly loading = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly unmatched = signal<FieldError[]>([]);
  protected readonly conflict = signal<number | null>(null);
  protected readonly notVerified = signal(false);
  /** What the API holds now: id, version and status; null until the first save of a new listing. */
  protected readonly saved = signal<{ id: string; version: number; status: ListingStatus } | null>(null);
  protected readonly submitted = signal<{ status: ListingStatus; duplicates: Duplicate[] } | null>(null);
  protected readonly reviewNote = signal<string | null>(null);
  private baseline: ListingInput | null = null;
  private readonly submittedBox = viewChild<ElementRef<HTMLElement>>('submittedBox');

  /** The changed keys, live; on a published listing a material one sends it back to review. */
  private readonly formValue = toSignal(this.form.valueChanges.pipe(startWith(null)));
  protected readonly changes = computed(() => {
    this.formValue();
    this.saved();
    return this.baseline ? changedKeys(this.baseline, this.body()).map(String) : [];
  });
  protected readonly backToReview = computed(
    () => this.saved()?.status === ListingStatus.PUBLISHED && this.changes().some((k) => !NON_MATERIAL.has(k)),
  );
  protected readonly canSubmit = computed(() => {
    const status = this.saved()?.status;
    return !status || status === ListingStatus.DRAFT || status === ListingStatus.CHANGES_REQUESTED;
  });

  constructor() {
    effect(() => {
      const results = this.results();
      const id = this.id();
      untracked(() => {
        useKind(this.form, results);
        if (id) this.load(id);
        else this.startNew(results);
      });
    });
    // The buttons sit at the bottom of a long form and the confirmation at its top: bring it into view
    // (and focus, so a screen reader reads it) as soon as it appears.
    effect(() => {
      const box = this.submittedBox()?.nativeElement;
      if (!box) return;
      box.scrollIntoView({ block: 'start' });
      box.focus({ preventScroll: true });
    });
    this.c.price.controls.negotiable.valueChanges.subscribe(() => syncMoney(this.c.price, true));
    this.c.budget.controls.negotiable.valueChanges.subscribe(() => syncMoney(this.c.budget, false));
  }

  protected addIndicator(): void {
    this.c.indicators.push(indicatorGroup());
  }

  protected addIpAsset(): void {
    this.c.ipAssets.push(ipAssetGroup());
  }

  protected addOwner(): void {
    this.c.owners.push(ownerGroup());
  }

  protected fieldName(option: { nameZh: string; nameEn: string }): string {
    return this.i18n.locale() === 'en' ? option.nameEn : option.nameZh;
  }

  protected toggleMode(control: 'transferModes' | 'cooperationModes', mode: TransferMode, checked: boolean): void {
    const c = this.c[control];
    const rest = c.value.filter((m) => m !== mode);
    c.setValue(checked ? [...rest, mode] : rest);
    c.markAsTouched();
  }

  /** An API error no control took, named by its field's label (never its code). */
  protected fieldLabel(field: string): string {
    const key = fieldLabelKey(field, this.results());
    return key ? this.i18n.t(key) : '';
  }

  protected trlKey(trl: number): MessageKey {
    return `trl.${trl}` as MessageKey;
  }

  protected save(thenSubmit: boolean): void {
    this.form.markAllAsTouched();
    if (this.busy()) return;
    if (this.form.invalid) {
      this.error.set(this.i18n.t('form.fixErrors'));
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.unmatched.set([]);
    this.conflict.set(null);
    this.notVerified.set(false);
    const segment = this.segment();
    const body = this.body();
    const current = this.saved();
    const write: Observable<{ id: string; version: number; status: ListingStatus }> = current
      ? this.changes().length
        ? this.api
            .update(segment, current.id, this.pick(body, this.changes()), current.version)
            .pipe(map((o) => ({ id: current.id, version: o.version, status: o.status })))
        : of(current)
      : this.api.create(segment, body).pipe(map((l) => ({ id: l.id, version: l.version, status: l.status })));
    write
      .pipe(
        switchMap((state) => {
          this.saved.set(state);
          this.baseline = body;
          if (!thenSubmit) return of(null);
          return this.api.act(segment, state.id, 'submit', { version: state.version });
        }),
      )
      .subscribe({
        next: (outcome) => {
          this.busy.set(false);
          const state = this.saved();
          if (outcome && state) {
            this.submitted.set(outcome);
            // The submit moved the version on: read it back before any further edit.
            this.load(state.id);
            return;
          }
          this.snackBar.open(this.i18n.t('common.saved'), undefined, { duration: 3000 });
          if (!current && state) void this.router.navigate(['/workspace', segment, state.id, 'edit'], { replaceUrl: true });
        },
        error: (error: unknown) => this.fail(error),
      });
  }

  protected reload(): void {
    const id = this.saved()?.id ?? this.id();
    this.conflict.set(null);
    this.error.set(null);
    if (id) this.load(id);
  }

  private fail(error: unknown): void {
    this.busy.set(false);
    const api = toApiError(error);
    if (api.code === ErrorCode.VERSION_CONFLICT) {
      this.conflict.set(api.currentVersion ?? null);
      return;
    }
    if (api.code === ErrorCode.ACCOUNT_NOT_VERIFIED) {
      this.notVerified.set(true);
      return;
    }
    const unmatched = applyFieldErrors(
      this.form,
      api.errors.map((e) => ({ ...e, field: controlPath(e.field) })),
    );
    this.unmatched.set(unmatched);
    this.error.set(api.message ?? this.i18n.t('common.networkError'));
  }

  private body(): ListingInput {
    return this.results() ? resultBody(this.form) : needBody(this.form);
  }

  private pick(body: ListingInput, keys: string[]): Partial<ListingInput> {
    const record = body as unknown as Record<string, unknown>;
    return Object.fromEntries(keys.map((k) => [k, record[k]])) as Partial<ListingInput>;
  }

  private startNew(results: boolean): void {
    const title = this.title()?.trim();
    if (title && !this.c.title.value) this.c.title.setValue(title.slice(0, 200));
    if (results && this.c.owners.length === 0) {
      // The researcher's institution is the usual owner: one less thing to type.
      this.c.owners.push(ownerGroup({ name: this.session.user()?.organization?.nameZh ?? '' }));
    }
    syncMoney(this.c.price, true);
    syncMoney(this.c.budget, false);
  }

  private load(id: string): void {
    this.loading.set(true);
    this.api.detail(this.segment(), id).subscribe({
      next: (listing) => {
        patchForm(this.form, listing);
        useKind(this.form, this.results());
        this.baseline = this.body();
        this.saved.set({ id: listing.id, version: listing.version, status: listing.status });
        this.reviewNote.set(listing.management?.reviewNote ?? null);
        this.form.markAsPristine();
        this.loading.set(false);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.error.set(toApiError(error).message ?? this.i18n.t('common.loadError'));
      },
    });
  }
}
