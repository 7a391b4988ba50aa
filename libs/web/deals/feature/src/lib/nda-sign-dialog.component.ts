import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ErrorCode, NdaText } from '@xkx/contracts';
import { DealsApiService } from '@xkx/web/deals/data-access';
import { toApiError } from '@xkx/web/forms';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';

export interface NdaSignDialogData {
  dealId: string;
}

/**
 * Signing the NDA: the current text (scrolling inside the dialog), its version and hash, an explicit
 * "I have read and agree", then the signature naming the version and hash shown. If the text changed
 * while the party read (409 NDA_VERSION_OUTDATED) the new text is loaded and the box unticked.
 * Closes with `true` once signed.
 */
@Component({
  selector: 'xkx-nda-sign-dialog',
  imports: [DatePipe, MatButtonModule, MatCheckboxModule, MatDialogModule, MatProgressBarModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'nda.dialogTitle' | t }}</h2>
    <mat-dialog-content class="content" data-testid="nda-dialog">
      @if (text.isLoading()) {
        <mat-progress-bar mode="indeterminate" />
      }
      @if (text.error()) {
        <p class="alert" role="alert">{{ 'common.loadError' | t }}</p>
        <button mat-button type="button" (click)="text.reload()">{{ 'nda.retry' | t }}</button>
      } @else if (text.hasValue()) {
        @let nda = text.value();
        <p class="meta" data-testid="nda-meta">
          <strong>{{ nda.title }}</strong> · {{ 'nda.version' | t: { version: nda.version } }} ·
          {{ nda.createdAt | date: 'yyyy-MM-dd' : '+0800' }} ·
          <span class="hash" [title]="nda.textHash">{{ 'nda.hashShort' | t: { hash: nda.textHash.slice(0, 12) } }}</span>
        </p>
        <div class="nda-body" data-testid="nda-text" tabindex="0">{{ nda.body }}</div>
        <p class="hint">{{ 'nda.scrollHint' | t }}</p>
        <mat-checkbox [checked]="confirmed()" (change)="confirmed.set($event.checked)" data-testid="nda-confirm">
          {{ 'nda.confirm' | t }}
        </mat-checkbox>
      }
      @if (error(); as message) {
        <p class="alert" role="alert" data-testid="nda-error">{{ message }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close data-testid="nda-cancel">{{ 'common.cancel' | t }}</button>
      <button
        mat-flat-button
        type="button"
        data-testid="nda-sign"
        [disabled]="!confirmed() || signing() || !text.hasValue()"
        (click)="sign()"
      >
        {{ (signing() ? 'nda.signing' : 'nda.sign') | t }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .content { display: flex; flex-direction: column; gap: 8px; }
    .meta { margin: 0; color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); }
    .hash { word-break: break-all; }
    .nda-body {
      white-space: pre-wrap;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      padding: 12px 16px;
      max-height: 45vh;
      overflow: auto;
      font: var(--mat-sys-body-medium);
    }
    .hint { margin: 0; color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); }
    .alert {
      margin: 0;
      padding: 8px 12px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class NdaSignDialogComponent {
  private readonly api = inject(DealsApiService);
  private readonly i18n = inject(I18nService);
  private readonly ref = inject<MatDialogRef<NdaSignDialogComponent, boolean>>(MatDialogRef);
  private readonly data = inject<NdaSignDialogData>(MAT_DIALOG_DATA);

  /** The text in force, loaded as the dialog opens. */
  protected readonly text = this.api.ndaTextResource(() => true);
  protected readonly confirmed = signal(false);
  protected readonly signing = signal(false);
  protected readonly error = signal<string | null>(null);

  protected sign(): void {
    if (!this.text.hasValue() || !this.confirmed()) return;
    const shown: NdaText = this.text.value();
    this.signing.set(true);
    this.error.set(null);
    this.api.acceptNda(this.data.dealId, shown).subscribe({
      next: () => this.ref.close(true),
      error: (e: unknown) => {
        this.signing.set(false);
        const apiError = toApiError(e);
        if (apiError.code === ErrorCode.NDA_VERSION_OUTDATED) {
          // Another text is in force now: show it and ask again.
          this.confirmed.set(false);
          this.error.set(this.i18n.t('nda.textChanged'));
          this.text.reload();
        } else {
          this.error.set(apiError.message ?? this.i18n.t('common.loadError'));
        }
      },
    });
  }
}
