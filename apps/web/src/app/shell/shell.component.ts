import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { I18nService, TranslatePipe } from '@xkx/web/i18n';

/** The frame around every page: brand, navigation, language switch, footer. */
@Component({
  selector: 'xkx-shell',
  imports: [MatToolbarModule, MatButtonModule, MatIconModule, RouterLink, RouterLinkActive, RouterOutlet, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-toolbar class="bar" role="banner">
      <a class="brand" routerLink="/">
        <span class="logo" aria-hidden="true">霞</span>
        <span class="name">{{ 'app.name' | t }}</span>
        <span class="tagline">{{ 'app.tagline' | t }}</span>
      </a>
      <nav class="nav" aria-label="main">
        <a mat-button routerLink="/" routerLinkActive="active" [routerLinkActiveOptions]="{ exact: true }">{{ 'nav.home' | t }}</a>
      </nav>
      <span class="spacer"></span>
      <button mat-stroked-button type="button" data-testid="language-switch" [attr.aria-label]="'nav.languageLabel' | t" (click)="i18n.toggle()">
        <mat-icon>translate</mat-icon> {{ 'nav.language' | t }}
      </button>
    </mat-toolbar>
    <main><router-outlet /></main>
    <footer>{{ 'footer.text' | t }}</footer>
  `,
  styles: `
    :host { display: flex; flex-direction: column; min-height: 100vh; }
    .bar { gap: 12px; background: var(--mat-sys-surface-container-high); }
    .brand { display: flex; align-items: center; gap: 10px; text-decoration: none; color: inherit; }
    .logo { display: inline-grid; place-items: center; width: 36px; height: 36px; border-radius: 10px; background: var(--mat-sys-primary); color: var(--mat-sys-on-primary); font-weight: 700; }
    .name { font-weight: 700; }
    .tagline { font: var(--mat-sys-body-medium); color: var(--mat-sys-on-surface-variant); }
    .spacer { flex: 1; }
    .active { background: var(--mat-sys-secondary-container); }
    main { flex: 1; }
    footer { padding: 16px; text-align: center; color: var(--mat-sys-on-surface-variant); font: var(--mat-sys-body-small); }
    @media (max-width: 720px) { .tagline { display: none; } }
  `,
})
export class ShellComponent {
  protected readonly i18n = inject(I18nService);
}
