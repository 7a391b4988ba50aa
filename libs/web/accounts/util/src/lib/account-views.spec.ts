import { queryParams } from './account-views';

describe('queryParams', () => {
  it('sends numbers and trimmed text, and leaves out blanks, nulls and everything else', () => {
    expect(queryParams({ q: ' 南京 ', limit: 20, offset: 0, role: '', status: '   ', organizationId: null, kinds: undefined, verified: true })).toEqual({ q: '南京', limit: 20, offset: 0 });
  });
});
