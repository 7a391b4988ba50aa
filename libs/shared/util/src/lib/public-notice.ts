import { PUBLIC_NOTICE_DAYS } from '@xkx/contracts';
import { addCalendarDays, shanghaiDate } from './business-date';

/**
 * The last day of a public notice that starts on `startsOn`: 15 calendar days counting the first
 * (公示期 2026-03-01 至 2026-03-15). The notice has ended once Shanghai's date is after it.
 */
export function publicNoticeEndsOn(startsOn: string): string {
  return addCalendarDays(startsOn, PUBLIC_NOTICE_DAYS - 1);
}

export function publicNoticeEnded(endsOn: string, now: Date = new Date()): boolean {
  return shanghaiDate(now) > endsOn;
}
