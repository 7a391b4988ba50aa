import type { ComponentFixture } from '@angular/core/testing';

/**
 * Test helper, not part of the app (`@xkx/web/ui/testing`, imported by component specs only). What a person does
 * to a rendered component in a component test (jest.preset.web-dom.js), and what they
 * read: elements by their `data-testid`, text as shown, a form field's message, typing (input, then blur, as
 * a person leaving the field) and clicks, each followed by the change detection it triggers.
 */
export function domTesting(fixture: () => ComponentFixture<unknown>) {
  const el = (): HTMLElement => fixture().nativeElement as HTMLElement;
  const byId = <T extends HTMLElement = HTMLInputElement>(id: string): T => {
    const found = el().querySelector<T>(`[data-testid="${id}"]`);
    if (!found) throw new Error(`no [data-testid="${id}"] on the page`);
    return found;
  };
  const text = (node: Element | null | undefined): string =>
    node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  /** The message under a field (its mat-error), as the user reads it. */
  const errorOf = (id: string): string =>
    text(byId(id).closest('mat-form-field')?.querySelector('mat-error'));

  async function type(target: string | Element, value: string): Promise<void> {
    const input = (typeof target === 'string' ? byId(target) : target) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    await fixture().whenStable();
  }
  async function click(target: HTMLElement): Promise<void> {
    target.click();
    await fixture().whenStable();
  }
  return { el, byId, text, errorOf, type, click };
}
