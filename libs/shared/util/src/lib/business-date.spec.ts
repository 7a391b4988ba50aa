import { addCalendarDays, shanghaiDate, shanghaiYear } from './business-date';

describe('business date', () => {
  it('is the calendar day in Beijing, not UTC', () => {
    // 17:30 UTC on 1 March is 01:30 on 2 March in Beijing.
    expect(shanghaiDate(new Date('2026-03-01T17:30:00Z'))).toBe('2026-03-02');
    expect(shanghaiDate(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(shanghaiYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
  });

  it('adds calendar days across months and leap days', () => {
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addCalendarDays('2026-12-31', 365)).toBe('2027-12-31');
  });
});
