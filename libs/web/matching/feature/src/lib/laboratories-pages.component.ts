import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { EXPERT_TITLE_LABELS, LABORATORY_KIND_LABELS, LaboratoryKind, RESEARCH_OUTPUT_KIND_LABELS, ResearchOutputKind, ExpertTitle } from '@xkx/contracts';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';
import { PeopleApiService } from '@xkx/web/matching/data-access';
import { LabInstrumentsComponent } from './lab-instruments.component';

/** /laboratories: laboratories and platforms, national key laboratories first (issue 16). */
@Component({
  selector: 'xkx-laboratories-page',
  imports: [FormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'people.laboratories' | t }}</h1>
    <p class="lead">{{ 'people.laboratoriesLead' | t }}</p>
    <form (ngSubmit)="q.set(text.trim())" class="search">
      <mat-form-field>
        <mat-label>{{ 'people.search' | t }}</mat-label>
        <input matInput name="q" [(ngModel)]="text" />
      </mat-form-field>
      <button mat-flat-button type="submit">{{ 'people.search' | t }}</button>
      <a mat-button routerLink="/experts">{{ 'people.experts' | t }}</a>
    </form>
    @if (list.isLoading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (list.hasValue()) {
      <p>{{ 'people.labTotal' | t: { n: list.value().total } }}</p>
      <div class="list" data-testid="laboratory-list">
        @for (l of list.value().items; track l.id) {
          <article class="card">
            <a [routerLink]="['/laboratories', l.id]" class="name">{{ l.nameZh }}</a>
            <span class="meta">{{ kindLabel(l.kind) }} · {{ l.organization.nameZh }} · {{ 'people.members' | t: { n: l.memberCount } }}</span>
            <p>{{ l.directions }}</p>
          </article>
        } @empty {
          <p class="empty">{{ 'people.labNone' | t }}</p>
        }
      </div>
    }
  `,
  styles: `
    :host { display: block; max-width: 1080px; margin: 0 auto; padding: 16px; }
    .search { display: flex; gap: 12px; align-items: baseline; flex-wrap: wrap; }
    .list { display: grid; gap: 12px; }
    .card { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 12px 16px; }
    .name { font: var(--mat-sys-title-medium); margin-right: 12px; }
    .meta, .lead, .empty { color: var(--mat-sys-on-surface-variant); }
  `,
})
export class LaboratoriesPageComponent {
  private readonly api = inject(PeopleApiService);
  private readonly i18n = inject(I18nService);
  protected text = '';
  protected readonly q = signal('');
  protected readonly list = rxResource({ params: () => this.q(), stream: ({ params }) => this.api.laboratories({ q: params || undefined, limit: 100 }) });

  protected kindLabel(kind: LaboratoryKind): string {
    return this.i18n.pick(LABORATORY_KIND_LABELS[kind]);
  }
}

/** /laboratories/:id: directions, head, members (experts) and outputs. */
@Component({
  selector: 'xkx-laboratory-page',
  imports: [RouterLink, MatProgressBarModule, TranslatePipe, LabInstrumentsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (lab.isLoading()) {
      <mat-progress-bar mode="indeterminate" />
    }
    @if (lab.error()) {
      <p role="alert">{{ 'common.loadError' | t }}</p>
    }
    @if (lab.hasValue()) {
      @let l = lab.value();
      <h1>{{ l.nameZh }}</h1>
      <p class="meta">{{ kindLabel(l.kind) }} · {{ l.organization.nameZh }}@if (l.headName) { · {{ 'people.head' | t }}：{{ l.headName }} }</p>
      <h2>{{ 'people.directions' | t }}</h2>
      <p>{{ l.directions }}</p>
      @if (l.summary) {
        <p>{{ l.summary }}</p>
      }
      <h2>{{ 'people.members' | t: { n: l.members.length } }}</h2>
      <ul>
        @for (m of l.members; track m.id) {
          <li><a [routerLink]="['/experts', m.id]">{{ m.nameZh }}</a> · {{ titleLabel(m.title) }} · {{ m.directions }}</li>
        }
      </ul>
      <h2>{{ 'people.outputs' | t }}</h2>
      <ul>
        @for (o of l.outputs; track $index) {
          <li>{{ outputKind(o.kind) }}：{{ o.title }}@if (o.ref) { （{{ o.ref }}） }</li>
        }
      </ul>
      <xkx-lab-instruments [laboratoryId]="l.id" [organizationId]="l.organization.id" />
    }
  `,
  styles: `
    :host { display: block; max-width: 880px; margin: 0 auto; padding: 16px; }
    .meta { color: var(--mat-sys-on-surface-variant); }
    h2 { font: var(--mat-sys-title-medium); margin: 16px 0 4px; }
  `,
})
export class LaboratoryPageComponent {
  private readonly api = inject(PeopleApiService);
  private readonly i18n = inject(I18nService);
  readonly id = input.required<string>();
  protected readonly lab = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.laboratory(params) });

  protected kindLabel(kind: LaboratoryKind): string {
    return this.i18n.pick(LABORATORY_KIND_LABELS[kind]);
  }

  protected titleLabel(title: ExpertTitle): string {
    return this.i18n.pick(EXPERT_TITLE_LABELS[title]);
  }

  protected outputKind(kind: ResearchOutputKind): string {
    return this.i18n.pick(RESEARCH_OUTPUT_KIND_LABELS[kind]);
  }
}
