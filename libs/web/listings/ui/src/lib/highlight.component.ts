import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { HighlightSegment } from '@xkx/contracts';

/** Text with the API's matched segments in <mark>; plain interpolation, never innerHTML. */
@Component({
  selector: 'xkx-highlight',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `@for (s of segments(); track $index) {@if (s.match) {<mark>{{ s.text }}</mark>} @else {{{ s.text }}}}`,
  styles: `
    mark { background: var(--mat-sys-tertiary-container); color: var(--mat-sys-on-tertiary-container); border-radius: 3px; padding: 0 1px; }
  `,
})
export class HighlightComponent {
  readonly segments = input.required<readonly HighlightSegment[]>();
}
