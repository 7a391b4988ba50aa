import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { DealDetail, Objection, OBJECTION_DECISION_LABELS, ObjectionDecision, Permission } from '@xkx/contracts';
import { AuthSession } from '@xkx/web/auth/data-access';
import { PublicNoticesApiService } from '@xkx/web/deals/data-access';
import { applyFieldErrors, FieldErrorPipe, toApiError } from '@xkx/web/forms';
import { I18nService, LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';

type AnswerForm = FormGroup<{ decision: FormControl<ObjectionDecision | null>; answer: FormControl<string> }>;

/**
 * Brokers: the objections filed against the deal's current notice, with the objector's contact, and an
 * answer form for each one still open. The notice is not over until every objection is answered; an
 * upheld one sends the deal back to negotiation (the page reloads the deal).
 */
@Component({
  selector: 'xkx-deal-objections',
  imports: [DatePipe, ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatRadioModule, FieldErrorPipe, LocalizedPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (visible()) {
      <section data-testid="deal-objections">
        <h2>{{ 'objection.panelTitle' | t }}</h2>
        @if (error(); as e) {
          <p class="alert" role="alert" data-testid="objection-answer-error">{{ e }}</p>
        }
        @let list = (objections.hasValue() ? objections.value() : undefined) ?? [];
        @if (openCount(); as n) {
          <p class="hint" data-testid="objections-open">{{ 'objection.open' | t: { n } }}</p>
        } @else if (list.length) {
          <p class="ok" data-testid="objections-answered">{{ 'objection.allAnswered' | t }}</p>
        }
        <ul class="objections">
          @for (o of list; track o.id) {
            <li data-testid="objection" [attr.data-id]="o.id" [attr.data-decision]="o.decision ?? 'OPEN'">
              <div class="line">
                <strong>{{ o.name }}</strong>
                <span class="muted">{{ 'objection.contact' | t }}：<span data-testid="objection-contact-shown">{{ o.contact }}</span></span>
                <span class="muted">{{ o.createdAt | date: 'yyyy-MM-dd HH:mm' }}</span>
              </div>
              <p class="body">{{ o.body }}</p>
              @if (o.decision) {
                <p class="answer">
                  <span class="status">{{ decisionLabels[o.decision] | localized }}</span>
                  {{ o.answer }}
                  <span class="muted"
                    >{{ 'objection.answeredBy' | t: { name: o.answeredByName ?? '', at: (o.answeredAt | date: 'yyyy-MM-dd HH:mm') ?? '' } }}</span
                  >
                </p>
              } @else {
                @let f = formFor(o.id);
                <form [formGroup]="f" (ngSubmit)="answer(o)" novalidate data-testid="objection-answer-form">
                  <mat-radio-group formControlName="decision" [attr.aria-label]="'objection.decision' | t">
                    @for (d of decisions; track d) {
                      <mat-radio-button [value]="d" [attr.data-decision]="d">{{ decisionLabels[d] | localized }}</mat-radio-button>
                    }
                  </mat-radio-group>
                  @if (f.controls.decision.touched && f.controls.decision.invalid) {
                    <p class="field-error" data-testid="objection-decision-error">{{ 'objection.chooseDecision' | t }}</p>
                  }
                  @if (f.controls.decision.value === 'UPHELD') {
                    <p class="hint">{{ 'objection.upheldHint' | t }}</p>
                  }
                  <mat-form-field>
                    <mat-label>{{ 'objection.answer' | t }}</mat-label>
                    <textarea matInput rows="3" formControlName="answer" maxlength="5000" data-testid="objection-answer-text"></textarea>
                    <mat-error>{{ f.controls.answer | fieldError }}</mat-error>
                  </mat-form-field>
                  <div>
                    <button mat-flat-button type="submit" [disabled]="busy()" data-testid="objection-answer-send">
                      {{ 'objection.send' | t }}
                    </button>
                  </div>
                </form>
              }
            </li>
          } @empty {
            <li class="muted">{{ 'objection.none' | t }}</li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    h2 {
      margin: 16px 0 8px;
      font: var(--mat-sys-title-medium);
    }
    .objections {
      list-style: none;
      margin: 0 0 12px;
      padding: 0;
      display: grid;
      gap: 8px;
    }
    .objections > li[data-testid] {
      padding: 8px 12px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .line {
      display: flex;
      gap: 8px 16px;
      align-items: center;
      flex-wrap: wrap;
    }
    .body {
      margin: 4px 0;
      white-space: pre-wrap;
    }
    form {
      display: grid;
      gap: 4px;
      max-width: 640px;
    }
    mat-radio-group {
      display: flex;
      gap: 16px;
    }
    .status {
      padding: 0 8px;
      border-radius: 6px;
      background: var(--mat-sys-secondary-container);
      font: var(--mat-sys-label-small);
    }
    .muted,
    .hint {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .field-error {
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-small);
      margin: 0;
    }
    .alert {
      padding: 8px 16px;
      border-radius: 12px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class DealObjectionsComponent {
  private readonly api = inject(PublicNoticesApiService);
  private readonly i18n = inject(I18nService);
  private readonly session = inject(AuthSession);

  readonly deal = input.required<DealDetail>();
  /** An objection was answered (an upheld one moved the deal back to negotiation). */
  readonly changed = output<void>();

  protected readonly visible = computed(() => this.session.can(Permission.DEAL_MANAGE) && !!this.deal().publicNotice);
  protected readonly objections = this.api.objectionsResource(() => (this.visible() ? this.deal().publicNotice?.id : undefined));
  protected readonly openCount = computed(() => ((this.objections.hasValue() ? this.objections.value() : undefined) ?? []).filter((o) => !o.decision).length);
  protected readonly decisions = Object.keys(OBJECTION_DECISION_LABELS) as ObjectionDecision[];
  protected readonly decisionLabels = OBJECTION_DECISION_LABELS;
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  private readonly forms = new Map<string, AnswerForm>();

  protected formFor(id: string): AnswerForm {
    let f = this.forms.get(id);
    if (!f) {
      f = new FormGroup({
        decision: new FormControl<ObjectionDecision | null>(null, { validators: [Validators.required] }),
        answer: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.minLength(2), Validators.maxLength(5000)] }),
      });
      this.forms.set(id, f);
    }
    return f;
  }

  protected answer(o: Objection): void {
    const f = this.formFor(o.id);
    const { decision, answer } = f.getRawValue();
    if (f.invalid || !decision) {
      f.markAllAsTouched();
      return;
    }
    const notice = this.deal().publicNotice;
    if (!notice) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.answer(notice.id, o.id, { decision, answer: answer.trim() }).subscribe({
      next: () => {
        this.busy.set(false);
        this.forms.delete(o.id);
        this.objections.reload();
        this.changed.emit();
      },
      error: (err: unknown) => {
        this.busy.set(false);
        const e = toApiError(err);
        const rest = applyFieldErrors(f, e.errors);
        this.error.set(rest.length ? rest.map((x) => x.message).join('；') : e.errors.length ? null : (e.message ?? this.i18n.t('common.loadError')));
      },
    });
  }
}
