import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute } from '@angular/router';
import { ErrorCode, FieldError, ORGANIZATION_KIND_LABELS, OrganizationDetail, OrganizationKind, OrganizationSummary } from '@xkx/contracts';
import { OrganizationsApiService } from '@xkx/web/accounts/data-access';
import { OrganizationFormComponent, OrganizationTableComponent } from '@xkx/web/accounts/ui';
import { OrganizationFormValue } from '@xkx/web/accounts/util';
import { toApiError } from '@xkx/web/forms';
import { I18nService, LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { debounceTime } from 'rxjs';
import { FIRST_PAGE, pagingFrom } from './paging';

type Editing = { mode: 'create'; kind: OrganizationKind | null } | { mode: 'edit'; organization: OrganizationDetail };

/** Administrators: universities, institutes, enterprises and agencies. Edits carry the version read. */
@Component({
  selector: 'xkx-organizations-page',
  imports: [
    MatButtonModule,
    MatCardModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSelectModule,
    LocalizedPipe,
    TranslatePipe,
    OrganizationFormComponent,
    OrganizationTableComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './organizations-page.component.html',
  styleUrl: './admin-page.scss',
})
export class OrganizationsPageComponent {
  private readonly api = inject(OrganizationsApiService);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18nService);

  protected readonly kinds = Object.values(OrganizationKind);
  protected readonly kindLabels = ORGANIZATION_KIND_LABELS;
  protected readonly text = signal('');
  private readonly q = toSignal(toObservable(this.text).pipe(debounceTime(300)), { initialValue: '' });
  protected readonly kind = signal<OrganizationKind | null>(null);
  protected readonly paging = signal(FIRST_PAGE);
  protected readonly organizations = this.api.listResource(() => ({ q: this.q(), kind: this.kind(), ...this.paging() }));

  protected readonly editing = signal<Editing | null>(null);
  protected readonly busy = signal(false);
  protected readonly formErrors = signal<FieldError[]>([]);
  protected readonly formMessage = signal<string | null>(null);
  /** Set on 409: someone saved in between; reloading shows their version. */
  protected readonly conflict = signal(false);

  constructor() {
    // ?create=AGENCY (from the invitation panel) opens the form for a new tech-transfer center.
    const kind = inject(ActivatedRoute).snapshot.queryParamMap.get('create');
    if (kind && (this.kinds as string[]).includes(kind)) this.editing.set({ mode: 'create', kind: kind as OrganizationKind });
  }

  protected onText(event: Event): void {
    this.text.set((event.target as HTMLInputElement).value);
    this.paging.set(FIRST_PAGE);
  }

  protected onKind(kind: OrganizationKind | null): void {
    this.kind.set(kind);
    this.paging.set(FIRST_PAGE);
  }

  protected onPage(event: PageEvent): void {
    this.paging.set(pagingFrom(event));
  }

  protected create(): void {
    this.resetFeedback();
    this.editing.set({ mode: 'create', kind: null });
  }

  /** The list has no version: read the organization before editing it. */
  protected edit(organization: OrganizationSummary): void {
    this.resetFeedback();
    this.api.get(organization.id).subscribe({
      next: (detail) => this.editing.set({ mode: 'edit', organization: detail }),
      error: (error: unknown) => this.formMessage.set(toApiError(error).message ?? this.i18n.t('common.networkError')),
    });
  }

  protected downloadTemplate(): void {
    this.api.downloadImportTemplate().subscribe({
      error: (error: unknown) => this.formMessage.set(toApiError(error).message ?? this.i18n.t('common.networkError')),
    });
  }

  protected reloadEdited(): void {
    const current = this.editing();
    if (current?.mode !== 'edit') return;
    this.edit(current.organization);
  }

  protected save(value: OrganizationFormValue): void {
    const current = this.editing();
    if (!current) return;
    this.busy.set(true);
    this.formMessage.set(null);
    this.conflict.set(false);
    const { verified, ...input } = value;
    const call =
      current.mode === 'create'
        ? this.api.create(input)
        : this.api.update(current.organization.id, { ...input, verified }, current.organization.version);
    call.subscribe({
      next: (saved) => {
        this.snackBar.open(this.i18n.t('org.saved', { name: saved.nameZh }), undefined, { duration: 4000 });
        this.busy.set(false);
        this.editing.set(null);
        this.organizations.reload();
      },
      error: (error: unknown) => {
        const api = toApiError(error);
        this.conflict.set(api.code === ErrorCode.VERSION_CONFLICT);
        this.formErrors.set(api.errors);
        this.formMessage.set(api.message ?? this.i18n.t('common.networkError'));
        this.busy.set(false);
      },
    });
  }

  private resetFeedback(): void {
    this.formErrors.set([]);
    this.formMessage.set(null);
    this.conflict.set(false);
  }
}
