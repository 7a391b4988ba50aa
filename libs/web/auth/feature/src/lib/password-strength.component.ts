import { ChangeDetectionStrategy, Component, computed, effect, input, signal } from '@angular/core';
import { MessageKey, TranslatePipe } from '@xkx/web/i18n';

type Check = (password: string, userInputs: string[]) => number;

const LABELS: MessageKey[] = ['auth.strength0', 'auth.strength1', 'auth.strength2', 'auth.strength3', 'auth.strength4'];

/** zxcvbn and its dictionaries are large: loaded in their own chunk, once, when a form first needs them. */
let loading: Promise<Check> | undefined;
function loadCheck(): Promise<Check> {
  loading ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(([core, common, en]) => {
    const factory = new core.ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
    return (password, userInputs) => factory.check(password, userInputs).score;
  });
  return loading;
}

/**
 * A strength meter under a new-password field: zxcvbn's 0–4 score as a bar and a word. The API has the
 * last word (it also refuses the e-mail name, the person's name and the common lists), and accepts 3+.
 */
@Component({
  selector: 'xkx-password-strength',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (password()) {
      <div class="meter" data-testid="password-strength" [attr.data-score]="score() ?? ''" aria-live="polite">
        <div class="bars" aria-hidden="true">
          @for (i of levels; track i) {
            <span [class.on]="score() !== null && i <= score()!" [attr.data-level]="score()"></span>
          }
        </div>
        @if (score() !== null) {
          <span class="label">{{ 'auth.strength' | t }}{{ labels[score()!]! | t }}</span>
        }
      </div>
    }
  `,
  styles: `
    .meter { display: flex; align-items: center; gap: 12px; margin: -4px 0 12px; font: var(--mat-sys-body-small); }
    .bars { display: grid; grid-template-columns: repeat(5, 1fr); gap: 4px; flex: 1; max-width: 240px; }
    .bars span { height: 6px; border-radius: 3px; background: var(--mat-sys-surface-variant); }
    .bars span.on[data-level='0'], .bars span.on[data-level='1'] { background: var(--mat-sys-error); }
    .bars span.on[data-level='2'] { background: #c77700; }
    .bars span.on[data-level='3'], .bars span.on[data-level='4'] { background: #2e7d32; }
    .label { color: var(--mat-sys-on-surface-variant); }
  `,
})
export class PasswordStrengthComponent {
  readonly password = input('');
  /** The e-mail and name typed in the same form: using them makes a password weak. */
  readonly userInputs = input<string[]>([]);

  protected readonly levels = [0, 1, 2, 3, 4];
  protected readonly labels = LABELS;
  private readonly check = signal<Check | null>(null);
  protected readonly score = computed(() => {
    const check = this.check();
    const password = this.password();
    if (!check || !password) return null;
    const inputs = this.userInputs().flatMap((v) => [v, v.split('@')[0] ?? '']).filter((v) => v.trim().length >= 3);
    return check(password, inputs);
  });

  constructor() {
    effect(() => {
      if (this.password() && !this.check()) void loadCheck().then((check) => this.check.set(check));
    });
  }
}
