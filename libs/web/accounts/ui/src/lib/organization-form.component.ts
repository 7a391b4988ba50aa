import { ChangeDetectionStrategy, Component, effect, input, output, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { FieldError, ORGANIZATION_KIND_LABELS, OrganizationDetail, OrganizationKind } from '@xkx/contracts';
import { OrganizationFormValue } from '@xkx/web/accounts/util';
import { applyFieldErrors, creditCodeValidator, FieldErrorPipe } from '@xkx/web/forms';
import { LocalizedPipe, TranslatePipe } from '@xkx/web/i18n';

const QIXIA_AREA_CODE = '320113';

/** Create (no `organization`) or edit an organization. The page saves and passes back the API's field errors. */
@Component({
  selector: 'xkx-organization-form',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    FieldErrorPipe,
    LocalizedPipe,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form [formGroup]="form" (ngSubmit)="submit()" class="grid" data-testid="organization-form" novalidate>
      <mat-form-field>
        <mat-label>{{ 'org.nameZh' | t }}</mat-label>
        <input matInput formControlName="nameZh" data-testid="org-nameZh" />
        <mat-error>{{ form.controls.nameZh | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'org.nameEn' | t }}</mat-label>
        <input matInput formControlName="nameEn" />
        <mat-error>{{ form.controls.nameEn | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'org.shortName' | t }}</mat-label>
        <input matInput formControlName="shortName" />
        <mat-error>{{ form.controls.shortName | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'org.kind' | t }}</mat-label>
        <mat-select formControlName="kind" data-testid="org-kind">
          @for (kind of kinds; track kind) {
            <mat-option [value]="kind">{{ kindLabels[kind] | localized }}</mat-option>
          }
        </mat-select>
        <mat-error>{{ form.controls.kind | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'org.areaCode' | t }}</mat-label>
        <input matInput formControlName="areaCode" />
        <mat-hint>{{ 'org.areaCodeHint' | t }}</mat-hint>
        <mat-error>{{ form.controls.areaCode | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field>
        <mat-label>{{ 'org.creditCode' | t }}</mat-label>
        <input matInput formControlName="creditCode" data-testid="org-creditCode" />
        <mat-error>{{ form.controls.creditCode | fieldError }}</mat-error>
      </mat-form-field>
      <mat-form-field class="wide">
        <mat-label>{{ 'org.address' | t }}</mat-label>
        <input matInput formControlName="address" />
        <mat-error>{{ form.controls.address | fieldError }}</mat-error>
      </mat-form-field>
      <div class="flags wide">
        <mat-checkbox formControlName="isHighTech">{{ 'org.isHighTech' | t }}</mat-checkbox>
        <mat-checkbox formControlName="isSpecialized">{{ 'org.isSpecialized' | t }}</mat-checkbox>
        <mat-checkbox formControlName="isKeyMonitored">{{ 'org.isKeyMonitored' | t }}</mat-checkbox>
        @if (organization()) {
          <mat-checkbox formControlName="verified">{{ 'org.verified' | t }}</mat-checkbox>
        }
      </div>
      @if (form.controls.kind.value === 'ENTERPRISE') {
        <!-- 企业培育 (issue 16): certificate numbers and dates the dashboard counts and watches for expiry. -->
        <fieldset class="wide certs" data-testid="org-certificates">
          <legend>{{ 'org.certificates' | t }}</legend>
          <mat-form-field>
            <mat-label>{{ 'org.highTechCertNo' | t }}</mat-label>
            <input matInput formControlName="highTechCertNo" data-testid="org-highTechCertNo" />
            <mat-error>{{ form.controls.highTechCertNo | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'org.issuedOn' | t }}</mat-label>
            <input matInput type="date" formControlName="highTechIssuedOn" data-testid="org-highTechIssuedOn" />
            <mat-error>{{ form.controls.highTechIssuedOn | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'org.expiresOn' | t }}</mat-label>
            <input matInput type="date" formControlName="highTechExpiresOn" data-testid="org-highTechExpiresOn" />
            <mat-error data-testid="org-highTechExpiresOn-error">{{ form.controls.highTechExpiresOn | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'org.specializedCertNo' | t }}</mat-label>
            <input matInput formControlName="specializedCertNo" data-testid="org-specializedCertNo" />
            <mat-error data-testid="org-specializedCertNo-error">{{ form.controls.specializedCertNo | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'org.issuedOn' | t }}</mat-label>
            <input matInput type="date" formControlName="specializedIssuedOn" data-testid="org-specializedIssuedOn" />
            <mat-error>{{ form.controls.specializedIssuedOn | fieldError }}</mat-error>
          </mat-form-field>
          <mat-form-field>
            <mat-label>{{ 'org.expiresOn' | t }}</mat-label>
            <input matInput type="date" formControlName="specializedExpiresOn" data-testid="org-specializedExpiresOn" />
            <mat-error>{{ form.controls.specializedExpiresOn | fieldError }}</mat-error>
          </mat-form-field>
        </fieldset>
      }
      <div class="actions wide">
        <button mat-button type="button" (click)="cancelled.emit()">{{ 'common.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="org-save">{{ 'common.save' | t }}</button>
      </div>
    </form>
  `,
  styles: `
    .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 4px 16px; }
    .wide { grid-column: 1 / -1; }
    .flags { display: flex; flex-wrap: wrap; gap: 8px 24px; }
    .certs { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 4px 16px; margin: 0; padding: 8px 12px 0; border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; }
    legend { padding: 0 4px; font: var(--mat-sys-title-small); }
    .actions { display: flex; justify-content: flex-end; gap: 8px; }
  `,
})
export class OrganizationFormComponent {
  /** The organization being edited, as last read; null creates a new one. */
  readonly organization = input<OrganizationDetail | null>(null);
  /** The kind a new organization starts with (e.g. a tech-transfer center from the invitation panel). */
  readonly initialKind = input<OrganizationKind | null>(null);
  readonly serverErrors = input<readonly FieldError[]>([]);
  readonly busy = input(false);
  readonly save = output<OrganizationFormValue>();
  readonly cancelled = output();

  protected readonly kinds = Object.values(OrganizationKind);
  protected readonly kindLabels = ORGANIZATION_KIND_LABELS;
  protected readonly form = new FormGroup({
    nameZh: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    nameEn: new FormControl('', { nonNullable: true }),
    shortName: new FormControl('', { nonNullable: true }),
    kind: new FormControl<OrganizationKind>(OrganizationKind.ENTERPRISE, { nonNullable: true }),
    areaCode: new FormControl(QIXIA_AREA_CODE, { nonNullable: true, validators: [Validators.required, Validators.pattern(/^\d{6}$/)] }),
    creditCode: new FormControl('', { nonNullable: true, validators: [creditCodeValidator] }),
    address: new FormControl('', { nonNullable: true }),
    isHighTech: new FormControl(false, { nonNullable: true }),
    isSpecialized: new FormControl(false, { nonNullable: true }),
    isKeyMonitored: new FormControl(false, { nonNullable: true }),
    verified: new FormControl(false, { nonNullable: true }),
    highTechCertNo: new FormControl('', { nonNullable: true }),
    highTechIssuedOn: new FormControl('', { nonNullable: true }),
    highTechExpiresOn: new FormControl('', { nonNullable: true }),
    specializedCertNo: new FormControl('', { nonNullable: true }),
    specializedIssuedOn: new FormControl('', { nonNullable: true }),
    specializedExpiresOn: new FormControl('', { nonNullable: true }),
  });

  constructor() {
    // A new (or re-read) organization replaces what the form shows.
    effect(() => {
      const org = this.organization();
      const kind = this.initialKind();
      untracked(() =>
        this.form.reset(
          org
            ? {
                nameZh: org.nameZh,
                nameEn: org.nameEn ?? '',
                shortName: org.shortName ?? '',
                kind: org.kind,
                areaCode: org.areaCode,
                creditCode: org.creditCode ?? '',
                address: org.address ?? '',
                isHighTech: org.isHighTech,
                isSpecialized: org.isSpecialized,
                isKeyMonitored: org.isKeyMonitored,
                verified: org.verified,
                highTechCertNo: org.highTechCertNo ?? '',
                highTechIssuedOn: org.highTechIssuedOn ?? '',
                highTechExpiresOn: org.highTechExpiresOn ?? '',
                specializedCertNo: org.specializedCertNo ?? '',
                specializedIssuedOn: org.specializedIssuedOn ?? '',
                specializedExpiresOn: org.specializedExpiresOn ?? '',
              }
            : kind
              ? { kind }
              : undefined,
        ),
      );
    });
    effect(() => {
      const errors = this.serverErrors();
      untracked(() => applyFieldErrors(this.form, errors));
    });
  }

  protected submit(): void {
    this.form.markAllAsTouched();
    if (this.form.invalid) return;
    const value = this.form.getRawValue();
    // Empty optional texts are left out rather than sent as "" (which the API would validate).
    this.save.emit({
      ...value,
      nameEn: value.nameEn.trim() || undefined,
      shortName: value.shortName.trim() || undefined,
      creditCode: value.creditCode.trim() || undefined,
      address: value.address.trim() || undefined,
      // Certificates: an emptied field clears it (null); the API checks numbers and dates.
      highTechCertNo: value.highTechCertNo.trim() || null,
      highTechIssuedOn: value.highTechIssuedOn || null,
      highTechExpiresOn: value.highTechExpiresOn || null,
      specializedCertNo: value.specializedCertNo.trim() || null,
      specializedIssuedOn: value.specializedIssuedOn || null,
      specializedExpiresOn: value.specializedExpiresOn || null,
    });
  }
}
