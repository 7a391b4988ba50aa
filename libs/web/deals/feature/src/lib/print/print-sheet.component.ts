import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, ViewEncapsulation } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe } from '@xkx/web/i18n';

/**
 * The frame of every printable document: letterhead, title, reference and print time, the print
 * button (hidden on paper), and the A4 print stylesheet. The document's own tables and blocks use the
 * `.doc-*` classes defined here; encapsulation is off so projected content gets them.
 */
@Component({
  selector: 'xkx-print-sheet',
  imports: [DatePipe, MatButtonModule, MatIconModule, MatProgressBarModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  template: `
    <div class="print-tools no-print">
      <button mat-flat-button type="button" data-testid="print-button" (click)="print()">
        <mat-icon>print</mat-icon> {{ 'print.print' | t }}
      </button>
      <span class="muted">{{ 'print.hint' | t }}</span>
    </div>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" class="no-print" />
    } @else if (failed()) {
      <p class="doc-error" role="alert">{{ 'common.loadError' | t }}</p>
    } @else {
      <article class="xkx-print" data-testid="print-document" [attr.data-kind]="kind()">
        <header class="doc-head">
          <div class="doc-issuer">{{ 'print.issuer' | t }}</div>
          <h1>{{ heading() }}</h1>
          <div class="doc-ref">
            <span data-testid="print-reference">{{ reference() }}</span>
            <span>{{ 'print.printedAt' | t }} {{ printedAt | date: 'yyyy-MM-dd HH:mm' }}</span>
          </div>
        </header>
        <ng-content />
        <div class="doc-foot">{{ 'print.footer' | t }}</div>
      </article>
    }
  `,
  styles: `
    .print-tools {
      display: flex;
      align-items: center;
      gap: 16px;
      max-width: 210mm;
      margin: 16px auto 0;
      padding: 0 16px;
    }
    .xkx-print {
      box-sizing: border-box;
      max-width: 210mm;
      margin: 16px auto 32px;
      padding: 16mm 14mm;
      background: #fff;
      color: #000;
      box-shadow: 0 1px 4px rgb(0 0 0 / 20%);
      font-family: 'Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', SimSun, 'Noto Sans CJK SC', serif;
      font-size: 11pt;
      line-height: 1.6;
    }
    .xkx-print h1 {
      margin: 4px 0 8px;
      font-size: 18pt;
      text-align: center;
      letter-spacing: 0.1em;
    }
    .xkx-print h2 {
      margin: 14px 0 6px;
      font-size: 12.5pt;
      border-left: 3pt solid #000;
      padding-left: 6pt;
      break-after: avoid;
    }
    .doc-issuer {
      text-align: center;
      font-size: 10pt;
    }
    .doc-ref {
      display: flex;
      justify-content: space-between;
      font-size: 9pt;
      border-bottom: 1pt solid #000;
      padding-bottom: 4pt;
      margin-bottom: 8pt;
    }
    .xkx-print table {
      width: 100%;
      border-collapse: collapse;
      margin: 4pt 0;
    }
    .xkx-print th,
    .xkx-print td {
      border: 0.75pt solid #444;
      padding: 3pt 5pt;
      text-align: left;
      vertical-align: top;
    }
    .xkx-print th {
      background: #f1f1f1;
      font-weight: 600;
      white-space: nowrap;
    }
    .xkx-print tr {
      break-inside: avoid;
    }
    .xkx-print thead {
      display: table-header-group;
    }
    .xkx-print .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .xkx-print .total th,
    .xkx-print .total td {
      font-weight: 700;
    }
    .xkx-print .doc-text {
      white-space: pre-wrap;
      text-align: justify;
    }
    .xkx-print .doc-signatures {
      display: grid;
      grid-template-columns: repeat(3, 1fr);
      gap: 12pt;
      margin-top: 24pt;
      break-inside: avoid;
    }
    .xkx-print .doc-signatures div {
      border-top: 0.75pt solid #000;
      padding-top: 4pt;
      min-height: 40pt;
      font-size: 10pt;
    }
    .xkx-print .doc-page-break {
      break-before: page;
    }
    .doc-foot {
      margin-top: 16pt;
      font-size: 8.5pt;
      color: #444;
      text-align: center;
    }
    .doc-error {
      text-align: center;
      margin: 32px;
    }
    @page {
      size: A4;
      margin: 14mm 12mm;
    }
    /* A phone, on screen: less margin, signatures stacked, and wide tables scroll inside themselves. */
    @media screen and (max-width: 599.98px) {
      .xkx-print {
        margin: 8px;
        padding: 16px 12px;
      }
      .xkx-print table {
        display: block;
        overflow-x: auto;
      }
      .xkx-print th {
        white-space: normal;
      }
      .doc-ref {
        flex-wrap: wrap;
        gap: 4px 12px;
      }
      .xkx-print .doc-signatures {
        grid-template-columns: 1fr;
      }
      .print-tools {
        flex-wrap: wrap;
      }
    }
    @media print {
      body {
        background: #fff !important;
      }
      .no-print,
      xkx-root mat-toolbar,
      xkx-root footer {
        display: none !important;
      }
      .xkx-print {
        max-width: none;
        margin: 0;
        padding: 0;
        box-shadow: none;
      }
    }
  `,
})
export class PrintSheetComponent {
  readonly kind = input.required<string>();
  readonly heading = input.required<string>();
  readonly reference = input<string>('');
  readonly loading = input(false);
  readonly failed = input(false);
  protected readonly printedAt = new Date();

  protected print(): void {
    window.print();
  }
}
