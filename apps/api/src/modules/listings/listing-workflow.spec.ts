import { ListingStatus } from '@xkx/contracts';
import { isMaterialChange, ListingAction, nextStatus, TRANSITIONS } from './listing-workflow';

describe('listing workflow', () => {
  it('walks the happy path draft → published', () => {
    let status: ListingStatus = 'DRAFT';
    for (const action of ['SUBMIT', 'START_REVIEW', 'APPROVE'] as const) {
      const next = nextStatus(action, status);
      expect(next).not.toBeNull();
      status = next!;
    }
    expect(status).toBe('PUBLISHED');
  });

  it('loops through changes requested', () => {
    expect(nextStatus('REQUEST_CHANGES', 'IN_REVIEW')).toBe('CHANGES_REQUESTED');
    expect(nextStatus('SUBMIT', 'CHANGES_REQUESTED')).toBe('SUBMITTED');
  });

  it('refuses illegal moves', () => {
    expect(nextStatus('APPROVE', 'DRAFT')).toBeNull();
    expect(nextStatus('SUBMIT', 'PUBLISHED')).toBeNull();
    expect(nextStatus('RENEW', 'REJECTED')).toBeNull();
    expect(nextStatus('ARCHIVE', 'ARCHIVED')).toBeNull();
    expect(nextStatus('EXPIRE', 'DRAFT')).toBeNull();
  });

  it('renews published and expired listings', () => {
    expect(nextStatus('RENEW', 'EXPIRED')).toBe('PUBLISHED');
    expect(nextStatus('RENEW', 'PUBLISHED')).toBe('PUBLISHED');
  });

  it('every status except archived can be archived', () => {
    for (const status of Object.values(ListingStatus)) {
      expect(nextStatus(ListingAction.ARCHIVE, status)).toBe(status === 'ARCHIVED' ? null : 'ARCHIVED');
    }
  });

  it('knows which edits are material', () => {
    expect(isMaterialChange(['keywords', 'validUntil'])).toBe(false);
    expect(isMaterialChange(['confidentialDetail'])).toBe(false);
    expect(isMaterialChange(['title'])).toBe(true);
    expect(isMaterialChange(['keywords', 'price'])).toBe(true);
  });

  it('has a rule for every action', () => {
    for (const action of Object.values(ListingAction)) expect(TRANSITIONS[action].from.length).toBeGreaterThan(0);
  });
});
