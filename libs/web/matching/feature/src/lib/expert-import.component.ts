import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ExpertImportResult, SheetRowError } from '@xkx/contracts';
import { toApiError } from '@xkx/web/forms';
import { TranslatePipe } from '@xkx/web/i18n';
import { PeopleApiService } from '@xkx/web/matching/data-access';

/**
 * A broker's Excel import of expert profiles on /experts (issue 16): the template, the filled-in file, then
 * either what was stored or every refused cell by row and column (the API stores all rows or none).
 */
@Component({
  selector: 'xkx-expert-import',
  imports: [MatButtonModule, MatProgressBarModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="import" data-testid="expert-import" [attr.aria-label]="'people.importTitle' | t">
      <h2>{{ 'people.importTitle' | t }}</h2>
      <p>{{ 'people.importLead' | t }}</p>
      <div class="actions">
        <button mat-stroked-button type="button" data-testid="expert-import-template" (click)="template()">{{ 'import.template' | t }}</button>
        <button mat-flat-button type="button" [disabled]="busy()" (click)="picker.click()">{{ 'people.importUpload' | t }}</button>
        <input #picker type="file" hidden accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-testid="expert-import-file" (change)="upload(picker)" />
      </div>
      @if (busy()) {
        <mat-progress-bar mode="indeterminate" />
      }
      @if (result(); as r) {
        <p class="done" role="status" data-testid="expert-import-result">
          {{ 'people.importDone' | t: { created: r.created.length, updated: r.updated.length, unchanged: r.unchanged.length } }}
        </p>
      }
      @if (rowErrors().length) {
        <p class="refused" role="alert">{{ 'people.importRefused' | t: { n: rowErrors().length } }}</p>
        <table data-testid="expert-import-errors">
          <thead>
            <tr><th>{{ 'import.row' | t }}</th><th>{{ 'import.column' | t }}</th><th>{{ 'import.message' | t }}</th></tr>
          </thead>
          <tbody>
            @for (e of rowErrors(); track $index) {
              <tr><td>{{ e.row }}</td><td>{{ e.column }}</td><td>{{ e.message }}</td></tr>
            }
          </tbody>
        </table>
      } @else if (failure()) {
        <p class="refused" role="alert" data-testid="expert-import-failure">{{ failure() }}</p>
      }
    </section>
  `,
  styles: `
    .import { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 12px 16px; margin: 12px 0; }
    h2 { font: var(--mat-sys-title-medium); margin: 0 0 4px; }
    .actions { display: flex; gap: 12px; flex-wrap: wrap; margin: 8px 0; }
    .refused { color: var(--mat-sys-error); }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--mat-sys-outline-variant); }
  `,
})
export class ExpertImportComponent {
  private readonly api = inject(PeopleApiService);
  /** Rows were stored: the directory reloads. */
  readonly imported = output<ExpertImportResult>();
  protected readonly busy = signal(false);
  protected readonly result = signal<ExpertImportResult | null>(null);
  protected readonly rowErrors = signal<SheetRowError[]>([]);
  protected readonly failure = signal<string | null>(null);

  protected template(): void {
    this.api.downloadExpertTemplate().subscribe({ error: (e: unknown) => this.failure.set(toApiError(e).message ?? String(e)) });
  }

  protected upload(input: HTMLInputElement): void {
    const file = input.files?.[0];
    // The same file chosen again after a fix still fires change.
    input.value = '';
    if (!file) return;
    this.busy.set(true);
    this.result.set(null);
    this.rowErrors.set([]);
    this.failure.set(null);
    this.api.importExperts(file).subscribe({
      next: (result) => {
        this.busy.set(false);
        this.result.set(result);
        this.imported.emit(result);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const rows = error instanceof HttpErrorResponse ? (error.error as { rowErrors?: SheetRowError[] } | null)?.rowErrors : undefined;
        if (rows?.length) this.rowErrors.set(rows);
        else this.failure.set(toApiError(error).message ?? String(error));
      },
    });
  }
}
