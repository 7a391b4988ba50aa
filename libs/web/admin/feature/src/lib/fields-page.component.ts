import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import { applyFieldErrors, FieldErrorPipe, toApiError } from '@xkx/web/forms';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';
import { TaxonomyAdminApiService } from '@xkx/web/listings/data-access';
import { Observable } from 'rxjs';
import { FieldNode } from '@xkx/contracts';

/** What the editor panel is doing: adding under a parent (null: a top-level field), or editing one field. */
type Editing = { mode: 'add'; parent: FieldNode | null } | { mode: 'edit'; node: FieldNode };

const CODE_PATTERN = /^[A-Z]{2,4}(\.[A-Z0-9]{1,8})*$/;

/** Children shown inactive ones included or not, in the API's order (sort, then code). */
function visible(nodes: readonly FieldNode[], showInactive: boolean): FieldNode[] {
  return nodes.filter((n) => showInactive || n.active).map((n) => ({ ...n, children: visible(n.children, showInactive) }));
}

/**
 * /manage/fields (administrators): the technology-field tree. Add a top-level field or a child, rename
 * (zh/en), change the order number, deactivate or reactivate. The API checks codes, names and the parent,
 * and deactivating a field takes its descendants along; its field errors land on the form's fields.
 */
@Component({
  selector: 'xkx-fields-page',
  imports: [
    NgTemplateOutlet,
    ReactiveFormsModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatSlideToggleModule,
    FieldErrorPipe,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="head">
      <h1>{{ 'fields.title' | t }}</h1>
      <div class="head-actions">
        <mat-slide-toggle data-testid="fields-show-inactive" [checked]="showInactive()" (change)="showInactive.set($event.checked)">
          {{ 'fields.showInactive' | t }}
        </mat-slide-toggle>
        <button mat-flat-button type="button" data-testid="field-add-root" (click)="startAdd(null)">
          <mat-icon>add</mat-icon> {{ 'fields.addRoot' | t }}
        </button>
      </div>
    </div>
    <p class="lead">{{ 'fields.lead' | t }}</p>
    @if (tree.isLoading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (tree.error()) {
      <p class="alert" role="alert">{{ 'common.loadError' | t }}</p>
    }
    @if (error(); as message) {
      <p class="alert" role="alert" data-testid="field-error">{{ message }}</p>
    }

    @if (editing(); as e) {
      <section class="panel editor" data-testid="field-editor">
        <h2>
          @switch (e.mode) {
            @case ('add') {
              {{ e.parent ? ('fields.newUnder' | t: { parent: e.parent.code + ' ' + e.parent.nameZh }) : ('fields.addRoot' | t) }}
            }
            @case ('edit') {
              {{ e.node.code }} {{ e.node.nameZh }}
            }
          }
        </h2>
        <form [formGroup]="form" (ngSubmit)="save()" class="form">
          @if (e.mode === 'add') {
            <mat-form-field>
              <mat-label>{{ 'fields.code' | t }}</mat-label>
              <input matInput formControlName="code" data-testid="field-code" maxlength="40" />
              <mat-hint>{{ e.parent ? ('fields.codeHint' | t: { parent: e.parent.code }) : ('fields.codeHintRoot' | t) }}</mat-hint>
              <mat-error>{{ form.controls.code | fieldError }}</mat-error>
            </mat-form-field>
          }
          <mat-form-field>
            <mat-label>{{ 'fields.nameZh' | t }}</mat-label>
            <input matInput formControlName="nameZh" data-testid="field-name-zh" maxlength="100" />
            <mat-error>{{ form.controls.nameZh | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'fields.nameEn' | t }}</mat-label>
            <input matInput formControlName="nameEn" data-testid="field-name-en" maxlength="200" />
            <mat-error>{{ form.controls.nameEn | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field class="sort">
            <mat-label>{{ 'fields.sort' | t }}</mat-label>
            <input matInput type="number" min="0" step="1" formControlName="sort" data-testid="field-sort" />
            <mat-error>{{ form.controls.sort | fieldError }}</mat-error>
          </mat-form-field>
          <div class="actions">
            <button mat-button type="button" (click)="editing.set(null)">{{ 'common.cancel' | t }}</button>
            <button mat-flat-button type="submit" data-testid="field-save" [disabled]="busy()">{{ 'fields.save' | t }}</button>
          </div>
        </form>
      </section>
    }

    <ng-template #branch let-nodes>
      <ul class="tree" role="group">
        @for (n of nodes; track n.code) {
          <li role="treeitem" [attr.aria-expanded]="n.children.length ? true : null">
            <div class="node" data-testid="field-node" [attr.data-code]="n.code" [class.inactive]="!n.active">
              <span class="code">{{ n.code }}</span>
              <span class="zh">{{ n.nameZh }}</span>
              <span class="en">{{ n.nameEn }}</span>
              <span class="sort-no" [attr.title]="'fields.sort' | t">#{{ n.sort }}</span>
              @if (!n.active) {
                <span class="badge">{{ 'fields.inactive' | t }}</span>
              }
              <span class="node-actions">
                <button mat-icon-button type="button" data-testid="field-edit" [attr.aria-label]="('fields.edit' | t) + ' ' + n.code" (click)="startEdit(n)">
                  <mat-icon>edit</mat-icon>
                </button>
                @if (n.active) {
                  <button mat-icon-button type="button" data-testid="field-add-child" [attr.aria-label]="('fields.addChild' | t) + ' ' + n.code" (click)="startAdd(n)">
                    <mat-icon>add</mat-icon>
                  </button>
                  <button mat-button type="button" data-testid="field-deactivate" [disabled]="busy()" (click)="setActive(n, false)">{{ 'fields.deactivate' | t }}</button>
                } @else {
                  <button mat-button type="button" data-testid="field-activate" [disabled]="busy()" (click)="setActive(n, true)">{{ 'fields.activate' | t }}</button>
                }
              </span>
            </div>
            @if (n.children.length) {
              <ng-container [ngTemplateOutlet]="branch" [ngTemplateOutletContext]="{ $implicit: n.children }" />
            }
          </li>
        }
      </ul>
    </ng-template>
    <div role="tree" data-testid="field-tree" [attr.aria-label]="'fields.title' | t">
      <ng-container [ngTemplateOutlet]="branch" [ngTemplateOutletContext]="{ $implicit: shown() }" />
    </div>
  `,
  styleUrl: './admin-page.scss',
  styles: `
    .editor .form {
      display: flex;
      flex-wrap: wrap;
      gap: 0 16px;
      align-items: baseline;
    }
    .editor mat-form-field {
      min-width: 220px;
    }
    .editor .sort {
      min-width: 140px;
      max-width: 180px;
    }
    .actions {
      display: flex;
      gap: 8px;
    }
    .tree {
      list-style: none;
      margin: 0;
      padding-left: 20px;
    }
    [role='tree'] > .tree {
      padding-left: 0;
    }
    .node {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 12px;
      padding: 2px 8px;
      border-radius: 8px;
    }
    .node:hover {
      background: var(--mat-sys-surface-container);
    }
    .node.inactive .zh,
    .node.inactive .en {
      color: var(--mat-sys-on-surface-variant);
      text-decoration: line-through;
    }
    .code {
      font-family: monospace;
      min-width: 90px;
    }
    .en,
    .sort-no {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .badge {
      padding: 0 6px;
      border-radius: 6px;
      background: var(--mat-sys-surface-container-highest);
      font: var(--mat-sys-label-small);
    }
    .node-actions {
      margin-left: auto;
      display: flex;
      align-items: center;
    }
  `,
})
export class FieldsPageComponent {
  private readonly api = inject(TaxonomyAdminApiService);
  private readonly i18n = inject(I18nService);
  private readonly snackBar = inject(MatSnackBar);

  protected readonly tree = this.api.treeResource();
  protected readonly showInactive = signal(false);
  protected readonly shown = computed(() => visible(this.tree.hasValue() ? (this.tree.value() ?? []) : [], this.showInactive()));
  protected readonly editing = signal<Editing | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly form = new FormGroup({
    code: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(CODE_PATTERN)] }),
    nameZh: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(100)] }),
    nameEn: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(200)] }),
    sort: new FormControl(0, { nonNullable: true, validators: [Validators.required, Validators.min(0)] }),
  });

  protected startAdd(parent: FieldNode | null): void {
    this.error.set(null);
    this.form.reset({ code: parent ? `${parent.code}.` : '', nameZh: '', nameEn: '', sort: (parent?.children.length ?? 0) * 10 });
    this.form.controls.code.enable();
    this.editing.set({ mode: 'add', parent });
  }

  protected startEdit(node: FieldNode): void {
    this.error.set(null);
    this.form.reset({ code: node.code, nameZh: node.nameZh, nameEn: node.nameEn, sort: node.sort });
    // The code is the field's identity (and its children's prefix): it is not edited.
    this.form.controls.code.disable();
    this.editing.set({ mode: 'edit', node });
  }

  protected save(): void {
    const editing = this.editing();
    if (!editing) return;
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const { code, nameZh, nameEn, sort } = this.form.getRawValue();
    const call =
      editing.mode === 'add'
        ? this.api.createField({ code: code.trim().toUpperCase(), nameZh, nameEn, sort })
        : this.api.updateField(editing.node.code, { version: editing.node.version, nameZh, nameEn, sort });
    this.run(call, (saved) => {
      this.editing.set(null);
      return this.i18n.t(editing.mode === 'add' ? 'fields.created' : 'fields.saved', { code: saved.code });
    });
  }

  protected setActive(node: FieldNode, active: boolean): void {
    this.editing.set(null);
    this.run(this.api.updateField(node.code, { version: node.version, active }), (saved) => this.i18n.t('fields.saved', { code: saved.code }));
  }

  private run(call: Observable<FieldNode>, done: (saved: FieldNode) => string): void {
    this.busy.set(true);
    this.error.set(null);
    call.subscribe({
      next: (saved) => {
        this.busy.set(false);
        this.snackBar.open(done(saved), undefined, { duration: 3000 });
        this.tree.reload();
      },
      error: (failure: unknown) => {
        this.busy.set(false);
        const api = toApiError(failure);
        // Field errors go on the form's fields when it is open; the rest (a stale version …) above the tree.
        const rest = this.editing() ? applyFieldErrors(this.form, api.errors) : api.errors;
        this.error.set(rest.length || !api.errors.length ? [api.message, ...rest.map((e) => e.message)].filter(Boolean).join(' ') || this.i18n.t('common.loadError') : null);
        this.tree.reload();
      },
    });
  }
}
