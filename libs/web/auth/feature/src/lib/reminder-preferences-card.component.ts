import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { DEFAULT_NOTIFICATION_PREFERENCES, Role } from '@xkx/contracts';
import { AuthSession } from '@xkx/web/auth/data-access';
import { toApiError } from '@xkx/web/forms';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';
import { TodoStore } from '@xkx/web/notifications/data-access';

/** Reminder settings on the profile page (issue 17): the daily digest's mail and hour, the weekly match mail. */
@Component({
  selector: 'xkx-reminder-preferences-card',
  imports: [ReactiveFormsModule, MatButtonModule, MatCardModule, MatCheckboxModule, MatFormFieldModule, MatSelectModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './auth-page.scss',
  styles: `
    .card { margin: 0; max-width: none; }
    .saved { color: var(--mat-sys-primary); }
  `,
  template: `
    <mat-card class="card" appearance="outlined" data-testid="reminder-preferences">
      <mat-card-content>
        <h1>{{ 'prefs.title' | t }}</h1>
        <p class="lead">{{ 'prefs.intro' | t }}</p>
        @if (error(); as message) {
          <p class="alert" role="alert">{{ message }}</p>
        }
        <form [formGroup]="form" (ngSubmit)="save()" novalidate>
          <mat-checkbox formControlName="digestMail" data-testid="prefs-digest-mail">{{ 'prefs.digestMail' | t }}</mat-checkbox>
          <mat-form-field class="full">
            <mat-label>{{ 'prefs.digestHour' | t }}</mat-label>
            <mat-select formControlName="digestHour" data-testid="prefs-digest-hour">
              @for (h of hours; track h) {
                <mat-option [value]="h">{{ 'prefs.hour' | t: { h } }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          @if (partyRole()) {
            <mat-checkbox formControlName="weeklyMatches" data-testid="prefs-weekly-matches">{{ 'prefs.weeklyMatches' | t }}</mat-checkbox>
          }
          <div class="actions">
            <span class="saved" role="status">
              @if (saved()) {
                {{ 'prefs.saved' | t }}
              }
            </span>
            <button mat-flat-button type="submit" [disabled]="busy()" data-testid="prefs-save">{{ 'prefs.save' | t }}</button>
          </div>
        </form>
      </mat-card-content>
    </mat-card>
  `,
})
export class ReminderPreferencesCardComponent {
  private readonly store = inject(TodoStore);
  private readonly session = inject(AuthSession);
  private readonly i18n = inject(I18nService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly hours = Array.from({ length: 24 }, (_, h) => h);
  /** The weekly match mail is for researchers and enterprises. */
  protected readonly partyRole = computed(() => {
    const role = this.session.user()?.role;
    return role === Role.RESEARCHER || role === Role.ENTERPRISE;
  });
  protected readonly busy = signal(true);
  protected readonly saved = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = new FormGroup({
    digestMail: new FormControl(DEFAULT_NOTIFICATION_PREFERENCES.digestMail, { nonNullable: true }),
    digestHour: new FormControl(DEFAULT_NOTIFICATION_PREFERENCES.digestHour, { nonNullable: true }),
    weeklyMatches: new FormControl(DEFAULT_NOTIFICATION_PREFERENCES.weeklyMatches, { nonNullable: true }),
  });

  constructor() {
    this.store
      .preferences()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (prefs) => {
          this.form.setValue(prefs);
          this.busy.set(false);
        },
        error: (e: unknown) => {
          this.error.set(toApiError(e).message ?? this.i18n.t('common.networkError'));
          this.busy.set(false);
        },
      });
  }

  protected save(): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.saved.set(false);
    this.error.set(null);
    this.store.savePreferences(this.form.getRawValue()).subscribe({
      next: (prefs) => {
        this.form.setValue(prefs);
        this.saved.set(true);
        this.busy.set(false);
      },
      error: (e: unknown) => {
        this.error.set(toApiError(e).message ?? this.i18n.t('common.networkError'));
        this.busy.set(false);
      },
    });
  }
}
