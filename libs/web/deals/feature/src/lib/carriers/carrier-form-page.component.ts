import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, OnInit, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { Router, RouterLink } from '@angular/router';
import { API_PREFIX, CARRIER_KIND_LABELS, CarrierBody, CarrierDetail, CarrierKind, UpdateCarrierBody } from '@xkx/contracts';
import { fenToYuanInput } from '@xkx/web/deals/util';
import { AmountEchoComponent, amountValidator, applyFieldErrors, FieldErrorPipe, fenOf, toApiError } from '@xkx/web/forms';
import { I18nService, LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';
import { FieldsApiService } from '@xkx/web/listings/data-access';

/** The API's names of the rent fields, as this form's controls (元 typed, fen sent). */
const ALIASES: Record<string, string> = { priceMinFenPerM2Month: 'priceMin', priceMaxFenPerM2Month: 'priceMax' };

/** A number input's value (Angular gives a number, or null when empty). */
const whole = (value: number | string | null): number | undefined => (value === null || value === '' ? undefined : Number(value));

/**
 * /carriers/new and /carriers/:id/edit (carrier:manage — brokers, admins): a 科创载体 with its areas (m²), rent
 * range (元 per m² per month, stored as integer fen), suited fields from the field tree and contact. The API
 * checks every field; its words (zh/en) land on the field they are about.
 */
@Component({
  selector: 'xkx-carrier-form-page',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule, AmountEchoComponent, FieldErrorPipe, LocalizedPipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="page">
      <h1>{{ (id() ? 'carrier.edit' : 'carrier.new') | t }}</h1>
      <form [formGroup]="form" (ngSubmit)="save()" novalidate class="form" data-testid="carrier-form">
        <div class="row">
          <mat-form-field class="wide">
            <mat-label>{{ 'carrier.nameZh' | t }}</mat-label>
            <input matInput formControlName="nameZh" data-testid="c-name" />
            <mat-error>{{ form.controls.nameZh | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'carrier.kind' | t }}</mat-label>
            <mat-select formControlName="kind" data-testid="c-kind">
              @for (k of kinds; track k) {
                <mat-option [value]="k" [attr.data-kind]="k">{{ labels[k] | localized }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
        </div>
        <mat-form-field>
          <mat-label>{{ 'carrier.nameEn' | t }}</mat-label>
          <input matInput formControlName="nameEn" />
          <mat-error>{{ form.controls.nameEn | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'carrier.address' | t }}</mat-label>
          <input matInput formControlName="address" data-testid="c-address" />
          <mat-error>{{ form.controls.address | fieldError }}</mat-error>
        </mat-form-field>
        <div class="row">
          <mat-form-field>
            <mat-label>{{ 'carrier.totalArea' | t }}</mat-label>
            <input matInput type="number" min="1" formControlName="totalAreaM2" data-testid="c-total" />
            <span matTextSuffix>㎡</span>
            <mat-error data-testid="c-total-error">{{ form.controls.totalAreaM2 | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'carrier.availableArea' | t }}</mat-label>
            <input matInput type="number" min="0" formControlName="availableAreaM2" data-testid="c-available" />
            <span matTextSuffix>㎡</span>
            <mat-error data-testid="c-available-error">{{ form.controls.availableAreaM2 | fieldError }}</mat-error>
          </mat-form-field>
        </div>
        <div class="row">
          <mat-form-field>
            <mat-label>{{ 'carrier.priceMin' | t }}</mat-label>
            <input matInput formControlName="priceMin" inputmode="decimal" data-testid="c-price-min" />
            <mat-hint><xkx-amount-echo [value]="form.controls.priceMin.value" /></mat-hint>
            <mat-error data-testid="c-price-min-error">{{ form.controls.priceMin | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'carrier.priceMax' | t }}</mat-label>
            <input matInput formControlName="priceMax" inputmode="decimal" data-testid="c-price-max" />
            <mat-hint><xkx-amount-echo [value]="form.controls.priceMax.value" /></mat-hint>
            <mat-error>{{ form.controls.priceMax | fieldError }}</mat-error>
          </mat-form-field>
        </div>
        <mat-form-field>
          <mat-label>{{ 'carrier.fields' | t }}</mat-label>
          <mat-select formControlName="fieldCodes" multiple data-testid="c-fields">
            @for (f of fieldOptions(); track f.code) {
              <mat-option [value]="f.code" [style.padding-left.px]="16 + f.depth * 20" [attr.data-code]="f.code">{{ i18n.locale() === 'en' ? f.nameEn : f.nameZh }}</mat-option>
            }
          </mat-select>
          <mat-error>{{ form.controls.fieldCodes | fieldError }}</mat-error>
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ 'carrier.description' | t }}</mat-label>
          <textarea matInput rows="3" formControlName="description"></textarea>
          <mat-error>{{ form.controls.description | fieldError }}</mat-error>
        </mat-form-field>
        <div class="row">
          <mat-form-field>
            <mat-label>{{ 'carrier.contactName' | t }}</mat-label>
            <input matInput formControlName="contactName" data-testid="c-contact" />
            <mat-error>{{ form.controls.contactName | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'carrier.contactPhone' | t }}</mat-label>
            <input matInput formControlName="contactPhone" data-testid="c-phone" />
            <mat-error data-testid="c-phone-error">{{ form.controls.contactPhone | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'carrier.contactEmail' | t }}</mat-label>
            <input matInput formControlName="contactEmail" />
            <mat-error>{{ form.controls.contactEmail | fieldError }}</mat-error>
          </mat-form-field>
        </div>
        @if (id()) {
          <mat-checkbox formControlName="active">{{ 'carrier.active' | t }}</mat-checkbox>
        }
        @for (e of errors(); track $index) {
          <p class="alert" role="alert">{{ e }}</p>
        }
        <div class="buttons">
          <a mat-button [routerLink]="id() ? ['/carriers', id()] : ['/carriers']">{{ 'common.cancel' | t }}</a>
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="c-save">{{ 'common.save' | t }}</button>
        </div>
      </form>
    </section>
  `,
  styles: `
    .page { max-width: 880px; margin: 0 auto; padding: 16px; }
    .form { display: grid; gap: 4px; }
    .row { display: flex; flex-wrap: wrap; gap: 0 12px; align-items: flex-start; }
    .row > mat-form-field { flex: 1 1 180px; }
    .row > .wide { flex: 2 1 280px; }
    .buttons { display: flex; gap: 8px; justify-content: flex-end; }
    .alert { margin: 4px 0; padding: 8px 12px; border-radius: 8px; background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
  `,
})
export class CarrierFormPageComponent implements OnInit {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18nService);
  protected readonly fieldOptions = inject(FieldsApiService).options;

  /** The carrier edited (absent: a new one). */
  readonly id = input<string>();

  protected readonly kinds = Object.values(CarrierKind);
  protected readonly labels = CARRIER_KIND_LABELS;
  protected readonly busy = signal(false);
  protected readonly errors = signal<string[]>([]);
  private version = 0;

  protected readonly form = new FormGroup({
    nameZh: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    nameEn: new FormControl('', { nonNullable: true }),
    kind: new FormControl<CarrierKind>('INCUBATOR', { nonNullable: true }),
    address: new FormControl('', { nonNullable: true }),
    totalAreaM2: new FormControl<number | null>(null),
    availableAreaM2: new FormControl<number | null>(null),
    priceMin: new FormControl('', { nonNullable: true, validators: [amountValidator()] }),
    priceMax: new FormControl('', { nonNullable: true, validators: [amountValidator()] }),
    fieldCodes: new FormControl<string[]>([], { nonNullable: true }),
    description: new FormControl('', { nonNullable: true }),
    contactName: new FormControl('', { nonNullable: true }),
    contactPhone: new FormControl('', { nonNullable: true }),
    contactEmail: new FormControl('', { nonNullable: true }),
    active: new FormControl(true, { nonNullable: true }),
  });

  ngOnInit(): void {
    const id = this.id();
    if (!id) return;
    this.http.get<CarrierDetail>(`/${API_PREFIX}/carriers/${id}`).subscribe((c) => {
      this.version = c.version;
      this.form.patchValue({
        nameZh: c.nameZh, nameEn: c.nameEn ?? '', kind: c.kind, address: c.address, totalAreaM2: c.totalAreaM2, availableAreaM2: c.availableAreaM2,
        priceMin: c.priceMinFenPerM2Month === null ? '' : fenToYuanInput(c.priceMinFenPerM2Month), priceMax: c.priceMaxFenPerM2Month === null ? '' : fenToYuanInput(c.priceMaxFenPerM2Month),
        fieldCodes: c.fieldCodes, description: c.description ?? '', contactName: c.contactName, contactPhone: c.contactPhone, contactEmail: c.contactEmail ?? '', active: c.active,
      });
    });
  }

  private body(): CarrierBody {
    const v = this.form.getRawValue();
    const available = whole(v.availableAreaM2);
    const total = whole(v.totalAreaM2);
    const min = fenOf(v.priceMin);
    const max = fenOf(v.priceMax);
    return {
      nameZh: v.nameZh.trim(), ...(v.nameEn.trim() ? { nameEn: v.nameEn.trim() } : {}), kind: v.kind, address: v.address.trim(),
      ...(total !== undefined ? { totalAreaM2: total } : {}), availableAreaM2: available ?? Number.NaN,
      ...(min !== null ? { priceMinFenPerM2Month: min } : {}), ...(max !== null ? { priceMaxFenPerM2Month: max } : {}),
      fieldCodes: v.fieldCodes, ...(v.description.trim() ? { description: v.description.trim() } : {}),
      contactName: v.contactName.trim(), contactPhone: v.contactPhone.trim(), ...(v.contactEmail.trim() ? { contactEmail: v.contactEmail.trim() } : {}),
    };
  }

  protected save(): void {
    this.errors.set([]);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    const id = this.id();
    const request = id
      ? this.http.patch<CarrierDetail>(`/${API_PREFIX}/carriers/${id}`, { ...this.body(), version: this.version, active: this.form.controls.active.value } satisfies UpdateCarrierBody)
      : this.http.post<CarrierDetail>(`/${API_PREFIX}/carriers`, this.body());
    request.subscribe({
      next: (c) => {
        this.busy.set(false);
        void this.router.navigate(['/carriers', c.id]);
      },
      error: (e: unknown) => {
        this.busy.set(false);
        const api = toApiError(e);
        const unmatched = applyFieldErrors(this.form, api.errors, ALIASES);
        this.errors.set(unmatched.length || !api.errors.length ? [...unmatched.map((f) => `${f.field}：${f.message}`), ...(api.errors.length ? [] : [api.message ?? this.i18n.t('common.loadError')])] : []);
      },
    });
  }
}
