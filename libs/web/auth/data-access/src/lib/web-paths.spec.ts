import { safeReturnUrl } from './web-paths';

describe('safeReturnUrl', () => {
  it('follows paths of this app after sign-in', () => {
    expect(safeReturnUrl('/deals/D2026-000004?tab=contracts')).toBe('/deals/D2026-000004?tab=contracts');
    expect(safeReturnUrl('/')).toBe('/');
  });

  it('never follows another site, a scheme or a relative path', () => {
    for (const url of ['//evil.example/x', '/\\evil.example', 'https://evil.example', 'javascript:alert(1)', 'deals', '', null, undefined]) {
      expect(safeReturnUrl(url)).toBeNull();
    }
  });
});
