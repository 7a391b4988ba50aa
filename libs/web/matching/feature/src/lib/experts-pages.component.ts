import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule } from '@angular/material/chips';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  EXPERT_AVAILABILITY_LABELS,
  EXPERT_COOPERATION_MODE_LABELS,
  EXPERT_TITLE_LABELS,
  ExpertCooperationMode,
  ExpertListQuery,
  ExpertTitle,
  Permission,
  RESEARCH_OUTPUT_KIND_LABELS,
} from '@xkx/contracts';
import { AuthSession } from '@xkx/web/auth/data-access';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';
import { PeopleApiService } from '@xkx/web/matching/data-access';
import { ExpertImportComponent } from './expert-import.component';

/** /experts: the public expert directory, searched in Chinese, with facets (issue 16). */
@Component({
  selector: 'xkx-experts-page',
  imports: [FormsModule, RouterLink, MatButtonModule, MatChipsModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, TranslatePipe, ExpertImportComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'people.experts' | t }}</h1>
    <p class="lead">{{ 'people.expertsLead' | t }}</p>
    @if (canImport()) {
      <xkx-expert-import (imported)="list.reload()" />
    }
    <form (ngSubmit)="search()" class="search">
      <mat-form-field>
        <mat-label>{{ 'people.search' | t }}</mat-label>
        <input matInput name="q" [(ngModel)]="text" data-testid="expert-search" />
      </mat-form-field>
      <button mat-flat-button type="submit">{{ 'people.search' | t }}</button>
      <a mat-button routerLink="/laboratories">{{ 'people.laboratories' | t }}</a>
    </form>
    @if (list.isLoading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (list.hasValue()) {
      <div class="facets">
        <mat-chip-set [attr.aria-label]="'people.facetTitle' | t">
          @for (b of list.value().facets.title; track b.value) {
            <mat-chip (click)="filter({ title: asTitle(b.value) })" [highlighted]="query().title === b.value">{{ titleLabel(b.value) }} {{ b.count }}</mat-chip>
          }
        </mat-chip-set>
        <mat-chip-set [attr.aria-label]="'people.facetMode' | t">
          @for (b of list.value().facets.mode; track b.value) {
            <mat-chip (click)="filter({ mode: asMode(b.value) })" [highlighted]="query().mode === b.value">{{ modeLabel(b.value) }} {{ b.count }}</mat-chip>
          }
        </mat-chip-set>
        <mat-chip-set [attr.aria-label]="'people.facetOrganization' | t">
          @for (b of list.value().facets.organization; track b.value) {
            <mat-chip (click)="filter({ organizationId: b.value })" [highlighted]="query().organizationId === b.value">{{ b.label }} {{ b.count }}</mat-chip>
          }
        </mat-chip-set>
        <button mat-button type="button" (click)="query.set({})">{{ 'people.clear' | t }}</button>
      </div>
      <p>{{ 'people.total' | t: { n: list.value().total } }}</p>
      <div class="list" data-testid="expert-list">
        @for (e of list.value().items; track e.id) {
          <article class="card">
            <a [routerLink]="['/experts', e.id]" class="name">{{ e.nameZh }}</a>
            <span class="meta">{{ titleLabel(e.title) }} · {{ e.organization.nameZh }}@if (e.laboratory) { · {{ e.laboratory.nameZh }} }</span>
            <p>{{ e.directions }}</p>
          </article>
        } @empty {
          <p class="empty">{{ 'people.none' | t }}</p>
        }
      </div>
    }
  `,
  styles: `
    :host { display: block; max-width: 1080px; margin: 0 auto; padding: 16px; }
    .search { display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; }
    .facets { display: grid; gap: 8px; margin-bottom: 8px; }
    .list { display: grid; gap: 12px; }
    .card { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 12px 16px; }
    .name { font: var(--mat-sys-title-medium); margin-right: 12px; }
    .meta, .lead, .empty { color: var(--mat-sys-on-surface-variant); }
  `,
})
export class ExpertsPageComponent {
  private readonly api = inject(PeopleApiService);
  private readonly i18n = inject(I18nService);
  private readonly session = inject(AuthSession);
  /** Brokers verify profiles, and so may import them. */
  protected readonly canImport = computed(() => this.session.can(Permission.EXPERT_VERIFY));
  protected text = '';
  protected readonly query = signal<ExpertListQuery>({});
  protected readonly list = rxResource({ params: () => this.query(), stream: ({ params }) => this.api.experts({ ...params, limit: 50 }) });

  protected search(): void {
    this.query.update((q) => ({ ...q, q: this.text.trim() || undefined }));
  }

  protected filter(change: Partial<ExpertListQuery>): void {
    this.query.update((q) => ({ ...q, ...change }));
  }

  protected titleLabel(value: string): string {
    return this.i18n.pick(EXPERT_TITLE_LABELS[value as ExpertTitle]);
  }

  protected modeLabel(value: string): string {
    return this.i18n.pick(EXPERT_COOPERATION_MODE_LABELS[value as ExpertCooperationMode]);
  }

  protected asTitle(value: string): ExpertTitle {
    return value as ExpertTitle;
  }

  protected asMode(value: string): ExpertCooperationMode {
    return value as ExpertCooperationMode;
  }
}

/** /experts/:id: the public layer; contact details for brokers and the expert. */
@Component({
  selector: 'xkx-expert-page',
  imports: [RouterLink, MatProgressBarModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (expert.isLoading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (expert.error()) {
      <p role="alert">{{ 'common.loadError' | t }}</p>
    }
    @if (expert.hasValue()) {
      @let e = expert.value();
      <h1 data-testid="expert-name">{{ e.nameZh }} <small>{{ labels().title }}</small></h1>
      <p class="meta">
        {{ e.organization.nameZh }}
        @if (e.laboratory) {
          · <a [routerLink]="['/laboratories', e.laboratory.id]">{{ e.laboratory.nameZh }}</a>
        }
        @if (!e.verified) {
          · {{ 'people.unverified' | t }}
        }
      </p>
      <h2>{{ 'people.directions' | t }}</h2>
      <p>{{ e.directions }}</p>
      @if (e.bio) {
        <h2>{{ 'people.bio' | t }}</h2>
        <p>{{ e.bio }}</p>
      }
      <h2>{{ 'people.outputs' | t }}</h2>
      <ul>
        @for (o of e.outputs; track $index) {
          <li>{{ outputKind(o.kind) }}：{{ o.title }}@if (o.ref) { （{{ o.ref }}） }@if (o.year) { {{ o.year }} }</li>
        }
      </ul>
      <h2>{{ 'people.modes' | t }}</h2>
      <p>{{ labels().modes }} · {{ 'people.availability' | t }}：{{ labels().availability }}</p>
      @if (e.contact) {
        <h2>{{ 'people.contact' | t }}</h2>
        <p>{{ e.contact.email }} {{ e.contact.phone }}</p>
      }
    }
  `,
  styles: `
    :host { display: block; max-width: 880px; margin: 0 auto; padding: 16px; }
    .meta { color: var(--mat-sys-on-surface-variant); }
    h2 { font: var(--mat-sys-title-medium); margin: 16px 0 4px; }
  `,
})
export class ExpertPageComponent {
  private readonly api = inject(PeopleApiService);
  private readonly i18n = inject(I18nService);
  readonly id = input.required<string>();
  protected readonly expert = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.expert(params) });
  protected readonly labels = computed(() => {
    const e = this.expert.hasValue() ? this.expert.value() : null;
    if (!e) return { title: '', modes: '', availability: '' };
    return {
      title: this.i18n.pick(EXPERT_TITLE_LABELS[e.title]),
      modes: e.cooperationModes.map((m) => this.i18n.pick(EXPERT_COOPERATION_MODE_LABELS[m])).join('、'),
      availability: this.i18n.pick(EXPERT_AVAILABILITY_LABELS[e.availability]),
    };
  });

  protected outputKind(kind: keyof typeof RESEARCH_OUTPUT_KIND_LABELS): string {
    return this.i18n.pick(RESEARCH_OUTPUT_KIND_LABELS[kind]);
  }
}
