import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormArray, FormControl, FormGroup, FormsModule, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSnackBar } from '@angular/material/snack-bar';
import { applyFieldErrors, FieldErrorPipe, toApiError } from '@xkx/web/forms';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';
import { TaxonomyAdminApiService } from '@xkx/web/listings/data-access';
import { Observable } from 'rxjs';
import { SynonymGroup, SynonymRelation } from '@xkx/contracts';

const MAX_TERMS = 20;

const termControl = (value = ''): FormControl<string> =>
  new FormControl(value, { nonNullable: true, validators: [Validators.required, Validators.maxLength(30)] });

/**
 * /manage/synonyms (administrators): synonym groups, searched as you type, added, edited and deleted one
 * at a time. A term already in another group is refused by the API on that term's own input.
 */
@Component({
  selector: 'xkx-synonyms-page',
  imports: [
    FormsModule,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    FieldErrorPipe,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="head">
      <h1>{{ 'synonyms.title' | t }}</h1>
      <div class="head-actions">
        <button mat-flat-button type="button" data-testid="synonym-add" (click)="startAdd()">
          <mat-icon>add</mat-icon> {{ 'synonyms.add' | t }}
        </button>
      </div>
    </div>
    <p class="lead">{{ 'synonyms.lead' | t }}</p>
    @if (groups.isLoading() || busy()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (groups.error()) {
      <p class="alert" role="alert">{{ 'common.loadError' | t }}</p>
    }
    @if (error(); as message) {
      <p class="alert" role="alert" data-testid="synonym-error">{{ message }}</p>
    }

    @if (editing() !== null) {
      <section class="panel editor" data-testid="synonym-editor">
        <h2>{{ (editing() === 'new' ? 'synonyms.add' : 'synonyms.edit') | t }}</h2>
        <form [formGroup]="form" (ngSubmit)="save()">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ 'synonyms.relation' | t }}</mat-label>
            <mat-select formControlName="relation" data-testid="synonym-relation">
              <mat-option value="EQUIVALENT">{{ 'synonyms.relation.EQUIVALENT' | t }}</mat-option>
              <mat-option value="NARROWER">{{ 'synonyms.relation.NARROWER' | t }}</mat-option>
            </mat-select>
          </mat-form-field>
          <div class="terms" formArrayName="terms">
            @for (control of form.controls.terms.controls; track control; let i = $index) {
              <mat-form-field>
                <mat-label>{{ 'synonyms.term' | t: { n: i + 1 } }}</mat-label>
                <input matInput [formControlName]="i" data-testid="synonym-term" maxlength="30" />
                @if (i === 0) {
                  <mat-hint>{{ (form.controls.relation.value === 'NARROWER' ? 'synonyms.broader' : 'synonyms.canonical') | t }}</mat-hint>
                }
                <mat-error data-testid="synonym-term-error">{{ control | fieldError }}</mat-error>
                @if (form.controls.terms.length > 2) {
                  <button mat-icon-button matSuffix type="button" [attr.aria-label]="'synonyms.removeTerm' | t" (click)="removeTerm(i)">
                    <mat-icon>close</mat-icon>
                  </button>
                }
              </mat-form-field>
            }
          </div>
          <div class="actions">
            <button mat-button type="button" data-testid="synonym-add-term" [disabled]="form.controls.terms.length >= maxTerms" (click)="addTerm()">
              <mat-icon>add</mat-icon> {{ 'synonyms.addTerm' | t }}
            </button>
            <span class="spacer"></span>
            <button mat-button type="button" (click)="editing.set(null)">{{ 'common.cancel' | t }}</button>
            <button mat-flat-button type="submit" data-testid="synonym-save" [disabled]="busy()">{{ 'synonyms.save' | t }}</button>
          </div>
        </form>
      </section>
    }

    <div class="filters">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>{{ 'synonyms.search' | t }}</mat-label>
        <mat-icon matPrefix>search</mat-icon>
        <input matInput data-testid="synonym-search" [ngModel]="q()" (ngModelChange)="q.set($event)" />
      </mat-form-field>
      <span class="lead" data-testid="synonym-count">{{ 'synonyms.count' | t: { count: shown().length } }}</span>
    </div>
    <ul class="groups" data-testid="synonym-groups">
      @for (g of shown(); track g.id) {
        <li data-testid="synonym-group" [attr.data-canonical]="g.terms[0]" [attr.data-relation]="g.relation">
          <span class="chips">
            @for (term of g.terms; track term; let first = $first) {
              <span class="chip" [class.canonical]="first" [attr.title]="first ? ((g.relation === 'NARROWER' ? 'synonyms.broader' : 'synonyms.canonical') | t) : null">{{ term }}</span>
              @if (first && g.relation === 'NARROWER') {
                <span class="narrower" [attr.aria-label]="'synonyms.relation.NARROWER' | t">⊃</span>
              }
            }
          </span>
          <span class="group-actions">
            <button mat-button type="button" data-testid="synonym-edit" (click)="startEdit(g)">{{ 'synonyms.edit' | t }}</button>
            @if (confirming() === g.id) {
              <button mat-flat-button type="button" class="danger" data-testid="synonym-delete-confirm" [disabled]="busy()" (click)="remove(g)">
                {{ 'synonyms.deleteConfirm' | t }}
              </button>
            } @else {
              <button mat-button type="button" data-testid="synonym-delete" (click)="confirming.set(g.id)">{{ 'synonyms.delete' | t }}</button>
            }
          </span>
        </li>
      } @empty {
        @if (groups.hasValue()) {
          <li class="empty">{{ 'synonyms.empty' | t }}</li>
        }
      }
    </ul>
  `,
  styleUrl: './admin-page.scss',
  styles: `
    .terms {
      display: flex;
      flex-wrap: wrap;
      gap: 0 12px;
    }
    .terms mat-form-field {
      width: 200px;
    }
    .actions {
      display: flex;
      gap: 8px;
      align-items: center;
    }
    .spacer {
      flex: 1;
    }
    .groups {
      list-style: none;
      margin: 8px 0 0;
      padding: 0;
      display: grid;
      gap: 6px;
    }
    .groups li {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      padding: 6px 12px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .chips {
      display: flex;
      flex-wrap: wrap;
      gap: 6px;
    }
    .chip {
      padding: 2px 10px;
      border-radius: 8px;
      background: var(--mat-sys-surface-container-high);
    }
    .chip.canonical {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
      font-weight: 500;
    }
    .group-actions {
      margin-left: auto;
      display: flex;
      gap: 4px;
    }
    .danger {
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
    }
    .groups .empty {
      justify-content: center;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class SynonymsPageComponent {
  private readonly api = inject(TaxonomyAdminApiService);
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly maxTerms = MAX_TERMS;
  protected readonly groups = this.api.synonymsResource();
  protected readonly q = signal('');
  /** Groups with a term containing the search (full-width and case folded, as search folds them). */
  protected readonly shown = computed(() => {
    const all = this.groups.hasValue() ? (this.groups.value()?.groups ?? []) : [];
    const q = this.q().trim().normalize('NFKC').toLowerCase();
    return q ? all.filter((g) => g.terms.some((t) => t.normalize('NFKC').toLowerCase().includes(q))) : all;
  });
  /** 'new', the id of the group being edited, or null. */
  protected readonly editing = signal<string | null>(null);
  private editingVersion = 0;
  protected readonly confirming = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly form = new FormGroup({
    relation: new FormControl<SynonymRelation>(SynonymRelation.EQUIVALENT, { nonNullable: true }),
    terms: new FormArray<FormControl<string>>([]),
  });

  protected startAdd(): void {
    this.open('new', ['', ''], 0, SynonymRelation.EQUIVALENT);
  }

  protected startEdit(group: SynonymGroup): void {
    this.open(group.id, group.terms, group.version, group.relation);
  }

  protected addTerm(): void {
    if (this.form.controls.terms.length < MAX_TERMS) this.form.controls.terms.push(termControl());
  }

  protected removeTerm(index: number): void {
    this.form.controls.terms.removeAt(index);
  }

  protected save(): void {
    const editing = this.editing();
    if (editing === null) return;
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const terms = this.form.controls.terms.getRawValue().map((t) => t.trim());
    const relation = this.form.controls.relation.value;
    const call = editing === 'new' ? this.api.createSynonymGroup(terms, relation) : this.api.updateSynonymGroup(editing, terms, this.editingVersion, relation);
    this.run(call, () => {
      this.editing.set(null);
      return this.i18n.t('synonyms.saved');
    });
  }

  protected remove(group: SynonymGroup): void {
    this.run(this.api.deleteSynonymGroup(group.id), () => {
      if (this.editing() === group.id) this.editing.set(null);
      return this.i18n.t('synonyms.deleted');
    });
  }

  private open(id: string, terms: readonly string[], version: number, relation: SynonymRelation): void {
    this.error.set(null);
    this.confirming.set(null);
    this.editingVersion = version;
    this.form.controls.relation.setValue(relation);
    this.form.setControl('terms', new FormArray(terms.map((t) => termControl(t))));
    this.editing.set(id);
  }

  private run(call: Observable<unknown>, done: () => string): void {
    this.busy.set(true);
    this.error.set(null);
    call.subscribe({
      next: () => {
        this.busy.set(false);
        this.confirming.set(null);
        this.snackBar.open(done(), undefined, { duration: 3000 });
        this.groups.reload();
      },
      error: (failure: unknown) => {
        this.busy.set(false);
        const api = toApiError(failure);
        // `terms.1` lands on the second input; whatever no input takes (stale version …) shows above.
        const rest = this.editing() !== null ? applyFieldErrors(this.form, api.errors) : api.errors;
        const unplaced = rest.length > 0 || api.errors.length === 0;
        this.error.set(unplaced ? [api.message, ...rest.map((e) => e.message)].filter(Boolean).join(' ') || this.i18n.t('common.loadError') : null);
      },
    });
  }
}
